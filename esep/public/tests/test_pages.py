"""What a resident sees: each public page answers, in a bounded number of queries, from the cache on the
second visit, and fresh after a change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from esep.meetings.models import MeetingStatus
from esep.public.cache import public_changed
from esep.testing import public as pf

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(tree):
    m = pf.published_meeting(precinct=tree["precinct"], online_url="https://meet.example.kz/room")
    pf.question(m, text="Accepted question about lighting", status="accepted")
    pf.question(m, text="Unmoderated <b>secret</b> text", status="submitted")
    return m


def _pages(tree, meeting):
    """Each page with the most queries it may ask with the page cache cold (kept reference data such as the
    regions is read once and counts on the first page that needs it); one more for the public version, read
    at most once a second."""
    p = tree["precinct"]
    return [
        ("/kk/", 3),
        ("/kk/?q=Ботакара", 6),
        ("/ru/?q=botakara", 2),
        (f"/kk/t/{tree['region'].kato}/", 5),
        (f"/kk/t/{tree['district'].kato}/", 9),
        (f"/ru/t/{tree['village'].kato}/", 7),
        (f"/kk/p/{p.body.slug}/", 7),
        (f"/kk/p/{p.body.slug}/{p.number}/", 7),
        (f"/ru/meetings/{meeting.code}/", 9),
        ("/kk/meetings/", 5),
        (f"/kk/meetings/?region={tree['region'].kato}&date_from=2020-01-01", 6),
        (f"/kk/meetings/{meeting.code}/calendar.ics", 3),
        (f"/kk/p/{p.body.slug}/calendar.ics", 5),
        (f"/kk/p/{p.body.slug}/{p.number}/calendar.ics", 8),
        ("/kk/meetings/feed.atom", 4),
    ]


def test_every_public_page_answers_in_bounded_queries_then_from_cache(
    client, tree, meeting, django_assert_max_num_queries
):
    for url, limit in _pages(tree, meeting):
        with django_assert_max_num_queries(limit):
            response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Esep-Cache"] == "miss", url
        with django_assert_max_num_queries(1):  # the public version, at most once a second
            again = client.get(url)
        assert again["X-Esep-Cache"] == "hit", url
        assert again.content == response.content


def test_precinct_page_shows_inspector_contacts_next_and_past_meetings(client, tree, meeting):
    past = pf.published_meeting(
        precinct=tree["precinct"], days_ahead=-40, status=MeetingStatus.HELD, summary_ru="Обсудили освещение улиц."
    )
    html = client.get(f"/ru/p/{tree['body'].slug}/7/").content.decode()
    assert "Әбілқайыров Нұрлан Серікұлы" in html
    assert "+7 700 000 00 00" in html  # the inspector's public phone
    assert "ул. Абая, 1" in html  # the УПП, in Russian
    assert "Пн–Пт 9:00–18:00" in html
    assert f"/ru/meetings/{meeting.code}/" in html
    assert "Обсудили освещение улиц." in html
    assert f"/ru/meetings/{past.code}/" in html
    assert "Ботакара" in html  # what it covers


def test_meeting_page_shows_only_moderated_questions(client, meeting):
    html = client.get(f"/kk/meetings/{meeting.code}/").content.decode()
    assert "Accepted question about lighting" in html
    assert "secret" not in html
    assert "https://meet.example.kz/room" in html
    assert f"/kk/meetings/{meeting.code}/ask/" in html


def test_unpublished_meeting_is_not_shown(client, tree):
    draft = pf.published_meeting(precinct=tree["precinct"], status=MeetingStatus.SCHEDULED, published_at=None)
    response = client.get(f"/kk/meetings/{draft.code}/")
    assert response.status_code == 404
    assert draft.code not in client.get("/kk/meetings/").content.decode()


def test_a_change_reaches_cached_pages(client, tree, meeting):
    url = f"/kk/p/{tree['body'].slug}/7/"
    client.get(url)
    assert client.get(url)["X-Esep-Cache"] == "hit"
    tree["officer"].public_phone = "+7 777 123 45 67"
    tree["officer"].save()
    public_changed()
    fresh = client.get(url)
    assert fresh["X-Esep-Cache"] == "miss"
    assert "+7 777 123 45 67" in fresh.content.decode()


def test_logged_in_users_are_never_served_from_the_cache(client, tree, meeting):
    from esep.testing import factories as f

    url = f"/kk/meetings/{meeting.code}/"
    client.get(url)
    client.force_login(f.user())
    response = client.get(url)
    assert "X-Esep-Cache" not in response


def test_languages_are_cached_apart(client, tree, meeting):
    kk = client.get(f"/kk/p/{tree['body'].slug}/7/").content.decode()
    ru = client.get(f"/ru/p/{tree['body'].slug}/7/").content.decode()
    assert "Абай к-сі, 1" in kk
    assert "ул. Абая, 1" in ru


def test_upcoming_meetings_filter_by_region_district_and_dates(client, tree, meeting):
    other_region = pf.place("750000000", "Алматы", "Алматы", level="oblast")
    base = "/ru/meetings/"
    assert meeting.code in client.get(base, {"region": tree["region"].kato}).content.decode()
    assert (
        meeting.code
        in client.get(base, {"region": tree["region"].kato, "district": tree["district"].kato}).content.decode()
    )
    assert meeting.code not in client.get(base, {"region": other_region.kato}).content.decode()
    day = timezone.localdate(meeting.starts_at)
    assert meeting.code in client.get(base, {"date_from": day, "date_to": day}).content.decode()
    assert meeting.code not in client.get(base, {"date_from": day + dt.timedelta(days=1)}).content.decode()


@pytest.mark.parametrize(
    "params",
    [{"date_from": "yesterday"}, {"region": "999999999"}, {"date_from": "2030-02-01", "date_to": "2030-01-01"}],
    ids=["bad-date", "unknown-region", "reversed-dates"],
)
def test_bad_filters_get_a_clear_400(client, tree, params):
    response = client.get("/ru/meetings/", params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_location_leads_to_the_district(client, tree):
    response = client.get("/kk/", {"lat": "50.07", "lon": "73.70"})
    assert response.status_code == 302
    assert response["Location"] == f"/kk/t/{tree['district'].kato}/"


def test_location_outside_kazakhstan_is_a_400(client, tree):
    assert client.get("/kk/", {"lat": "10", "lon": "<script>"}).status_code == 400


def test_without_javascript_the_start_page_offers_regions(client, tree):
    html = client.get("/kk/").content.decode()
    assert f"/kk/t/{tree['region'].kato}/" in html
    district_page = client.get(f"/kk/t/{tree['region'].kato}/").content.decode()
    assert f"/kk/t/{tree['district'].kato}/" in district_page


def test_unknown_things_are_404_with_a_message(client, tree):
    assert client.get("/ru/meetings/nope/").status_code == 404
    assert client.get("/ru/p/nope/").status_code == 404
    assert client.get(f"/ru/p/{tree['body'].slug}/999/").status_code == 404
    assert client.get("/ru/t/000000000/").status_code == 404


def test_language_links_keep_the_page(client, tree):
    html = client.get(f"/kk/p/{tree['body'].slug}/").content.decode()
    assert f'href="/ru/p/{tree["body"].slug}/"' in html


def test_a_meeting_page_asks_five_queries_once_reference_data_is_kept(
    client, tree, meeting, django_assert_max_num_queries
):
    """The meeting, its reporters, the moderated questions, the ratings and the published report; whether
    earlier reports left decisions or "was it fixed?" answers is kept per process (esep.core.pagecache)."""
    other = pf.published_meeting(precinct=tree["precinct"], days_ahead=21)
    assert client.get(f"/ru/meetings/{meeting.code}/").status_code == 200
    with django_assert_max_num_queries(6):  # and the public version, read at most once a second
        assert client.get(f"/ru/meetings/{other.code}/").status_code == 200
