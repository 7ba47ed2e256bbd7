"""Placing a point in its district: bounding boxes narrow the candidates in SQL, then an even-odd
ray-casting test on the polygon (with holes) decides. Pure Python, no GEOS needed."""

from __future__ import annotations

from functools import lru_cache

from esep.territory.models import Boundary, Territory


def _in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_geometry(lon: float, lat: float, geometry: dict) -> bool:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        outer, *holes = polygon
        if _in_ring(lon, lat, outer) and not any(_in_ring(lon, lat, hole) for hole in holes):
            return True
    return False


@lru_cache(maxsize=512)
def _geometry(boundary_id: int) -> dict:
    return Boundary.objects.values_list("geometry", flat=True).get(pk=boundary_id)


def locate(lat: float, lon: float, *, admin_level: int = 2) -> Territory | None:
    """The district (admin_level 2) or region (1) containing the point, or None outside Kazakhstan."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    candidates = Boundary.objects.filter(
        admin_level=admin_level, min_lat__lte=lat, max_lat__gte=lat, min_lon__lte=lon, max_lon__gte=lon
    ).values_list("id", "territory_id")
    for boundary_id, territory_id in candidates:
        if point_in_geometry(lon, lat, _geometry(boundary_id)):
            return Territory.objects.get(pk=territory_id)
    return None
