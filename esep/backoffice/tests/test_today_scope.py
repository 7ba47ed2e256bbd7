"""Issue 8 item 6: the Today panels "appeals past their term" and "comments to moderate" read the user's area in
SQL, not the country: a district user counts only the district's rows, and the page costs a bounded number of
queries whatever the rest of the country holds."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from esep.accounts.models import Role
from esep.backoffice.dashboard import overdue_appeals
from esep.feedback.panels import comments_to_moderate
from esep.feedback.selectors import moderation_queue
from esep.testing import factories as f
from esep.testing.appeals import appeal
from esep.testing.feedback import held_meeting, rating

pytestmark = pytest.mark.django_db
LONG_AGO = dt.datetime(2025, 3, 3, 10, tzinfo=dt.UTC)


def _held(body):
    _officer, precinct = f.inspector_with_precinct(body)
    return held_meeting(precinct=precinct)


@pytest.fixture
def region():
    """A region body with two district bodies: ours with one overdue appeal and one comment waiting, the
    neighbour with more of both."""
    top = f.region_body()
    ours = f.body(parent=top, terr=f.district(top.territory))
    neighbour = f.body(parent=top, terr=f.district(top.territory))
    with time_machine.travel(LONG_AGO):
        appeal(body=ours, text="Біздің аулада жарық жоқ.")
        for n in range(3):
            appeal(body=neighbour, text=f"Көрші ауданның өтініші {n}.")
    rating(_held(ours), comment="Жақсы есеп, рақмет.")
    for n in range(4):
        rating(_held(neighbour), comment=f"Көрші аудандағы пікір {n}.")
    return {"top": top, "ours": ours, "neighbour": neighbour}


def test_a_district_user_counts_only_the_districts_rows(region):
    user = f.staff(Role.STAFF_UNIT, region["ours"])
    assert overdue_appeals(user).count == 1
    comments = comments_to_moderate(user)
    assert comments.count == 1 and comments.rows[0].label == "Жақсы есеп, рақмет."
    regional = f.staff(Role.STAFF_UNIT, region["top"])
    assert overdue_appeals(regional).count == 4
    assert comments_to_moderate(regional).count == 5


def test_the_comment_queue_is_driven_from_the_areas_meetings_in_sql(region):
    sql = str(moderation_queue(f.staff(Role.STAFF_UNIT, region["ours"])).query)
    assert '"feedback_rating"."meeting_id" IN (SELECT' in sql


def test_the_today_page_of_a_district_user_costs_the_same_whatever_the_country_holds(
    client, region, django_assert_max_num_queries
):
    user = f.staff(Role.STAFF_UNIT, region["ours"])
    client.force_login(user)
    with django_assert_max_num_queries(40) as before:
        page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "Жақсы есеп, рақмет." in page and "Көрші аудандағы пікір" not in page
    # The rest of the country grows: more districts with overdue appeals and comments waiting.
    for _n in range(3):
        other = f.body(parent=region["top"], terr=f.district(region["top"].territory))
        with time_machine.travel(LONG_AGO):
            appeal(body=other)
        rating(_held(other), comment="Басқа пікір.")
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "Басқа пікір." not in page
