"""Removing personal data from what is published of a report (Law on personal data arts. 7-8: only what the
purpose needs; the public needs what was raised and decided, not who raised it).

``redact(text, known_names=...)`` replaces with ``MARK``:
- individual identification numbers (IIN, 12 digits) and any other run of 6 or more digits;
- phone numbers (+7 / 8 and 10 digits, with spaces, brackets or dashes; local 5-7 digit numbers with dashes);
- e-mail addresses;
- addresses: a street, avenue or micro-district with its name and house, flat numbers (Kazakh and Russian
  word order);
- people's names: every name Esep knows from the meeting (participants, persons in the minutes, authors of
  questions), and full names recognised by their form (a capitalised word with a surname or patronymic
  ending next to another capitalised word, initials with a surname).

It is a first pass, not a guarantee: a staff member reads every text before it is published
(``ItemPublication.checked_by``), and the published text is passed through it again on saving.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MARK = "[…]"

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "a-zа-яёәғқңөұүһі"
_WORD = rf"[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +7 701 234 56 78, 8 (701) 234-56-78, 87012345678, 7012345678
_PHONE = re.compile(r"(?<!\w)(?:\+\s?7|8|7)?[\s(\-]*\d{3}[\s)\-]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)")
_LOCAL_PHONE = re.compile(r"(?<!\d)\d{1,3}-\d{2}-\d{2}(?!\d)")
_DIGITS = re.compile(r"\d[\d\s\-]{4,}\d")

_HOUSE = r"(?:\s*,?\s*(?:д\.|дом|үй|h\.|house|№)?\s*\d+[\w/]*)?(?:\s*,?\s*(?:кв\.?|квартира|пәтер|п\.|apt\.?)\s*\d+)?"
_STREET_BEFORE = re.compile(
    rf"(?:ул\.|улица|пр\.|просп\.|проспект|пр-т|пер\.|переулок|мкр\.?|микрорайон|б-р|бульвар|street|st\.)\s*"
    rf"(?:{_WORD}|\d+)(?:\s+{_WORD})?{_HOUSE}",
    re.IGNORECASE,
)
_STREET_AFTER = re.compile(
    rf"(?:{_WORD}|\d+)(?:\s+{_WORD})?\s+(?:көшесі|к-сі|көш\.|даңғылы|даң\.|шағын\s+ауданы|ш\.а\.|ы/а|тұйығы)"
    rf"{_HOUSE}",
)
_HOUSE_ALONE = re.compile(
    r"(?:(?<![\w])(?:д\.|дом|үй|кв\.?|квартира|пәтер)\s*№?\s*\d+[\w/]*)|(?:\d+[\w/]*\s*(?:үй|пәтер)(?!\w))",
    re.IGNORECASE,
)

# Surname and patronymic endings of Kazakh and Russian names.
_NAME_ENDINGS = (
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ский", "ская", "цкий", "цкая",
    "ұлы", "улы", "қызы", "кызы", "вич", "вна", "енко", "бек", "бекова", "беков", "баев", "баева",
)  # fmt: skip
_STRONG_ENDINGS = ("ов", "ова", "ев", "ева", "ёв", "ёва", "ұлы", "улы", "қызы", "кызы", "вич", "вна", "ская", "ский")
_NAME_PAIR = re.compile(rf"(?<![\w])({_WORD})(\s+{_WORD}){{1,2}}(?!\w)")
_INITIALS = re.compile(rf"(?:[{_UP}]\.\s?){{1,2}}{_WORD}|{_WORD}\s[{_UP}]\.(?:\s?[{_UP}]\.)?")
_SINGLE = re.compile(rf"(?<![\w])({_WORD})(?!\w)")


def _has_ending(word: str, endings: Iterable[str]) -> bool:
    low = word.lower().split("-")[-1]
    return len(low) > 3 and any(low.endswith(e) for e in endings)


def _names(text: str) -> str:
    def pair(match: re.Match) -> str:
        words = match.group(0).split()
        if any(_has_ending(w, _NAME_ENDINGS) for w in words):
            return MARK
        return match.group(0)

    text = _INITIALS.sub(MARK, text)
    text = _NAME_PAIR.sub(pair, text)
    return _SINGLE.sub(lambda m: MARK if _has_ending(m.group(1), _STRONG_ENDINGS) else m.group(0), text)


@lru_cache(maxsize=256)
def _known_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    tokens = set()
    for name in names:
        for token in re.split(r"[\s,.;]+", name or ""):
            if len(token) >= 3 and not token.isdigit():
                tokens.add(token)
    if not tokens:
        return None
    words = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})\w{{0,4}}(?!\w)", re.IGNORECASE)


def _known(text: str, known_names: Iterable[str]) -> str:
    pattern = _known_pattern(tuple(sorted(set(known_names))))
    return pattern.sub(MARK, text) if pattern is not None else text


def _collapse(text: str) -> str:
    esc = re.escape(MARK)
    return re.sub(rf"{esc}(?:[\s,]*{esc})+", MARK, text)


def redact(text: str, *, known_names: Iterable[str] = ()) -> str:
    """``text`` with personal data replaced by ``MARK``. Idempotent: redacting twice changes nothing."""
    if not text:
        return ""
    out = _EMAIL.sub(MARK, text)
    out = _STREET_BEFORE.sub(MARK, out)
    out = _STREET_AFTER.sub(MARK, out)
    out = _HOUSE_ALONE.sub(MARK, out)
    out = _PHONE.sub(MARK, out)
    out = _LOCAL_PHONE.sub(MARK, out)
    out = _DIGITS.sub(MARK, out)
    out = _known(out, known_names)
    out = _names(out)
    return _collapse(out)


def contains_personal_data(text: str, *, known_names: Iterable[str] = ()) -> bool:
    return redact(text, known_names=known_names) != (text or "")
