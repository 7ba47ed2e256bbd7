"""Issue 8 item 8: the lists residents read follow the alphabet of the page's language, and precinct
numbers go by value (№1, №2, ..., №10), on real KATO names."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from esep.core.tests.test_collation import REGIONS_KK, REGIONS_RU
from esep.territory.models import Level, Territory
from esep.testing import factories as f

pytestmark = pytest.mark.django_db
KATO = Path(__file__).resolve().parents[3] / "data" / "kato" / "kato.csv"


def _load_regions() -> None:
    with KATO.open(encoding="utf-8") as fh:
        rows = {r["kato"]: r for r in csv.DictReader(fh) if r["level"] == "oblast"}
    Territory.objects.bulk_create(
        Territory(kato=k, level=Level.OBLAST, prefix=k[:2], name_kk=r["name_kk"], name_ru=r["name_ru"])
        for k, r in rows.items()
    )


def _region_links(html: str) -> list[str]:
    section = html.split('id="regions-h"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section)


@pytest.mark.parametrize(("lang", "expected"), [("kk", REGIONS_KK), ("ru", REGIONS_RU)])
def test_the_twenty_regions_on_the_home_page_in_the_pages_alphabet(client, lang, expected):
    """The registry's order, with the names spelled out for residents (esep/territory/names.py):
    "Алматы қ." reads "Алматы қаласы", "г.Алматы" reads "город Алматы", in the same places."""
    from esep.territory.names import full_name

    _load_regions()
    html = client.get(f"/{lang}/").content.decode()
    assert _region_links(html) == [full_name(name) for name in expected]


def test_precincts_of_a_body_by_number_value(client):
    body = f.body()
    for n in (10, 2, 1, 3, 9, 11):
        f.precinct(body, number=str(n), name_kk=f"№{n} учаске", name_ru=f"Участок №{n}")
    html = client.get(f"/ru/p/{body.slug}/").content.decode()
    shown = re.findall(r"Участок №(\d+)", html)
    assert shown == ["1", "2", "3", "9", "10", "11"]
