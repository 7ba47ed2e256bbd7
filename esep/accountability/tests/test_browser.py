"""A resident in a real Chromium, in Kazakh and in Russian, opens a held report's public page: the decisions
and their progress, the complaints with their outcomes, the minutes PDF with the seal's hash, and nowhere a
participant's name, phone, IIN or address (Order 608 p.13; Order 652 p.32; Law on personal data arts. 7-8)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from esep.protocols.models import ProtocolVersion
from esep.testing import accountability as ta
from esep.testing.protocols import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOURNEYS = [
    # language, the section headings a resident reads, words of the outcomes
    ("kk", ["Есеп қалай өтті", "Шешімдер және олардың орындалуы", "Тұрғындардың шағымдары, ұсыныстары мен ескертулері"],
     ["орындалды", "кездесуде жауап берілді"]),
    ("ru", ["Как прошёл отчёт", "Решения и их исполнение", "Жалобы, предложения и замечания жителей"],
     ["исполнено", "дан ответ на встрече"]),
]  # fmt: skip


@pytest.fixture
def report(settings, live_server):
    settings.SITE_URL = live_server.url
    return ta.held_report(at(2026, 3, 10, 18))


@pytest.mark.parametrize(("lang", "headings", "outcomes"), JOURNEYS, ids=[j[0] for j in JOURNEYS])
def test_resident_reads_a_held_report(page, live_server, report, lang, headings, outcomes):
    meeting = report["meeting"]
    page.goto(f"{live_server.url}/{lang}/meetings/{meeting.code}/")
    assert page.locator("html").get_attribute("lang") == lang
    for heading in headings:
        assert page.get_by_role("heading", name=heading).is_visible()
    decisions = page.locator("[data-part=decisions]").inner_text()
    assert "Мектеп маңында жаяу жүргіншілер өткелін белгілеу" in decisions and "Өткел белгіленді." in decisions
    items = page.locator("[data-part=items]").inner_text()
    assert "Кіреберісте жарық жоқ" in items
    for word in outcomes:
        assert word in page.locator("main").inner_text()
    assert page.locator("a[href='https://video.example.kz/report-7']").is_visible()
    assert ta.leaks(page.locator("body").inner_text()) == []
    assert ta.leaks(page.content()) == []
    page.screenshot(path=f"test-results/held-report-{lang}.png", full_page=True)  # for review

    # The minutes PDF, public version: the seal's hash, no personal data.
    link = page.locator(f"a[href='/{lang}/meetings/{meeting.code}/minutes-{lang}.pdf']")
    assert link.is_visible()
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    seal = ProtocolVersion.objects.get(protocol=report["protocol"]).sha256
    assert seal in text.replace("\n", "") and seal in page.locator("[data-part=report]").inner_text()
    assert ta.leaks(text) == []
