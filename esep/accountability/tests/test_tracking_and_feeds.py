"""One tracking page for every code (GET, bookmarkable; the old pages redirect), and Atom feeds per region,
body and precinct that agree with the list of meetings."""

import re

import pytest
import time_machine
from django.test import Client

from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing.public import place, published_meeting, question

pytestmark = pytest.mark.django_db


def test_a_question_code_a_waiting_code_and_an_appeal_code_open_the_same_page(tree):
    from esep.accountability.waiting import waiting_question_submit

    meeting = published_meeting(precinct=tree["precinct"])
    q = question(meeting)
    w = waiting_question_submit(precinct=f.precinct(tree["body"]), text="Көшеде жарық жоқ, кімге жүгінемін?")
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        appeal = ta.appeal(body=tree["body"])
    client = Client()
    for code, marker in [
        (q.tracking_code, "question-status"),
        (w.tracking_code, "waiting-status"),
        (appeal.code, "appeal-status"),
    ]:
        response = client.get(f"/kk/track/{code}/")
        assert response.status_code == 200 and f'id="{marker}"' in response.content.decode()
        assert response["Referrer-Policy"] == "no-referrer" and "no-cache" in response["Cache-Control"]
    # What people type (dashes, lower case, Cyrillic look-alikes) lands on the same address.
    typed = q.display_code.lower()
    response = client.get("/kk/track/", {"code": typed})
    assert response.status_code == 302 and response["Location"] == f"/kk/track/{q.tracking_code}/"


def test_the_old_pages_redirect_to_the_tracking_page(tree):
    meeting = published_meeting(precinct=tree["precinct"])
    q = question(meeting)
    client = Client()
    old_appeal = client.get("/ru/appeals/ABCDEFGHJKMN/")
    assert old_appeal.status_code == 302 and old_appeal["Location"] == "/ru/track/ABCDEFGHJKMN/"
    assert client.get("/ru/appeals/", {"code": "abc"})["Location"] == "/ru/track/?code=abc"
    assert client.get("/ru/questions/status/")["Location"] == "/ru/track/"
    assert client.get("/ru/questions/status/", {"code": q.display_code})["Location"] == f"/ru/track/{q.tracking_code}/"


def _codes(text: str) -> set[str]:
    return set(re.findall(r"/meetings/(\w{10})/", text))


def test_the_atom_feed_filtered_by_region_holds_only_that_region(tree):
    here = published_meeting(precinct=tree["precinct"])
    other_region = place("150000000", "Ақтөбе облысы", "Актюбинская область", level="oblast")
    other_district = place(
        "154000000", "Әйтеке би ауданы", "Айтекебийский район", level="district", parent=other_region
    )
    other_body = f.body(terr=other_district)
    off, prec = f.inspector_with_precinct(other_body)
    there = published_meeting(precinct=prec, officer=off)
    client = Client()
    everything = client.get("/kk/meetings/feed.atom").content.decode()
    assert {here.code, there.code} <= _codes(everything)
    for region, inside, outside in [(tree["region"], here, there), (other_region, there, here)]:
        feed = client.get("/kk/meetings/feed.atom", {"region": region.kato})
        assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
        text = feed.content.decode()
        assert inside.code in text and outside.code not in text
        # The list page with the same filter shows the same meetings.
        listing = client.get("/kk/meetings/", {"region": region.kato}).content.decode()
        assert _codes(listing) == _codes(text)
        assert f"feed.atom?region={region.kato}" in listing
    by_district = client.get(
        "/kk/meetings/feed.atom", {"region": tree["region"].kato, "district": tree["district"].kato}
    )
    assert _codes(by_district.content.decode()) == {here.code}
    assert client.get("/kk/meetings/feed.atom", {"region": "nonsense"}).status_code == 400


def test_feeds_per_body_and_per_precinct(tree):
    here = published_meeting(precinct=tree["precinct"])
    other = f.precinct(tree["body"])
    off = f.officer(tree["body"])
    f.assignment(off, other)
    neighbour = published_meeting(precinct=other, officer=off)
    client = Client()
    body_feed = client.get(f"/ru/p/{tree['body'].slug}/feed.atom").content.decode()
    assert {here.code, neighbour.code} <= _codes(body_feed)
    precinct_feed = client.get(f"/ru/p/{tree['body'].slug}/{tree['precinct'].number}/feed.atom").content.decode()
    assert _codes(precinct_feed) == {here.code}
