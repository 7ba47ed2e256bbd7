"""Language-correct order (issue 8 item 8): Kazakh letters in their own places, numbers by value.
Real names from the KATO classifier shipped in data/kato/kato.csv."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from esep.core.collation import (
    KAZAKH_ALPHABET,
    RUSSIAN_ALPHABET,
    collation_key,
    place_key,
    sort_by,
    sort_choices,
)

KATO = Path(__file__).resolve().parents[3] / "data" / "kato" / "kato.csv"


def _regions() -> list[dict[str, str]]:
    with KATO.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] == "oblast"]
    unique = {r["kato"]: r for r in rows}
    return list(unique.values())


REGIONS_KK = [
    "Абай облысы", "Ақмола облысы", "Ақтөбе облысы", "Алматы қ.", "Алматы облысы", "Астана қ.", "Атырау облысы",
    "Батыс Қазақстан облысы", "Жамбыл облысы", "Жетісу облысы", "Қарағанды облысы", "Қостанай облысы",
    "Қызылорда облысы", "Маңғыстау облысы", "Павлодар облысы", "Солтүстік Қазақстан облысы",
    "Түркістан облысы", "Ұлытау облысы", "Шығыс Қазақстан облысы", "Шымкент қ.",
]  # fmt: skip
REGIONS_RU = [
    "область Абай", "Акмолинская область", "Актюбинская область", "Алматинская область", "г.Алматы",
    "г.Астана", "Атырауская область", "Восточно-Казахстанская область", "Жамбылская область", "область Жетісу",
    "Западно-Казахстанская область", "Карагандинская область", "Костанайская область",
    "Кызылординская область", "Мангистауская область", "Павлодарская область", "Северо-Казахстанская область",
    "Туркестанская область", "область Ұлытау", "г.Шымкент",
]  # fmt: skip


def test_the_alphabets_are_the_official_ones():
    assert len(KAZAKH_ALPHABET) == 42
    assert len(RUSSIAN_ALPHABET) == 33


def test_twenty_kato_regions_in_kazakh_order():
    names = [r["name_kk"] for r in _regions()]
    assert len(names) == 20
    assert sorted(names, key=lambda n: place_key(n, "kk")) == REGIONS_KK


def test_twenty_kato_regions_in_russian_order():
    names = [r["name_ru"] for r in _regions()]
    assert sorted(names, key=lambda n: place_key(n, "ru")) == REGIONS_RU


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("kk", "Ақмола облысы", "Атырау облысы"),  # қ before т
        ("kk", "Қарағанды облысы", "Шығыс Қазақстан облысы"),  # Қ before Ш (code points say the opposite)
        ("kk", "Ақкөл", "Ақсу"),
        ("kk", "Әйтеке би", "Байғанин"),  # ә right after а
        ("kk", "Үржар", "Федоров"),  # ү before ф
        ("kk", "Ырғыз", "Іле"),  # і after ы
        ("kk", "Іле", "Эмба"),  # і before э
        ("kk", "Ұлан", "Үржар"),  # ұ before ү
        ("kk", "Һ", "Ц"),  # һ between х and ц
        ("ru", "Ёлкин", "Жаксы"),  # ё after е
        ("ru", "Кызылорда", "Қызылорда"),  # қ right after к
        ("ru", "Қызылорда", "Лисаковск"),
        ("kk", "№2 учаске", "№10 учаске"),  # numbers by value
        ("ru", "участок 9", "участок 10"),
        ("ru", "Участок №1", "Участок №2"),
        ("en", "Almaty", "Astana"),
        ("en", "Zhambyl", "Абай"),  # Latin before Cyrillic in English
        ("kk", "Абай", "Almaty"),  # Cyrillic before Latin in Kazakh
    ],
)
def test_pairs(language, before, after):
    assert collation_key(before, language) < collation_key(after, language)


def test_precinct_numbers_sort_as_numbers():
    names = [f"№{n}" for n in (10, 2, 1, 11, 3, 20, 9)]
    assert sort_by(names, language="ru") == ["№1", "№2", "№3", "№9", "№10", "№11", "№20"]


def test_real_district_names_of_one_region_in_kazakh():
    with KATO.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kato"].startswith("63") and r["level"] == "district"]
    names = sorted({r["name_kk"] for r in rows}, key=lambda n: place_key(n, "kk"))
    # Every neighbour pair is in alphabet order on the first differing letter.
    order = {ch: i for i, ch in enumerate(KAZAKH_ALPHABET)}
    for a, b in itertools.pairwise(names):
        for x, y in zip(a.casefold(), b.casefold(), strict=False):
            if x != y:
                if x in order and y in order:
                    assert order[x] < order[y], (a, b)
                break


def test_case_does_not_separate_names_and_choices_keep_blank_first():
    assert sort_by(["ақсу", "Абай", "Ақсу"], language="kk")[0] == "Абай"
    choices = [("", "---"), (3, "Шымкент"), (1, "Ақтөбе"), (2, "Атырау")]
    assert sort_choices(choices, "kk") == [("", "---"), (1, "Ақтөбе"), (2, "Атырау"), (3, "Шымкент")]


def test_default_language_is_the_active_one():
    from django.utils import translation

    with translation.override("ru"):
        assert sort_by(["Қызылорда", "Лисаковск", "Кызыл"]) == ["Кызыл", "Қызылорда", "Лисаковск"]
    with translation.override("kk"):
        assert sort_by(["Қызылорда", "Лисаковск", "Кызыл"]) == ["Кызыл", "Қызылорда", "Лисаковск"]
