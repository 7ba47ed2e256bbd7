"""Search over the whole shipped KATO ranks results the way a resident means them."""

from __future__ import annotations

import pytest

from esep.territory.models import Level, Territory
from esep.territory.names import full_name
from esep.territory.search import _get_index, search

pytestmark = pytest.mark.django_db


def _katos(query: str, n: int = 5) -> list[str]:
    hits = list(search(query, limit=n, kinds=("territory",)))
    found = Territory.objects.in_bulk([h.id for h in hits])
    return [found[h.id].kato for h in hits]


def test_every_region_is_first_for_its_own_name_in_both_languages(country):
    regions = list(Territory.objects.filter(level=Level.OBLAST))
    assert len(regions) == 20
    for region in regions:
        for name in (region.name_kk, region.name_ru):
            assert _katos(name)[0] == region.kato, name


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The city, not the region, the city administration or a village of the same name elsewhere.
        ("Qaraghandy", ["351010000"]),
        ("Караганда", ["351010000"]),
        # Former names of the capital and of Almaty.
        ("Нұр-Сұлтан", ["710000000"]),
        ("Алма-Ата", ["750000000"]),
        # A current name beats a former one: the district is Tselinograd today, Astana was once.
        ("Целиноград", ["116600000", "710000000"]),
        # Naming the kind of unit picks it.
        ("Қарағанды облысы", ["350000000", "351010000"]),
    ],
    ids=["latin-city", "russian-city", "former-capital", "former-almaty", "current-before-former", "kind-word"],
)
def test_real_queries_in_expected_order(country, query, expected):
    assert _katos(query, n=len(expected)) == expected


def test_a_city_comes_before_the_administration_named_after_it(country):
    found = _katos("Караганда", n=6)
    assert found.index("351010000") < found.index("351000000")


def test_the_separator_between_languages_is_not_a_word(country):
    index = _get_index()
    assert all("|" not in entry[4] for entry in index.entries)
    assert not any("|" in gram for gram in index.postings)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Қарағанды Қ.Ә.", "Қарағанды қалалық әкімдігі"),
        ("Караганда Г.А.", "Караганда (городская администрация)"),
        ("г.Алматы", "город Алматы"),
        ("Қарағанды а.о.", "Қарағанды ауылдық округі"),
        ("Карагандинский с.о.", "Карагандинский сельский округ"),
        ("Рахмет Тоғысбаев атын.а.", "Рахмет Тоғысбаев атындағы ауылы"),
        ("с.им.Рахмет Тогысбаева", "село имени Рахмет Тогысбаева"),
        ("Ботақара", "Ботақара"),
    ],
    ids=["kk-city-admin", "ru-city-admin", "ru-city", "kk-rural-district", "ru-rural-district", "kk-named-after",
         "ru-named-after", "plain"],
)  # fmt: skip
def test_registry_abbreviations_are_written_out(raw, shown):
    assert full_name(raw) == shown


@pytest.mark.parametrize(
    ("kk", "ru", "shown"),
    [
        # Karaganda's city districts: "р.а." (district administration) in Russian, "а.ә." in Kazakh.
        ("Әлихан Бөкейхан а.ә.", "Әлихан Бөкейхан р.а.", "Әлихан Бөкейхан аудандық әкімдігі"),
        ("Қазыбек би атын. а.ә.", "р.а. им.Казыбек би", "Қазыбек би атындағы аудандық әкімдігі"),
        # Elsewhere "а.ә." stays a rural akimat ("с.а." in Russian).
        ("Тайтөбе а.ә.", "с.а.Тайтобе", "Тайтөбе ауылдық әкімдігі"),
    ],
    ids=["district-admin", "district-admin-named-after", "rural-admin"],
)
def test_a_city_districts_akimat_is_not_called_rural_in_kazakh(kk, ru, shown):
    from django.utils import translation

    assert full_name(kk, ru) == shown
    place = Territory(kato="351013000", level=Level.SUB_DISTRICT, name_kk=kk, name_ru=ru)
    with translation.override("kk"):
        assert place.name == shown


def test_no_registry_abbreviation_left_in_any_shown_name(country):
    import re

    leftover = re.compile(r"(?:^|\s)(?:г|с|п|Г\.А|с\.о|а\.о|Қ\.Ә|қ|а|к)\.(?:\s|$)")
    from django.utils import translation

    rows = list(Territory.objects.all())
    for lang in ("kk", "ru"):
        with translation.override(lang):
            assert [t.name for t in rows if leftover.search(t.name)] == [], lang


@pytest.mark.parametrize("query", ["Караганда", "qaragh", "а", "Сатпаев", "zzzz", "ауыл"])
def test_substring_candidates_are_every_key_that_contains_the_query(country, query):
    from esep.territory.search import _substring_hits, normalize

    index = _get_index()
    key = normalize(query)
    assert _substring_hits(index, key) == {pos for pos, entry in enumerate(index.entries) if key in entry[2]}
