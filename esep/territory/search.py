"""Search keys for names in Kazakh and Russian, so that "Қарағанды", "Караганда" and "Karaganda"
meet: lower case, Kazakh letters folded to their nearest Russian ones, then transliterated to Latin."""

from __future__ import annotations

import re

_KK_FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"})
_CYR_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# Latin spellings people type for the same sounds, folded to one form.
_LAT_FOLD = [("kh", "h"), ("gh", "g"), ("zh", "j"), ("ya", "ia"), ("yu", "iu"), ("q", "k"), ("w", "u"), ("x", "h"),
             ("y", "i"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("j", "z")]  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Administrative words that say what kind of place it is, not which one.
_STOP_WORDS = (
    "g k s p a o aul auyl selo gorod kala rn raion audany oblast oblysy okrug ga ka selskii auyldyk poselok "
    "kent st stantsiia ul kosh"
)


def _fold_latin(latin: str) -> str:
    for a, b in _LAT_FOLD:
        latin = latin.replace(a, b)
    return latin


_STOP = {_fold_latin(w) for w in _STOP_WORDS.split()}


def transliterate(text: str) -> str:
    low = text.casefold().translate(_KK_FOLD)
    return "".join(_CYR_LAT.get(ch, ch) for ch in low)


def normalize(text: str) -> str:
    """A search key: Latin letters only, spelling variants folded, administrative words dropped."""
    latin = _NON_WORD.sub(" ", transliterate(text).replace(".", " "))
    latin = _fold_latin(latin)
    words = [w for w in _SPACES.split(latin) if w and w not in _STOP]
    return " ".join(words)
