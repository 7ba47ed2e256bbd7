"""Averages: on the meeting page, on the precinct page (its last four reports), per inspector and quarter in
the back office; with bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from esep.accounts.models import Role
from esep.feedback import selectors
from esep.testing import factories as f
from esep.testing import feedback as tf

pytestmark = pytest.mark.django_db


def _precinct_url(tree) -> str:
    return f"/en/p/{tree['body'].slug}/{tree['precinct'].number}/"


def test_meeting_page_shows_count_and_average(tree):
    held = tf.held_meeting(precinct=tree["precinct"])
    for score in (5, 4, 4):
        tf.rating(held, score)
    html = Client().get(f"/en/meetings/{held.code}/").content.decode()
    assert "4.3 of 5 (ratings: 3)" in html


def test_precinct_page_averages_its_last_four_reports_only(tree):
    meetings = [tf.held_meeting(precinct=tree["precinct"], days_ago=days) for days in (3, 40, 100, 190, 280)]
    for m, score in zip(meetings, (5, 4, 3, 4, 1), strict=True):
        tf.rating(m, score)
    html = Client().get(_precinct_url(tree)).content.decode()
    assert "Residents' rating of the last reports" in html
    assert "4.0 of 5 (ratings: 4)" in html  # (5+4+3+4)/4; the oldest report's 1 is not counted
    assert "1.0 of 5" not in html


def test_precinct_page_without_ratings_has_no_rating_section(tree):
    tf.held_meeting(precinct=tree["precinct"])
    assert "rating of the last reports" not in Client().get(_precinct_url(tree)).content.decode()


def test_combined_average_weights_by_count():
    total = selectors.combined([selectors.Summary(3, 5.0), selectors.Summary(1, 1.0), selectors.EMPTY])
    assert total == selectors.Summary(4, 4.0)
    assert selectors.combined([]) == selectors.EMPTY


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 23), [(2026, 4), (2026, 3), (2026, 2), (2026, 1)]),
        (dt.date(2026, 2, 1), [(2026, 1), (2025, 4), (2025, 3), (2025, 2)]),
    ],
)
def test_last_four_quarters(today, expected):
    assert selectors.last_quarters(today) == expected


def test_back_office_precinct_shows_averages_per_inspector_and_quarter(tree):
    precinct, officer = tree["precinct"], tree["officer"]
    recent = tf.held_meeting(precinct=precinct, period_year=2026, period_quarter=4)
    older = tf.held_meeting(precinct=precinct, days_ago=60, period_year=2026, period_quarter=3)
    too_old = tf.held_meeting(precinct=precinct, days_ago=400, period_year=2025, period_quarter=3)
    for m, scores in ((recent, (5, 4)), (older, (2,)), (too_old, (1,))):
        for s in scores:
            tf.rating(m, s)
    rows = selectors.inspector_quarters(precinct, today=dt.date(2026, 11, 23))
    assert [(r["year"], r["quarter"], r["count"], r["average"]) for r in rows] == [(2026, 4, 2, 4.5), (2026, 3, 1, 2.0)]
    assert rows[0]["officer"].startswith(officer.last_name)
    client = Client()
    client.force_login(f.user(Role.STAFF_UNIT, body_=tree["body"]))
    html = client.get(f"/en/staff/registry/precincts/{precinct.pk}/").content.decode()
    assert "last four quarters" in html


def test_back_office_precinct_detail_costs_one_query_more(tree, django_assert_num_queries):
    precinct = tree["precinct"]
    client = Client()
    client.force_login(f.user(Role.STAFF_UNIT, body_=tree["body"]))
    url = f"/en/staff/registry/precincts/{precinct.pk}/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert sum("feedback_rating" in q["sql"] for q in queries.captured_queries) == 1


def test_meeting_page_queries_are_bounded(tree, django_assert_max_num_queries):
    held = tf.held_meeting(precinct=tree["precinct"])
    for score in range(1, 6):
        tf.rating(held, score, comment=f"Approved comment {score}", status="approved")
    # 8 for the page and its ratings, 4 for accountability (publication, observer notes, measures, "was it
    # fixed?").
    with django_assert_max_num_queries(12):
        response = Client().get(f"/en/meetings/{held.code}/")
    assert "Approved comment 5" in response.content.decode()


def test_precinct_page_queries_are_bounded(tree, django_assert_max_num_queries):
    for days in (3, 40, 100, 190, 280, 370):
        tf.rating(tf.held_meeting(precinct=tree["precinct"], days_ago=days), 4)
    with django_assert_max_num_queries(8):
        response = Client().get(_precinct_url(tree))
    assert "4.0 of 5 (ratings: 4)" in response.content.decode()


def test_the_meeting_page_stays_cacheable_the_form_lives_on_its_own_page(tree):
    held = tf.held_meeting(precinct=tree["precinct"])
    client = Client()
    first = client.get(f"/en/meetings/{held.code}/")
    assert f'href="/en/meetings/{held.code}/rate/"' in first.content.decode()
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert client.get(f"/en/meetings/{held.code}/")["X-Esep-Cache"] == "hit"
