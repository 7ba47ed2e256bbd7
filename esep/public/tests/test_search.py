"""Finding a place by name in Kazakh, Russian or Latin letters, with typos."""

from __future__ import annotations

import pytest

from esep.territory.search import search
from esep.testing import public as pf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["Ботақара", "Ботакара", "botakara", "Botaqara", "ботокара", "Батакара", "БОТАКАРА", "  ботакара  "],
    ids=["kazakh", "russian", "latin", "latin-q", "typo-o", "typo-a", "upper", "spaces"],
)
def test_village_found_in_any_spelling(tree, query):
    hits = search(query)
    assert hits and hits[0].id == tree["village"].pk


def test_district_found_by_name(tree):
    hits = search("Бухар Жырау")
    assert hits[0].id == tree["district"].pk


def test_street_ranges_are_found(tree):
    from esep.police.models import StreetRange

    sr = StreetRange.objects.create(
        precinct=tree["precinct"],
        settlement=tree["village"],
        street_kk="Тәуелсіздік көшесі",
        street_ru="улица Независимости",
        house_from=1,
        house_to=40,
    )
    hits = search("Тауелсиздик")
    assert ("street", sr.pk) in [(h.kind, h.id) for h in hits]


def test_a_citys_street_comes_before_a_village_of_the_same_name_but_after_a_city(tree):
    """A bare name matching a street and a village equally: the street (streets are kept in cities), as the
    ranking documents (esep.territory.search: a city, then a street, then a village)."""
    from esep.police.models import StreetRange
    from esep.territory.models import Level

    city = pf.place("354010000", "Сәтбаев қаласы", "г.Сатпаев", level=Level.SUB_DISTRICT, parent=tree["district"])
    city.type_code, city.population = 1, 60000
    city.save()
    village = pf.place("354030300", "Сәтпаева", "с.Сатпаева", parent=tree["district"])
    street = StreetRange.objects.create(
        precinct=tree["precinct"], settlement=city, street_kk="Сәтпаев көшесі", street_ru="улица Сатпаева"
    )
    order = [(h.kind, h.id) for h in search("Сатпаева")]
    assert order.index(("street", street.pk)) < order.index(("territory", village.pk))
    order = [(h.kind, h.id) for h in search("Сатпаев")]
    assert order.index(("territory", city.pk)) < order.index(("street", street.pk))


@pytest.mark.parametrize(
    "query", ["", "   ", "<script>", "ул.", "zzzzqqqq"], ids=["empty", "spaces", "markup", "stopword", "nonsense"]
)
def test_nothing_for_empty_or_nonsense(tree, query):
    assert search(query) == []


def test_search_at_national_scale_stays_bounded(db):
    """15,000 names: one query to build the index, none per search afterwards."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from esep.territory.models import Level, Territory

    rows = [
        Territory(
            kato=f"{10 + i // 1000:02d}{i % 1000:07d}",
            level=Level.SETTLEMENT,
            prefix=f"{i}",
            name_kk=f"Ауыл{i}",
            name_ru=f"Село{i}",
            search_key=f"auyl{i} selo{i}",
        )
        for i in range(15_000)
    ]
    Territory.objects.bulk_create(rows, batch_size=2000)
    pf.place("559990001", "Ақтоғай", "Актогай")
    search("актогай")
    with CaptureQueriesContext(connection) as ctx:
        hits = search("aktogai")
    assert len(ctx.captured_queries) == 0
    assert hits[0].id == Territory.objects.get(kato="559990001").pk
