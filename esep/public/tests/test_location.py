"""'Use my location' opens the precinct whose area contains the point; precinct areas are imported from
GeoJSON all or nothing (docs/public.md)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from esep.police.services import precinct_set_area

pytestmark = pytest.mark.django_db

# An L-shaped precinct around Botakara: its bounding box holds a corner that is not in the precinct.
L_SHAPE = {
    "type": "Polygon",
    "coordinates": [[[73.70, 50.04], [73.76, 50.04], [73.76, 50.06], [73.72, 50.06], [73.72, 50.10], [73.70, 50.10],
                     [73.70, 50.04]]],
}  # fmt: skip


def test_a_location_inside_the_polygon_opens_the_precinct(client, tree):
    precinct_set_area(precinct=tree["precinct"], geometry=L_SHAPE)
    response = client.get("/kk/", {"lat": "50.05", "lon": "73.74"})
    assert response.status_code == 302
    assert response["Location"] == f"/kk/p/{tree['body'].slug}/{tree['precinct'].number}/"


def test_a_location_in_the_bounding_box_but_outside_the_polygon_does_not(client, tree):
    precinct_set_area(precinct=tree["precinct"], geometry=L_SHAPE)
    response = client.get("/kk/", {"lat": "50.09", "lon": "73.75"})
    assert response.get("Location", "") != f"/kk/p/{tree['body'].slug}/{tree['precinct'].number}/"


def test_areas_are_imported_from_geojson(tmp_path, tree):
    path = tmp_path / "areas.geojson"
    feature = {"type": "Feature", "properties": {"body": tree["body"].slug, "number": "7"}, "geometry": L_SHAPE}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    call_command("police", "import-areas", str(path))
    tree["precinct"].refresh_from_db()
    assert tree["precinct"].area == L_SHAPE
    assert (tree["precinct"].area_min_lat, tree["precinct"].area_max_lon) == (50.04, 73.76)


@pytest.mark.parametrize(
    "geometry",
    [{"type": "Point", "coordinates": [73.7, 50.0]}, {"type": "Polygon", "coordinates": [[[73.7, 50.0], [73.8, 50.0]]]},
     {"type": "Polygon", "coordinates": [[[273.7, 50.0], [73.8, 50.0], [73.8, 50.1], [273.7, 50.0]]]}, None],
    ids=["point", "two-points", "off-globe", "no-geometry"],
)  # fmt: skip
def test_a_bad_area_file_changes_nothing(tmp_path, tree, geometry):
    precinct_set_area(precinct=tree["precinct"], geometry=L_SHAPE)
    good = {"type": "Feature", "properties": {"body": tree["body"].slug, "number": "7"}, "geometry": L_SHAPE}
    bad = {"type": "Feature", "properties": {"body": tree["body"].slug, "number": "7"}, "geometry": geometry}
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad]}), encoding="utf-8")
    with pytest.raises(CommandError, match="feature 2"):
        call_command("police", "import-areas", str(path))
    tree["precinct"].refresh_from_db()
    assert tree["precinct"].area == L_SHAPE
