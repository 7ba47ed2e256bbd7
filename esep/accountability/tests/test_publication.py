"""The held report in public (Order 608 p.13; Order 652 p.32) without personal data (Law on personal data
arts. 7-8): staff publish what they checked; every public page and public PDF of the meeting is searched for
the names, phones, IIN and addresses seeded into every field a secretary can type."""

import io

import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from esep.accountability import publication
from esep.accountability.models import ItemPublication
from esep.protocols.models import ProtocolVersion
from esep.testing import accountability as ta
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db
HELD = at(2026, 3, 10, 18)
AFTER = at(2026, 3, 10, 21)
LATER = at(2026, 3, 25, 12)
LANGS = ("kk", "ru", "en")


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def report():
    with time_machine.travel(AFTER, tick=False):
        return ta.held_report(HELD)


def test_the_held_report_shows_what_happened(report, django_assert_max_num_queries):
    meeting = report["meeting"]
    with time_machine.travel(LATER, tick=False), django_assert_max_num_queries(40):
        response = Client().get(f"/ru/meetings/{meeting.code}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Как прошёл отчёт" in page and "Количество участников" in page
    assert "Решения и их исполнение" in page
    assert "Мектеп маңында жаяу жүргіншілер өткелін белгілеу" in page  # a decision, as taken
    assert "исполнено" in page and "в работе" in page and "Өткел белгіленді." in page  # status and progress
    assert "Кіреберісте жарық жоқ" in page  # an item, redacted
    assert "дан ответ на встрече" in page  # its outcome
    assert "зарегистрировано как обращение" in page  # the other item became an appeal, with its status
    assert "https://video.example.kz/report-7" in page
    seal = ProtocolVersion.objects.get(protocol=report["protocol"]).sha256
    assert seal in page
    assert f"/ru/meetings/{meeting.code}/minutes-kk.pdf" in page


def test_nothing_is_public_before_staff_publish():
    with time_machine.travel(AFTER, tick=False):
        report = ta.held_report(HELD, publish=False)
    meeting = report["meeting"]
    page = Client().get(f"/kk/meetings/{meeting.code}/").content.decode()
    assert 'data-part="report"' not in page and "Кіреберісте жарық жоқ" not in page
    assert Client().get(f"/kk/meetings/{meeting.code}/minutes-kk.pdf").status_code == 404


def test_an_item_staff_did_not_check_is_not_published(report):
    meeting = report["meeting"]
    draft = publication.draft_texts(meeting)
    items = {row["item"].pk: {"text": row["text"], "answer": row["answer"], "publish": False} for row in draft["items"]}
    # The staff member types a phone number back into a published text: it is removed on saving.
    items[report["answered"].pk] = {"text": "Жарық жоқ, қоңырау: 8 701 555 44 33", "answer": "", "publish": True}
    publication.report_publish(
        meeting=meeting,
        actor=report["staff"],
        place=draft["place"],
        agenda=draft["agenda"],
        show_decisions=True,
        show_items=True,
        show_video=False,
        show_minutes=True,
        items=items,
    )
    published = ItemPublication.objects.get(item=report["answered"])
    assert "555" not in published.public_text and "[…]" in published.public_text
    page = Client().get(f"/kk/meetings/{meeting.code}/").content.decode()
    assert "түнде шу шығарады" not in page  # the unchecked item
    assert "video.example.kz" not in page  # staff chose not to publish the video


def test_only_the_body_staff_may_publish(report):
    from django.core.exceptions import PermissionDenied

    from esep.testing import factories as f

    outsider = f.staff(b=f.body())
    with pytest.raises(PermissionDenied):
        publication.report_publish(
            meeting=report["meeting"],
            actor=outsider,
            place="",
            agenda="",
            show_decisions=True,
            show_items=True,
            show_video=True,
            show_minutes=True,
            items={},
        )


def _public_urls(meeting, next_meeting, lang):
    reporter = meeting.reporters.first()
    precinct, body = reporter.precinct, meeting.body
    return [
        f"/{lang}/meetings/{meeting.code}/",
        f"/{lang}/meetings/{next_meeting.code}/",
        f"/{lang}/meetings/{meeting.code}/calendar.ics",
        f"/{lang}/meetings/",
        f"/{lang}/meetings/feed.atom",
        f"/{lang}/meetings/feed.atom?region={body.territory.kato[:2]}0000000",
        f"/{lang}/p/{body.slug}/",
        f"/{lang}/p/{body.slug}/feed.atom",
        f"/{lang}/p/{body.slug}/calendar.ics",
        f"/{lang}/p/{body.slug}/{precinct.number}/",
        f"/{lang}/p/{body.slug}/{precinct.number}/feed.atom",
        f"/{lang}/p/{body.slug}/{precinct.number}/calendar.ics",
        f"/{lang}/t/{body.territory.kato}/",
    ]


def test_no_personal_data_on_any_public_page_or_public_pdf_of_the_meeting(report):
    meeting = report["meeting"]
    with time_machine.travel(AFTER, tick=False):
        next_meeting = ta.next_report(meeting, at(2026, 6, 10, 18))
    found = {}
    with time_machine.travel(LATER, tick=False):
        client = Client()
        for lang in LANGS:
            for url in _public_urls(meeting, next_meeting, lang):
                response = client.get(url)
                assert response.status_code == 200, url
                leaked = ta.leaks(response.content.decode())
                if leaked:
                    found[url] = leaked
            # The measures of the next report carry the open decision (without the personal data in it).
            nxt = client.get(f"/{lang}/meetings/{next_meeting.code}/").content.decode()
            assert 'data-part="measures"' in nxt and "Түнгі рейдтерді күшейту" in nxt
        for lang in ("kk", "ru"):
            response = client.get(f"/{lang}/meetings/{meeting.code}/minutes-{lang}.pdf")
            assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
            text = _pdf_text(response.content)
            assert ProtocolVersion.objects.get(protocol=report["protocol"]).sha256 in text.replace("\n", "")
            assert "Түнгі рейдтерді күшейту" in text  # the document is there
            leaked = ta.leaks(text)
            if leaked:
                found[f"minutes-{lang}.pdf"] = leaked
    assert found == {}


def test_the_seeded_data_is_really_in_the_staff_minutes(report):
    """The check above could pass by seeding nothing: the staff's own PDF carries every seed."""
    from esep.protocols.pdf import protocol_pdf

    text = _pdf_text(protocol_pdf(report["protocol"], lang="kk"))
    assert {"Жұмабаева", "Иванов", "Ленина"} <= set(ta.leaks(text))


def test_staff_publish_from_the_back_office():
    with time_machine.travel(AFTER, tick=False):
        report = ta.held_report(HELD, publish=False)
    meeting = report["meeting"]
    staff = Client()
    staff.force_login(report["staff"])
    form = staff.get(f"/ru/staff/accountability/meetings/{meeting.pk}/publish/")
    html = form.content.decode()
    assert form.status_code == 200 and "[…]" in html
    assert ta.leaks(html.split('name="agenda"', 1)[1].split("</textarea>", 1)[0]) == []  # the draft is redacted
    item = report["answered"]
    response = staff.post(
        f"/ru/staff/accountability/meetings/{meeting.pk}/publish/",
        {
            "place": "Мәдениет үйі",
            "agenda": "Есепті тыңдады.",
            "show_decisions": "on",
            "show_items": "on",
            "show_minutes": "on",
            f"item-{item.pk}-text": "Кіреберісте жарық жоқ.",
            f"item-{item.pk}-answer": "Жарық орнатылады.",
            f"item-{item.pk}-publish": "on",
        },
    )
    assert response.status_code == 302
    page = Client().get(f"/ru/meetings/{meeting.code}/").content.decode()
    assert "Кіреберісте жарық жоқ." in page and "Жарық орнатылады." in page
    # Someone of another body sees no such meeting.
    from esep.testing import factories as f

    outsider = Client()
    outsider.force_login(f.staff(b=f.body()))
    assert outsider.get(f"/ru/staff/accountability/meetings/{meeting.pk}/publish/").status_code == 404


@pytest.mark.parametrize(
    "lang, heading, note",
    [
        ("kk", "ХАТТАМА", "Дербес деректерсіз жария нұсқа"),
        ("ru", "ПРОТОКОЛ", "Публичная версия без персональных данных"),
    ],
)
def test_the_public_minutes_are_the_official_document_without_the_registration_list(report, lang, heading, note):
    meeting, protocol = report["meeting"], report["protocol"]
    with time_machine.travel(LATER, tick=False):
        response = Client().get(f"/{lang}/meetings/{meeting.code}/minutes-{lang}.pdf")
        page = Client().get(f"/{lang}/meetings/{meeting.code}/").content.decode()
    text = " ".join(_pdf_text(response.content).split())
    assert heading in text and note in text
    assert meeting.body.name_kk in text and meeting.body.name_ru in text  # the letterhead
    assert f"№ {protocol.document_number}" in text and f"№ {protocol.document_number}" in page
    assert report["inspector"].last_name in text  # the official who signed stays
    assert "esep protocols verify" in text
    assert ("Қатысушылар (тіркеу парағы)" if lang == "kk" else "Участники (лист регистрации)") not in text
