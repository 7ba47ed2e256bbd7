"""A published report on the meeting's public page in kk and ru, on its own page, as a PDF (A4) and slides
(landscape) whose text extracts the Kazakh letters and the numbers shown on the page; cached like other
public pages; the compliance finding names a section left empty (Order 608 p.6)."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from esep.law.describe import evaluate_meeting
from esep.reports import services
from esep.testing.protocols import person

pytestmark = pytest.mark.django_db

KAZAKH = "әғқңөұүһі"


def _publish(chief_case, *, fill=True):
    staff = person("staff_unit", chief_case["body"])
    report = services.report_prepare(meeting=chief_case["meeting"], actor=staff)
    if fill:
        for block in report.blocks.all():
            if not block.complete:
                services.block_update(
                    block=block,
                    text_kk="Құқық бұзушылықтың алдын алу бағдарламасы орындалды: өңірде һәм ауылдарда жиындар өтті.",
                    text_ru="Программа профилактики правонарушений выполнена.",
                    sources=["programmes"],
                    actor=staff,
                )
    return services.report_publish(report=report, actor=staff)


def _pdf_text(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(p.extract_text() for p in reader.pages), reader


@pytest.mark.parametrize(
    "lang,heading",
    [
        ("kk", "Қызмет көрсетілетін аумақтағы криминогендік жағдай"),
        ("ru", "Криминогенная ситуация на обслуживаемой территории"),
    ],
)
def test_meeting_page_shows_the_report_with_change_and_charts(chief_case, lang, heading):
    _publish(chief_case)
    code = chief_case["meeting"].code
    html = Client().get(f"/{lang}/meetings/{code}/").content.decode()
    assert heading in html
    assert "712 → 800" in html and "12,4%" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html and "<desc" in html
    assert "<table>" in html and "qamqor.gov.kz" in html


def test_report_not_shown_before_publication(chief_case):
    staff = person("staff_unit", chief_case["body"])
    services.report_prepare(meeting=chief_case["meeting"], actor=staff)
    code = chief_case["meeting"].code
    assert "712 → 800" not in Client().get(f"/kk/meetings/{code}/").content.decode()
    assert Client().get(f"/kk/reports/{code}/").status_code == 404


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_pdf_extracts_kazakh_letters_and_the_numbers_of_the_page(chief_case, lang):
    _publish(chief_case)
    code = chief_case["meeting"].code
    response = Client().get(f"/{lang}/reports/{code}/report-{lang}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text, reader = _pdf_text(response.content)
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842  # A4 portrait
    for number in ("712", "800", "12,4%", "690", "600"):
        assert number in text
    if lang == "kk":
        for letter in KAZAKH:
            assert letter in text, letter
    else:
        assert "Криминогенная ситуация" in text


def test_slides_are_landscape(chief_case):
    _publish(chief_case)
    response = Client().get(f"/kk/reports/{chief_case['meeting'].code}/slides-kk.pdf")
    _text, reader = _pdf_text(response.content)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert len(reader.pages) == 11  # title + one per section


def test_public_report_page_is_cached_and_publication_drops_the_cache(chief_case, django_capture_on_commit_callbacks):
    report = _publish(chief_case)
    url = f"/kk/reports/{chief_case['meeting'].code}/"
    first, second = Client().get(url), Client().get(url)
    assert first["X-Esep-Cache"] == "miss" and second["X-Esep-Cache"] == "hit"
    staff = person("staff_unit", chief_case["body"], username="other-staff")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_withdraw(report=report, actor=staff)
    assert Client().get(url).status_code == 404


def test_608_p6_finding_for_a_published_report_with_an_empty_section(chief_case):
    _publish(chief_case, fill=False)
    codes = {(f.code, f.path) for f in evaluate_meeting(chief_case["meeting"])}
    assert ("report.section_missing", "report.sections.anti_corruption") in codes
    assert ("report.section_missing", "report.sections.crime_situation") not in codes


def test_public_pages_with_a_report_keep_their_query_count(chief_case, django_assert_max_num_queries):
    _publish(chief_case)
    code = chief_case["meeting"].code
    with django_assert_max_num_queries(12):
        assert Client().get(f"/kk/reports/{code}/").status_code == 200
    with django_assert_max_num_queries(25):
        assert Client().get(f"/ru/meetings/{code}/").status_code == 200


def test_table_gives_the_change_in_absolute_and_percent(chief_case):
    _publish(chief_case)
    html = Client().get(f"/ru/reports/{chief_case['meeting'].code}/").content.decode()
    assert "+88 (+12,4%)" in html


def test_previous_years_report_is_one_click_away(chief_case):
    from esep.testing import factories as f
    from esep.testing.protocols import at

    staff = person("staff_unit", chief_case["body"])
    earlier = f.meeting(
        kind="chief", body_=chief_case["body"], reporters=[(chief_case["chief"], None)],
        starts_at=at(2024, 2, 22, 15), status="held",
    )  # fmt: skip
    services.report_publish(report=services.report_prepare(meeting=earlier, actor=staff), actor=staff)
    _publish(chief_case)
    html = Client().get(f"/kk/meetings/{chief_case['meeting'].code}/").content.decode()
    assert f'href="/kk/meetings/{earlier.code}/"' in html and "Алдыңғы есеп" in html
    page = Client().get(f"/ru/reports/{chief_case['meeting'].code}/").content.decode()
    assert f'href="/ru/reports/{earlier.code}/"' in page
