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


# --- Typo-tolerant lookup over every territory and street range ---------------------------------------
# At national scale (15,594 KATO rows plus street ranges) the keys fit in memory: each process keeps an
# index of word trigrams, finds a bounded set of candidates (substring hits plus the entries sharing most
# trigrams with the query), then ranks only those by per-word similarity. No database function needed,
# so it works the same on SQLite and PostgreSQL.

import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

INDEX_MAX_AGE = 300.0
CANDIDATES = 120
MIN_SCORE = 0.55
_LEVEL_RANK = {"oblast": 0, "district": 1, "sub_district": 2, "settlement": 3}


def _word_grams(word: str) -> frozenset[str]:
    padded = f" {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "territory" or "street"
    id: int
    score: float


@dataclass
class _Entry:
    kind: str
    id: int
    key: str
    rank: tuple
    words: tuple[str, ...] = ()
    grams: tuple[frozenset[str], ...] = ()


@dataclass
class _Index:
    entries: list[_Entry] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    built_at: float = 0.0


_index: _Index | None = None
_lock = threading.Lock()

# Other apps add names residents look for without this app importing them: each source returns
# (kind, id, normalized key, rank) rows. esep.police adds its streets (PoliceConfig.ready).
_SOURCES: list[Callable[[], Iterable[tuple[str, int, str, tuple]]]] = []


def register_source(source: Callable[[], Iterable[tuple[str, int, str, tuple]]]) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def _build_index() -> _Index:
    from esep.territory.models import Territory

    index = _Index(built_at=time.monotonic())
    rows = Territory.objects.values_list("id", "search_key", "level", "population")
    for pk, key, level, population in rows.iterator(chunk_size=5000):
        if key:
            index.entries.append(_Entry("territory", pk, key, (_LEVEL_RANK.get(level, 9), -(population or 0))))
    for source in _SOURCES:
        for kind, pk, key, rank in source():
            index.entries.append(_Entry(kind, pk, key, rank))
    for position, entry in enumerate(index.entries):
        entry.words = tuple(dict.fromkeys(entry.key.split()))
        entry.grams = tuple(_word_grams(w) for w in entry.words)
        for gram in set().union(*entry.grams):
            index.postings.setdefault(gram, []).append(position)
    return index


def reset_index() -> None:
    global _index
    with _lock:
        _index = None


def _get_index() -> _Index:
    global _index
    with _lock:
        if _index is None or time.monotonic() - _index.built_at > INDEX_MAX_AGE:
            _index = _build_index()
        return _index


def _word_score(query_word: str, query_grams: frozenset[str], entry: _Entry) -> float:
    best = 0.0
    for word, grams in zip(entry.words, entry.grams, strict=True):
        if word == query_word:
            return 1.0
        if len(query_word) >= 3 and word.startswith(query_word):
            best = max(best, 0.95)
            continue
        dice = 2 * len(query_grams & grams) / (len(query_grams) + len(grams))
        best = max(best, dice)
    return best


def search(query: str, *, limit: int = 20, kinds: tuple[str, ...] = ("territory", "street")) -> list[SearchHit]:
    """Territories and streets whose names match ``query`` in Kazakh, Russian or Latin, tolerating typos;
    best first (exact words, then prefixes, then near spellings; larger places first on ties)."""
    key = normalize(query or "")[:200]
    if not key:
        return []
    index = _get_index()
    query_words = key.split()[:6]
    query_grams = [_word_grams(w) for w in query_words]
    counts: Counter[int] = Counter()
    for grams in query_grams:
        for gram in grams:
            counts.update(index.postings.get(gram, ()))
    candidates = {pos for pos, _n in counts.most_common(CANDIDATES)}
    candidates.update(pos for pos, entry in enumerate(index.entries) if key in entry.key)
    scored: list[tuple[float, tuple, int]] = []
    for pos in candidates:
        entry = index.entries[pos]
        if entry.kind not in kinds:
            continue
        score = sum(_word_score(w, g, entry) for w, g in zip(query_words, query_grams, strict=True)) / len(query_words)
        if score >= MIN_SCORE:
            scored.append((-round(score, 2), entry.rank, pos))
    scored.sort()
    return [SearchHit(index.entries[pos].kind, index.entries[pos].id, -neg) for neg, _rank, pos in scored[:limit]]
