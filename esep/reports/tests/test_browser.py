"""In a real Chromium: an inspector opens the workspace of the next report, sees the complaints from the last
report with what was done (Order 652 p.30), edits a block, publishes; a resident reads it on the public page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from esep.appeals.models import Appeal, AppealStatus
from esep.meetings.models import MeetingStatus
from esep.testing import factories
from esep.testing.appeals import appeal
from esep.testing.protocols import at, held_meeting, inspector_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pass-word-123"


@pytest.fixture
def world(settings, live_server):
    settings.SITE_URL = live_server.url
    body = factories.body()
    officer, precinct = factories.inspector_with_precinct(body)
    earlier = held_meeting(reporters=[(officer, precinct)], starts_at=at(2025, 12, 10, 18))
    earlier.precincts.add(precinct)
    complaint = appeal(
        body=body,
        meeting=earlier,
        precinct=precinct,
        received_at=at(2025, 12, 10, 19),
        text="Мектеп маңындағы жаяу жүргіншілер өткелінде жарық жоқ.",
    )
    Appeal.objects.filter(pk=complaint.pk).update(
        status=AppealStatus.ANSWERED,
        answered_on=dt.date(2025, 12, 20),
        answer_measures="Өткелге екі шам орнатылды, рейд өткізілді.",
        finished_at=timezone.now(),
    )
    upcoming = factories.meeting(
        reporters=[(officer, precinct)],
        starts_at=timezone.now() + dt.timedelta(days=12),
        status=MeetingStatus.ANNOUNCED,
        published_at=timezone.now(),
    )
    upcoming.precincts.add(precinct)
    return {
        "meeting": upcoming,
        "complaint": Appeal.objects.get(pk=complaint.pk),
        "inspector": inspector_user(officer, username="inspector", password=PASSWORD),
        "url": live_server.url,
    }


def test_inspector_prepares_edits_publishes_and_a_resident_reads(world, page):
    base, meeting = world["url"], world["meeting"]
    page.goto(f"{base}/kk/accounts/login/")
    page.fill("input[name=username]", "inspector")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button.primary")
    page.wait_for_url(re.compile(r"/staff/"))

    page.goto(f"{base}/kk/staff/meetings/{meeting.pk}/")
    page.click("text=Есептің мазмұны: бөлімдер, көрсеткіштер, жариялау")
    page.click("text=Есепті дайындау")
    complaints = page.locator("#b-complaints")
    complaints.wait_for()
    text_kk = complaints.locator("textarea[name=text_kk]").input_value()
    assert world["complaint"].number in text_kk
    assert "Өткелге екі шам орнатылды" in text_kk  # what was done on the last report's complaint

    block = page.locator("#b-citizen_involvement")
    assert "толтырылмаған" in block.inner_text()
    block.locator("textarea[name=text_kk]").fill("Ауылда 14 адамнан тұратын қоғамдық тәртіп сақшылары жасағы құрылды.")
    block.locator("textarea[name=text_ru]").fill("В селе создана дружина охраны общественного порядка из 14 человек.")
    block.locator("button.primary").click()
    page.wait_for_selector("text=Бөлім сақталды.")
    assert "толтырылды" in page.locator("#b-citizen_involvement").inner_text()

    page.click("text=Есепті жариялау")
    page.wait_for_selector("text=Есеп кездесудің ашық бетінде жарияланды.")

    page.context.clear_cookies()
    page.goto(f"{base}/ru/meetings/{meeting.code}/")
    body = page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body")
    assert "Отчет участкового инспектора полиции перед населением" in body or "Отчёт участкового" in body
    assert "В селе создана дружина охраны общественного порядка из 14 человек." in body
    assert world["complaint"].number in body


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_public_report_page_is_accessible_and_reflows(chief_case, live_server, page, lang):
    """axe-core finds no serious or critical violation on the report page (charts with title and description,
    tables with headers), on a phone and a desktop; at 320 px (400% zoom) nothing scrolls sideways."""
    from esep.reports import services
    from esep.testing import a11y
    from esep.testing.protocols import person

    staff = person("staff_unit", chief_case["body"])
    report = services.report_prepare(meeting=chief_case["meeting"], actor=staff)
    services.report_publish(report=report, actor=staff)
    page.goto(f"{live_server.url}/{lang}/reports/{chief_case['meeting'].code}/")
    problems = a11y.check_page(page, f"report page ({lang})")
    assert not problems, "\n".join(problems)
    page.set_viewport_size({"width": 320, "height": 800})
    assert a11y.horizontal_overflow(page) == 0
