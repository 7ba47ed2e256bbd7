"""The streets of precincts as entries of the residents' place search (esep.territory.search)."""

from __future__ import annotations

from collections.abc import Iterator

from esep.police.models import StreetRange
from esep.territory.search import normalize


def street_entries() -> Iterator[tuple[str, int, str, tuple]]:
    streets = StreetRange.objects.values_list("id", "street_kk", "street_ru")
    seen: set[str] = set()
    for pk, street_kk, street_ru in streets.iterator(chunk_size=5000):
        key = normalize(f"{street_kk} {street_ru}")
        if key and key not in seen:  # one entry per street name; the view expands it to its ranges
            seen.add(key)
            yield "street", pk, key, (4, 0)
