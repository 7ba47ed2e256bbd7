"""The rows of list pages written in Python (esep.public.rows) and the links built without the resolver
(esep.public.links) give exactly what the templates and reverse() give, in every language."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from esep.police.models import Assignment
from esep.public import links, rows, selectors
from esep.public.forms import MeetingFilterForm
from esep.testing import factories as f
from esep.testing.public import published_meeting

pytestmark = pytest.mark.django_db

LANGS = ["kk", "ru", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_meeting_rows_match_the_template(tree, lang):
    plain = published_meeting(precinct=tree["precinct"], officer=tree["officer"])
    no_venue = published_meeting(precinct=tree["precinct"], officer=tree["officer"], venue_kk="", venue_ru="")
    cancelled = published_meeting(
        precinct=tree["precinct"], officer=tree["officer"], status="cancelled", venue_kk="Мектеп <№3> & «Жұлдыз»"
    )
    meetings = [plain, no_venue, cancelled]
    with translation.override(lang):
        for m in meetings:
            assert rows.meeting_row(m) == render_to_string("public/_meeting_row.html", {"m": m})


@pytest.mark.parametrize("lang", LANGS)
def test_precinct_cards_match_the_template(tree, lang):
    vacant = f.precinct(tree["body"], number="8", name_kk="№8 учаске <жаңа>", name_ru="Участок №8")
    acting = f.precinct(tree["body"], number="9", point=None)
    stand_in = f.officer(tree["body"], last_name="Сәрсенов", public_phone="+7 701 000 00 09")
    f.assignment(stand_in, acting, kind=Assignment.Kind.ACTING)
    tree["officer"].public_phone = "+7 701 555 44 33"
    tree["officer"].save()
    cards = selectors.precinct_cards([tree["precinct"], vacant, acting])
    with translation.override(lang):
        for card in cards:
            assert rows.precinct_card(card) == render_to_string("public/_precinct_card.html", {"card": card})


@pytest.mark.parametrize("lang", LANGS)
def test_links_match_reverse(tree, lang):
    m = published_meeting(precinct=tree["precinct"], officer=tree["officer"])
    odd = f.precinct(tree["body"], number="12А")
    with translation.override(lang):
        assert links.meeting_url(m) == reverse("public:meeting", args=[m.code])
        assert links.precinct_url(odd) == reverse("public:precinct", args=[odd.body.slug, odd.number])
        assert links.body_url(tree["body"]) == reverse("public:body", args=[tree["body"].slug])
        assert links.territory_url(tree["village"]) == reverse("public:territory", args=[tree["village"].kato])


@pytest.mark.parametrize(
    "data",
    [None, {"region": "350000000"}, {"region": "350000000", "district": "354000000"}, {"district": "x"},
     {"region": "99"}],
    ids=["unbound", "region", "district", "bad-district", "unknown-region"],
)  # fmt: skip
def test_the_filters_kept_options_give_djangos_markup(tree, data):
    form = MeetingFilterForm(data)
    if data:
        form.is_valid()
    for name in ("region", "district"):
        widget = form.fields[name].widget
        kept = str(form[name])
        key, widget.options_key = widget.options_key, ()
        assert kept == str(form[name])
        widget.options_key = key


def test_kept_reference_data_follows_the_public_version(client, tree):
    """The regions are kept per process; a change that bumps the public version shows at once."""
    from esep.core.pagecache import public_changed
    from esep.testing.public import place

    assert "Абай облысы" not in client.get("/kk/").content.decode()
    place("100000000", "Абай облысы", "область Абай", level="oblast")
    public_changed()
    assert "Абай облысы" in client.get("/kk/").content.decode()


def test_kept_upcoming_meetings_filter_as_the_query_does(tree):
    """esep.public.selectors.upcoming_meeting_ids (kept per process) and upcoming_meetings (SQL) agree on
    region, district and dates."""
    from esep.public.selectors import upcoming_meeting_ids, upcoming_meetings

    elsewhere = f.body()
    meetings = [published_meeting(precinct=tree["precinct"], officer=tree["officer"], days_ahead=d) for d in (3, 9)]
    there = f.precinct(elsewhere)
    meetings.append(published_meeting(precinct=there, officer=f.officer(elsewhere), body=elsewhere, days_ahead=5))
    day = timezone.localtime(meetings[1].starts_at).date()
    assert len(upcoming_meeting_ids()) == 3 and len(upcoming_meeting_ids(territory=tree["region"])) == 2
    for kw in ({}, {"territory": tree["region"]}, {"territory": tree["district"]}, {"date_from": day},
               {"date_to": day}, {"territory": elsewhere.territory}):  # fmt: skip
        assert upcoming_meeting_ids(**kw) == [m.pk for m in upcoming_meetings(**kw)], kw
