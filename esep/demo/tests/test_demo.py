"""The demo covers the whole country from the real KATO, the same way every time."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from esep.accounts.models import User
from esep.demo.generator import Generator
from esep.meetings.models import Meeting, MeetingKind
from esep.police.models import Assignment, BodyLevel, Officer, PoliceBody, Precinct
from esep.territory.models import Level, Territory

pytestmark = pytest.mark.django_db


def test_the_demo_is_deterministic(country):
    # First in the file: it runs before the package-wide demo_country fixture is loaded.
    from django.db import transaction

    def snapshot():
        with transaction.atomic():
            Generator("default").run()
            names = list(Officer.objects.order_by("id").values_list("last_name", "first_name")[:300])
            precincts = list(Precinct.objects.order_by("id").values_list("number", "name_ru")[:300])
            transaction.set_rollback(True)
        return names, precincts

    assert snapshot() == snapshot()


def test_every_region_and_district_has_a_police_body(demo_country):
    assert (
        PoliceBody.objects.filter(level__in=[BodyLevel.REGION_DP, BodyLevel.CITY_RS_DP, BodyLevel.CAPITAL_DP]).count()
        == 20
    )
    district_codes = set(Territory.objects.filter(level=Level.DISTRICT).values_list("kato", flat=True))
    assert district_codes <= set(PoliceBody.objects.values_list("territory__kato", flat=True))
    # Every body but the regional ones sits under its region's department.
    assert (
        not PoliceBody.objects.filter(parent__isnull=True)
        .exclude(level__in=["region_dp", "city_rs_dp", "capital_dp"])
        .exists()
    )


def test_every_settlement_is_covered_by_a_precinct_with_an_inspector_today(demo_country):
    uncovered = Territory.objects.filter(level=Level.SETTLEMENT, precincts__isnull=True)
    assert not uncovered.exists()
    assert Precinct.objects.count() == demo_country["precincts"]
    without_inspector = Precinct.objects.annotate(
        n=Count("assignments", filter=Q(assignments__end__isnull=True, assignments__kind="permanent"))
    ).filter(n=0)
    assert not without_inspector.exists()
    officer = Officer.objects.first()
    assert officer.last_name and officer.patronymic.endswith(("ұлы", "қызы"))


def test_history_answers_who_was_inspector_on_a_past_date(demo_country):
    precinct = Precinct.objects.first()
    rows = list(Assignment.objects.filter(precinct=precinct, kind="permanent").order_by("start"))
    assert len(rows) >= 2
    assert rows[0].end is not None and rows[0].officer != rows[-1].officer


def test_meetings_of_both_kinds_and_demo_logins(demo_country):
    assert Meeting.objects.filter(kind=MeetingKind.CHIEF).exists()
    assert Meeting.objects.filter(kind=MeetingKind.INSPECTOR, status="announced").exists()
    assert User.objects.filter(username__in=["staff", "inspector", "prosecutor", "akimat", "admin"]).count() == 5
    out = io.StringIO()
    call_command("demo", "logins", stdout=out)
    assert "inspector" in out.getvalue() and "esep-demo-2026" in out.getvalue()
    # The region's public council (issue 12): it moderates residents' comments and writes observer notes.
    council = User.objects.get(username="council").roles.get()
    assert council.role == "public_council" and council.territory.level == "oblast"
    assert "council" in out.getvalue()


def test_load_refuses_without_debug_or_the_explicit_flag(country):
    # The demo's accounts (an administrator among them) have a published password: never by accident.
    from django.core.management.base import CommandError

    before = (User.objects.count(), PoliceBody.objects.count())
    with pytest.raises(CommandError, match="--i-know-this-is-not-production") as refused:
        call_command("demo", "load", "--force", stdout=io.StringIO())
    assert refused.value.returncode == 2
    assert (User.objects.count(), PoliceBody.objects.count()) == before


def test_the_flag_or_debug_mode_lets_load_through(demo_country, settings):
    out = io.StringIO()
    call_command("demo", "load", "--i-know-this-is-not-production", stdout=out)
    settings.DEBUG = True
    call_command("demo", "load", stdout=out)
    assert out.getvalue().count("already loaded") == 2
