"""The showcase tells the story it means to: each report evaluates to the findings intended, and the bulk
archive is consistent with what the rules and the Today page read."""

from __future__ import annotations

import pytest
from django.utils import timezone

from esep.accounts.models import User
from esep.appeals.models import Appeal, AppealStatus
from esep.demo.generator import MISSED_SHARE, SHOWCASE_DISTRICT
from esep.demo.minutes import COUNTED_ON_PAPER
from esep.demo.showcase import story_days
from esep.law.describe import evaluate_meeting
from esep.meetings.models import Meeting, MeetingStatus
from esep.planning.selectors import ObligationStatus, inspector_obligations
from esep.police.models import PoliceBody
from esep.protocols.models import ProtocolStatus
from esep.protocols.panels import unsigned_minutes
from esep.questions.models import QuestionStatus

pytestmark = pytest.mark.django_db


def _body():
    return PoliceBody.objects.get(territory__kato=SHOWCASE_DISTRICT)


def _story(name: str, body=None) -> Meeting:
    _year, days = story_days(timezone.localdate())
    qs = Meeting.objects.filter(body=body or _body(), starts_at__date=days[name], invitations__isnull=False)
    kinds = {"chief": "chief"}
    return qs.filter(kind=kinds.get(name, "inspector")).distinct().get()


def _codes(meeting: Meeting) -> set[str]:
    return {f.code for f in evaluate_meeting(meeting)}


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        pytest.param("full", set(), id="Order 652 pp.26-33 - inspector's report by the book: no findings"),
        pytest.param("chief", set(), id="Order 608 pp.8-19 - chief's report by the book: no findings"),
        pytest.param(
            "problems",
            {
                "notice.late",  # Order 652 p.27: announced 6 days before, with a reason
                "invitees.missing",  # Order 652 p.28: only the akimat was invited (a warning: "by agreement")
                "participants.missing",  # Order 652 p.26: the akimat did not take part
                "video.missing",  # Order 652 p.32
                "minutes.late",  # Order 652 p.32: signed the next morning
                "appeal.overdue",  # АППК art. 76 p.1: the complaint was taken but never answered
            },
            id="Order 652 pp.26-32, APPK art. 76 - the report where things went wrong",
        ),
        pytest.param("unsigned", {"minutes.missing"}, id="Order 652 p.32 - minutes still a draft"),
        pytest.param("today", set(), id="Order 652 p.27 - today's report, announced in time"),
    ],
)
def test_showcase_reports_evaluate_to_the_findings_intended(demo_country, story, expected):
    assert _codes(_story(story)) == expected


def test_the_other_showcase_bodies_have_clean_reports_of_both_kinds(demo_country):
    # The archive's minutes (esep.demo.minutes) are closed too; the showcase's are those played through services.
    closed = (
        Meeting.objects.filter(status=MeetingStatus.CLOSED)
        .exclude(body=_body())
        .exclude(protocol__participants_override_reason=COUNTED_ON_PAPER)
    )
    assert closed.filter(kind="chief").count() >= 3 and closed.filter(kind="inspector").count() >= 3
    for meeting in closed:
        assert _codes(meeting) == set(), meeting


def test_closed_means_signed_minutes_and_the_archive_is_held(demo_country):
    # esep.meetings.workflow: a held meeting is closed once its minutes are signed.
    closed = Meeting.objects.filter(status=MeetingStatus.CLOSED)
    assert closed.exists()
    assert not closed.exclude(protocol__status=ProtocolStatus.SIGNED).exists()
    # The archive (esep.demo.minutes): most reports closed with signed minutes, a few held without any.
    assert closed.count() > 10000
    held = Meeting.objects.filter(status=MeetingStatus.HELD, protocol__isnull=True)
    assert held.count() > 100 and not held.filter(summary_kk="").exists()
    # Every published meeting has its announcement record (what the compliance engine reads).
    assert not Meeting.objects.filter(published_at__isnull=False, announcement__isnull=True).exists()


def test_today_page_asks_only_for_the_minutes_really_missing(demo_country):
    prosecutor = User.objects.get(username="prosecutor")
    panel = unsigned_minutes(prosecutor)
    assert panel is not None and panel.count == 1
    assert panel.rows[0].url.endswith(f"/meeting/{_story('unsigned').pk}/")


def test_oversight_sees_a_small_share_of_reports_not_held(demo_country):
    today = timezone.localdate()
    year, quarter = (today.year, (today.month - 1) // 3) if today.month > 3 else (today.year - 1, 4)
    prosecutor = User.objects.get(username="prosecutor")
    items = inspector_obligations(prosecutor, year=year, quarter=quarter)
    missing = sum(1 for ob in items if ob.status == ObligationStatus.MISSING)
    assert 0 < missing < len(items) * MISSED_SHARE * 2


def test_appeals_questions_and_codes_for_the_residents_side(demo_country):
    full = _story("full")
    statuses = set(Appeal.objects.filter(meeting=full).values_list("status", flat=True))
    assert {AppealStatus.ANSWERED, AppealStatus.CRIME_REGISTERED} <= statuses
    assert Appeal.objects.filter(meeting=full, answered_by_agency=True).exists()
    assert Appeal.objects.filter(overdue_since__isnull=False).count() == 1
    assert full.questions.filter(status=QuestionStatus.ANSWERED_WRITING).exists()
    assert _story("upcoming").questions.filter(status=QuestionStatus.SUBMITTED).count() >= 2
