"""The showcase chief's report (esep demo load): all ten sections of Order 608 p.6 prefilled and complete,
published; its public page in kk and ru shows the figures with their year-on-year change, the charts, and
says which figures are demo."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from esep.demo.generator import SHOWCASE_DISTRICT
from esep.demo.showcase import story_days
from esep.law.describe import evaluate_meeting
from esep.meetings.models import Meeting
from esep.reports.models import Report

pytestmark = pytest.mark.django_db


def _chief() -> Meeting:
    _year, days = story_days(timezone.localdate())
    return Meeting.objects.get(body__territory__kato=SHOWCASE_DISTRICT, kind="chief", starts_at__date=days["chief"])


def test_showcase_chief_report_has_all_ten_sections_prefilled(demo_country):
    meeting = _chief()
    report = Report.objects.get(meeting=meeting)
    blocks = list(report.blocks.order_by("position"))
    assert report.published and len(blocks) == 10 and all(b.complete for b in blocks)
    rows = blocks[0].data["rows"]
    assert rows and all(r["demo"] and r["previous"] is not None for r in rows)
    assert not [f for f in evaluate_meeting(meeting) if f.code == "report.section_missing"]


@pytest.mark.parametrize("lang,demo_word", [("kk", "демо"), ("ru", "демо")])
def test_showcase_public_page_shows_change_and_charts(demo_country, lang, demo_word):
    meeting = _chief()
    html = Client().get(f"/{lang}/meetings/{meeting.code}/").content.decode()
    first = Report.objects.get(meeting=meeting).blocks.get(section="crime_situation").data["rows"][0]
    assert f"{first['previous']:,}".replace(",", "\xa0") in html
    assert "→" in html and "%" in html
    assert 'role="img"' in html and "<desc" in html
    assert demo_word in html
    # The previous year's report is one click away.
    previous = Meeting.objects.filter(body=meeting.body, kind="chief", period_year=meeting.period_year - 1).first()
    if previous is not None:
        assert f'href="/{lang}/meetings/{previous.code}/"' in html
