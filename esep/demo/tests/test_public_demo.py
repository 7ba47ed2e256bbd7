"""The residents' side on the demo country: every city lists its precincts, streets of the demo city are
found, a house number picks its precinct, and no office gives an emergency number as its phone."""

from __future__ import annotations

import re

import pytest
from django.db.models import Q

from esep.police.models import PoliceBody, PolicePoint, Precinct, StreetRange
from esep.public import selectors
from esep.territory.models import Territory
from esep.territory.search import KIND_CITY, KIND_CITY_DISTRICT, kind_of

pytestmark = pytest.mark.django_db
EMERGENCY = {"101", "102", "103", "104", "112"}


def _covering(territory: Territory) -> set[int]:
    return set(
        Precinct.objects.filter(
            Q(settlements__kato__startswith=territory.prefix)
            | Q(street_ranges__settlement__kato__startswith=territory.prefix)
        ).values_list("id", flat=True)
    )


def test_every_city_and_city_district_lists_the_precincts_that_cover_it(demo_country):
    cities = [
        t
        for t in Territory.objects.all()
        if kind_of(t.level, t.type_code, t.name_ru) in {KIND_CITY, KIND_CITY_DISTRICT}
    ]
    assert len(cities) > 50
    for city in cities:
        covering = _covering(city)
        listed = {p.pk for p in selectors.precincts_of_territory(city, limit=10_000)}
        assert covering, city.name_ru
        assert covering <= listed, city.name_ru


def test_karaganda_city_page_lists_its_precincts(client, demo_country):
    city = Territory.objects.get(kato="351010000")
    response = client.get(f"/ru/t/{city.kato}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ни одного участка" not in text
    some = Precinct.objects.filter(id__in=_covering(city)).select_related("body").first()
    assert f"/ru/p/{some.body.slug}/{some.number}/" in text
    assert "город Караганда" in text  # the registry's "г.Караганда" written out


def test_a_street_of_the_demo_city_is_found_with_a_typo(client, demo_country):
    response = client.get("/ru/", {"q": "Ерубаево"})
    text = response.content.decode()
    assert "улица Ерубаева" in text
    assert "город Караганда" in text or "Қарағанды" in text


def test_a_house_number_picks_the_precinct(client, demo_country):
    ranges = list(StreetRange.objects.filter(street_ru="улица Сатпаева", settlement__kato="351010000"))
    assert len({r.precinct_id for r in ranges}) > 1  # the street runs through several precincts
    target = next(r for r in ranges if r.house_from and r.house_from > 1)
    house = target.house_from + 2
    response = client.get("/ru/", {"q": f"Сатпаева {house}"})
    text = response.content.decode()
    assert f'href="/ru/p/{target.precinct.body.slug}/{target.precinct.number}/"' in text
    others = {(r.precinct.body.slug, r.precinct.number) for r in ranges} - {
        (target.precinct.body.slug, target.precinct.number)
    }
    assert others and not any(f'href="/ru/p/{slug}/{number}/"' in text for slug, number in others)


def test_no_office_phone_is_an_emergency_number(demo_country):
    phones = [
        *PoliceBody.objects.values_list("phone", flat=True),
        *PolicePoint.objects.values_list("phone", flat=True),
    ]
    assert phones and all(p and p.replace(" ", "") not in EMERGENCY for p in phones)
    assert all(re.fullmatch(r"\+7 \(\d{3,5}\) [\d-]+", p) for p in phones)


def test_a_location_inside_a_demo_precinct_area_opens_it(client, demo_country):
    from esep.territory.geo import point_in_geometry

    with_area = list(Precinct.objects.filter(area__isnull=False).select_related("body").order_by("id"))
    assert len(with_area) > Precinct.objects.count() / 4
    precinct = with_area[len(with_area) // 2]
    polygon = precinct.area["coordinates"] if precinct.area["type"] == "Polygon" else precinct.area["coordinates"][0]
    ring = polygon[0][:-1]
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    response = client.get("/ru/", {"lat": f"{lat:.5f}", "lon": f"{lon:.5f}"})
    assert response.status_code == 302
    slug, number = response["Location"].split("/")[3:5]
    opened = Precinct.objects.get(body__slug=slug, number=number)
    # The precinct opened contains the point: this one, or a smaller one overlapping it.
    assert point_in_geometry(lon, lat, opened.area)
