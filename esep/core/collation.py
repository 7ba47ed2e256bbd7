"""Language-correct order for every list a person reads.

Python's ``sorted`` compares code points, which puts the Kazakh letters (Ә U+04D8, Қ U+049A, Ү U+04AE,
Ш U+0428 ...) in the wrong places: "Ақмола" after "Атырау", "Қарағанды" after "Шығыс". This module gives one
sort key per language:

- Kazakh (``kk``): а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я
  (the 42-letter Cyrillic alphabet, as in the state-language orthography rules);
- Russian (``ru``): а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я, with the Kazakh
  letters placed right after the Russian letter they are written like (ә after а, қ after к ...), so a
  Kazakh name in a Russian list is where a Russian reader looks for it;
- English and anything else: Latin order, Cyrillic after Latin in Kazakh order.

In every language digits come before letters, and a run of digits compares as a number: "№2" before "№10".
Case and punctuation matter only to break ties, so "ақтөбе" and "Ақтөбе" sit together.

Use ``collation_key(text, language)`` as a ``key=``, or ``sort_by(items, key=..., language=...)``;
``language`` defaults to the active one (``django.utils.translation.get_language``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
LATIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# Where a Kazakh letter goes in a Russian list: right after the letter it looks like.
_KK_IN_RU = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
# Latin letters with diacritics (Kazakh Latin script, names of foreign places) sort with their base letter.
_LATIN_FOLD = str.maketrans(
    {"ä": "a", "á": "a", "ğ": "g", "ı": "i", "ñ": "n", "ö": "o", "ó": "o", "ş": "s", "ū": "u", "ü": "u", "ú": "u",
     "é": "e", "è": "e", "ç": "c"}
)  # fmt: skip

# Runs of digits, or single letters; the underscore is punctuation here, although \w includes it.
_TOKEN = re.compile(r"\d+|[^\W\d_]", re.UNICODE)

# Rank blocks: digits (numbers) < Latin < Cyrillic in English; Cyrillic < Latin in Kazakh and Russian.
_NUMBER, _FIRST, _SECOND, _OTHER = 0, 1, 2, 3


def _table(alphabet: str) -> dict[str, int]:
    return {ch: i for i, ch in enumerate(alphabet)}


_KK = _table(KAZAKH_ALPHABET)
_LAT = _table(LATIN_ALPHABET)


def _ru_table() -> dict[str, float]:
    table: dict[str, float] = {ch: float(i) for i, ch in enumerate(RUSSIAN_ALPHABET)}
    # Several Kazakh letters after one Russian letter keep their Kazakh order among themselves.
    for kk_letter, base in _KK_IN_RU.items():
        table[kk_letter] = table[base] + 0.1 + KAZAKH_ALPHABET.index(kk_letter) / 1000
    return table


_RU = _ru_table()


def _letter(ch: str, cyrillic: dict[str, Any], cyrillic_first: bool) -> tuple:
    if ch in cyrillic:
        return (_FIRST if cyrillic_first else _SECOND, cyrillic[ch])
    folded = ch.translate(_LATIN_FOLD)
    if folded in _LAT:
        return (_SECOND if cyrillic_first else _FIRST, _LAT[folded])
    return (_OTHER, ord(ch))


def _base_language(language: str | None) -> str:
    if language is None:
        from django.utils.translation import get_language

        language = get_language() or "kk"
    return language.split("-")[0].lower()


def collation_key(text: Any, language: str | None = None) -> tuple:
    """A key that orders ``text`` in the alphabet of ``language`` (kk, ru, en), numbers by value."""
    lang = _base_language(language)
    cyrillic: dict[str, Any] = _RU if lang == "ru" else _KK
    cyrillic_first = lang in ("kk", "ru")
    value = "" if text is None else str(text)
    low = value.casefold()
    primary: list[tuple] = []
    for token in _TOKEN.findall(low):
        if token.isdigit():
            primary.append((_NUMBER, int(token), len(token)))
        else:
            primary.append(_letter(token, cyrillic, cyrillic_first))
    # Ties (case, punctuation, spacing) are broken by the text itself so the order is total and stable.
    return (tuple(primary), value)


# Words naming the kind of place, written before the name in some KATO entries ("область Абай", "г.Астана"):
# a reader looks for the place under its name, so they are skipped for ordering.
_PLACE_PREFIX = re.compile(
    r"^\s*(?:(?:область|город|район|село|ауыл|поселок|посёлок)\s+|(?:г|қ|с|п)\.\s*)",
    re.IGNORECASE,
)


def place_key(text: Any, language: str | None = None) -> tuple:
    """Like ``collation_key`` for the name of a place, ignoring a leading word that names its kind."""
    value = "" if text is None else str(text)
    stripped = _PLACE_PREFIX.sub("", value, count=1)
    return collation_key(stripped or value, language)


def sort_by(
    items: Iterable[T], *, key: Callable[[T], Any] = str, language: str | None = None, reverse: bool = False
) -> list[T]:
    """``items`` sorted by ``key(item)`` in the alphabet of ``language`` (the active language by default)."""
    lang = _base_language(language)
    return sorted(items, key=lambda item: collation_key(key(item), lang), reverse=reverse)


def sort_choices(choices: Iterable[tuple[Any, Any]], language: str | None = None) -> list[tuple[Any, Any]]:
    """Form choices ``(value, label)`` in alphabetical order of their labels; an empty choice stays first."""
    items = list(choices)
    blank = [c for c in items if c[0] in ("", None)]
    rest = [c for c in items if c[0] not in ("", None)]
    return blank + sort_by(rest, key=lambda c: c[1], language=language)


def sort_places(items: Iterable[T], *, key: Callable[[T], Any] = str, language: str | None = None) -> list[T]:
    """Places (regions, districts, settlements) by name, ignoring a leading word naming their kind."""
    lang = _base_language(language)
    return sorted(items, key=lambda item: place_key(key(item), lang))


def number_sql_order(field: str) -> tuple[Any, str]:
    """For a paginated query that cannot be sorted in Python: order numbers kept as text ("2", "10", "10а")
    by value, shorter first then by text, so "2" comes before "10". Use as ``order_by(*number_sql_order(f))``."""
    from django.db.models.functions import Length

    return Length(field), field
