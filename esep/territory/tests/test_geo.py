"""A latitude and longitude placed in its district, from the shipped boundaries."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from esep.territory.geo import locate, point_in_geometry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lat", "lon", "district", "region"),
    [
        pytest.param(43.238, 76.945, "751410000", "750000000", id="almaty-bostandyk"),
        pytest.param(49.806, 73.085, "351000000", "350000000", id="karaganda-city"),
        pytest.param(51.128, 71.430, None, "710000000", id="astana"),
        pytest.param(42.317, 69.590, None, "790000000", id="shymkent"),
        pytest.param(55.75, 37.61, None, None, id="moscow-outside"),
    ],
)
def test_locate_places_a_point_in_its_district_and_region(country, lat, lon, district, region):
    found_region = locate(lat, lon, admin_level=1)
    assert (found_region.kato if found_region else None) == region
    found = locate(lat, lon)
    if region is None:
        assert found is None
    elif district:
        assert found.kato == district
    else:
        assert found.kato.startswith(region[:2])


def test_the_command_names_the_district(country):
    out = io.StringIO()
    call_command("territory", "locate", "49.806", "73.085", stdout=out)
    assert "Қарағанды" in out.getvalue()
    assert "CC BY 4.0" in out.getvalue()
    with pytest.raises(CommandError, match="not inside any district"):
        call_command("territory", "locate", "0", "0")


def test_point_in_polygon_respects_holes():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    geometry = {"type": "Polygon", "coordinates": [square, hole]}
    assert point_in_geometry(2, 2, geometry)
    assert not point_in_geometry(5, 5, geometry)
    assert not point_in_geometry(11, 5, geometry)
