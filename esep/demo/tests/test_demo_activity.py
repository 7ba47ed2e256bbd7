"""The demo gives the pages built on residents' ratings and complaints something true to show: the evaluation
ranks some inspectors of the showcase district, the complaints register holds decided complaints, and the
public council has residents' comments to moderate (esep/demo/activity.py)."""

from __future__ import annotations

import pytest
from django.db.models import Avg, Count

from esep.accounts.models import User
from esep.complaints.models import OfficerComplaint
from esep.demo.showcase import SHOWCASE_DISTRICT
from esep.feedback.models import CommentStatus, Rating
from esep.police.models import PoliceBody

pytestmark = pytest.mark.django_db


def test_complaints_about_officers_are_decided_and_answered_to_named_applicants(demo_country):
    complaints = OfficerComplaint.objects.select_related("appeal")
    assert complaints.count() >= 10
    decided = complaints.exclude(outcome="")
    assert {c.outcome for c in decided} == {"confirmed", "partly", "not_confirmed"}
    # Each decided complaint was answered through its appeal (АППК arts. 77, 89), none ended as anonymous.
    assert {c.appeal.status for c in decided} == {"answered"}
    assert all(c.officers.exists() for c in complaints)


def test_ratings_differ_between_precincts_and_recent_comments_wait_for_the_council(demo_country):
    means = [
        row["mean"]
        for row in Rating.objects.values("meeting__reporters__precinct")
        .annotate(n=Count("pk"), mean=Avg("score"))
        .filter(n__gte=10)
    ]
    assert len(means) >= 3
    # Residents of different precincts do not rate alike, so the evaluation has something to tell apart.
    assert max(means) - min(means) >= 0.5
    assert Rating.objects.filter(comment_status=CommentStatus.PENDING).exists()


def test_the_evaluation_ranks_some_inspectors_of_the_showcase_district(demo_country, client):
    body = PoliceBody.objects.get(territory__kato=SHOWCASE_DISTRICT)
    chief = User.objects.get(username="chief")
    client.force_login(chief)
    page = client.get(f"/en/staff/evaluation/?body={body.pk}")
    assert page.status_code == 200
    ranked = page.context["ranked"]
    assert len(ranked) >= 2, "the demo's evaluation compares nobody in the showcase district"
    # Ranked ones show their place; the others are listed with what they lack.
    assert page.context["unranked"]
