"""The streets of precincts as entries of the residents' place search (esep.territory.search)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Max

from esep.police.models import StreetRange
from esep.territory.search import KIND_STREET, Source, normalize


def street_entries() -> Iterator[tuple[str, int, str, tuple]]:
    streets = StreetRange.objects.values_list("id", "street_kk", "street_ru")
    seen: set[str] = set()
    for pk, street_kk, street_ru in streets.iterator(chunk_size=5000):
        key = normalize(f"{street_kk} {street_ru}")
        if key and key not in seen:  # one entry per street name; the view expands it to its ranges
            seen.add(key)
            yield "street", pk, key, (KIND_STREET, 0)


def street_signature() -> tuple:
    found = StreetRange.objects.aggregate(n=Count("id"), m=Max("id"))
    return (found["n"], found["m"])


STREETS = Source(entries=street_entries, signature=street_signature)
