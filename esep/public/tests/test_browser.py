"""A resident in a real Chromium, in Kazakh and in Russian: from a settlement's name to the inspector, the next
meeting, a question sent in advance, and its status by tracking code."""

from __future__ import annotations

import re

import pytest

from esep.testing import public as pf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOURNEYS = [
    # language, what the resident types, the heading of the start page, words on the status page
    ("kk", "Ботакара", "Учаскелік инспекторыңызды табыңыз", "Сұрағыңызды немесе өтінішіңізді бақылау"),
    ("ru", "ботокара", "Найдите своего участкового инспектора", "Статус вопроса или обращения"),
]


@pytest.fixture
def data(settings, transactional_db):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 1
    tree = pf.karaganda_tree()
    meeting = pf.published_meeting(precinct=tree["precinct"])
    return tree, meeting


@pytest.mark.parametrize(("lang", "typed", "heading", "status_heading"), JOURNEYS, ids=[j[0] for j in JOURNEYS])
def test_resident_journey(page, live_server, data, lang, typed, heading, status_heading):
    tree, meeting = data
    page.goto(f"{live_server.url}/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.get_by_role("heading", level=1).inner_text() == heading

    # A settlement's name, with a typo or in the other script.
    page.locator("#q").fill(typed)
    page.locator("form[role=search] button").click()
    page.locator(f"a[href='/{lang}/t/{tree['village'].kato}/']").click()

    # The settlement page names the inspector and leads to the precinct.
    assert "Әбілқайыров Нұрлан Серікұлы" in page.locator("main").inner_text()
    page.locator(f"a[href='/{lang}/p/{tree['body'].slug}/7/']").first.click()

    # The precinct page: contacts, reception hours, the next meeting.
    main = page.locator("main").inner_text()
    assert "+7 700 000 00 00" in main
    assert ("Дс–Жм 9:00–18:00" if lang == "kk" else "Пн–Пт 9:00–18:00") in main
    page.locator(f"#next-h ~ p a[href='/{lang}/meetings/{meeting.code}/']").click()

    # The meeting page: who reports, where; then the question form.
    assert (
        "Мәдениет үйі" in page.locator("main").inner_text()
        if lang == "kk"
        else "Дом культуры" in page.locator("main").inner_text()
    )
    page.locator(f"main a[href='/{lang}/meetings/{meeting.code}/ask/']").first.click()
    page.locator("#id_text").fill("Ауылдағы көше шамдары қашан жөнделеді? / Когда починят фонари на улице?")
    page.wait_for_timeout(1200)  # the form refuses what is sent faster than a person could type it
    page.locator("main form button[type=submit]").click()

    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)

    # The page that sent the question links to its tracking page, an address that can be bookmarked.
    page.locator(f"main a[href='/{lang}/track/{code.replace('-', '')}/']").click()
    assert page.locator("#question-status").is_visible()
    # Later, the code typed in lower case without the dash, from the menu.
    page.locator(f"header a[href='/{lang}/track/']").click()
    assert page.get_by_role("heading", level=1).inner_text() == status_heading
    page.locator("#id_code").fill(code.replace("-", "").lower())
    page.locator("main form button[type=submit]").click()
    assert page.locator("#question-status").is_visible()
    assert code in page.locator("main").inner_text()
