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
#
# Memory: entries are plain tuples, words are interned and their trigrams computed only for candidates,
# postings are compact integer arrays. Freshness: the index is rebuilt only when the territory or the
# street ranges change (a one-row signature read at most every SIGNATURE_CHECK_SECONDS), never on a timer.

import threading  # noqa: E402
import time  # noqa: E402
from array import array  # noqa: E402
from bisect import bisect_right  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from functools import lru_cache  # noqa: E402
from sys import intern  # noqa: E402

SIGNATURE_CHECK_SECONDS = 60.0
CANDIDATES = 120
MIN_SCORE = 0.55
ALIAS_PENALTY = 0.01  # a former name matches a little below a current one of the same spelling
# What a resident means by a bare name: a city first, then a street (streets are registered in cities and
# their districts), then a village, then the administrative units called after them (city administration,
# district, rural district, region). "Сатпаева" finds Semey's Satpayev street before the village Сатпаева.
KIND_CITY, KIND_STREET, KIND_SETTLEMENT, KIND_CITY_DISTRICT, KIND_DISTRICT, KIND_RURAL, KIND_REGION = range(7)
# Words in a query that say which kind of place is meant ("Қарағанды облысы", "Бухар-Жырауский район").
_KIND_WORDS = {
    KIND_REGION: ("облыс", "облысы", "область", "обл", "oblast", "oblysy"),
    KIND_DISTRICT: ("аудан", "ауданы", "район", "р-н", "raion", "audany"),
    KIND_RURAL: ("а.о.", "с.о.", "округ", "округі"),
    KIND_CITY: ("г.", "қ.", "город", "қала", "қаласы", "gorod", "kala"),
    KIND_SETTLEMENT: ("а.", "с.", "ауыл", "ауылы", "село", "поселок", "посёлок", "aul", "auyl", "selo"),
    KIND_STREET: ("көше", "көшесі", "улица", "ул.", "даңғылы", "проспект", "пр."),
}
_HOUSE = re.compile(r"(?:^|[\s,])(?:д\.?|үй|дом)?\s*(\d{1,4})\s*[а-яa-zәөүұқғңһі]?\s*$", re.IGNORECASE)


def kind_of(level: str, type_code: int, name_ru: str) -> int:
    """The kind of place a KATO row is, for ranking (see the KIND_* constants)."""
    if name_ru.startswith(("район ", "р.а.")) or name_ru.endswith(" р.а."):
        return KIND_CITY_DISTRICT
    city = name_ru.startswith("г.") or (type_code == 1 and level in {"oblast", "sub_district"})
    if city:
        return KIND_CITY
    if level == "settlement":
        return KIND_SETTLEMENT
    if level == "district":
        return KIND_DISTRICT
    if level == "sub_district":
        return KIND_RURAL
    return KIND_REGION


def query_kinds(query: str) -> frozenset[int]:
    """The kinds of place a query names with a word like "облысы", "район", "г.", "ауылы"."""
    low = f" {query.casefold()} "
    found = set()
    for kind, words in _KIND_WORDS.items():
        for word in words:
            if word.endswith("."):
                if f" {word}" in low or low.lstrip().startswith(word):
                    found.add(kind)
            elif f" {word} " in low or f" {word}." in low:
                found.add(kind)
    return frozenset(found)


def split_house(query: str) -> tuple[str, int | None]:
    """("Сатпаева 15") -> ("Сатпаева", 15): a trailing house number picks the street range."""
    match = _HOUSE.search(query or "")
    if match is None:
        return query, None
    rest = query[: match.start(1)].strip(" ,")
    rest = re.sub(r"(?:\s|^)(?:д\.?|үй|дом)$", "", rest, flags=re.IGNORECASE).strip(" ,")
    if not normalize(rest):
        return query, None
    return rest, int(match.group(1))


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> frozenset[str]:
    padded = f" {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "territory" or "street"
    id: int
    score: float


# An entry: (kind "territory"/"street", id, key, rank tuple, words, alias words).
_Entry = tuple


@dataclass
class _Index:
    entries: list[_Entry] = field(default_factory=list)
    postings: dict[str, array] = field(default_factory=dict)
    # Every entry's key, one per line, and where each line starts: a substring is found by str.find
    # (in C) instead of a Python loop over every entry.
    keys_text: str = ""
    key_starts: array = field(default_factory=lambda: array("I"))
    signature: tuple = ()
    checked_at: float = 0.0


_index: _Index | None = None
_lock = threading.Lock()


@dataclass(frozen=True)
class Source:
    """Names residents look for that another app keeps (esep.police adds its streets in PoliceConfig.ready),
    without this app importing it: ``entries`` yields (kind, id, normalized key, rank) rows, ``signature``
    changes whenever they do (the index is rebuilt then)."""

    entries: Callable[[], Iterable[tuple[str, int, str, tuple]]]
    signature: Callable[[], tuple]


_SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def _signature() -> tuple:
    from django.db.models import Count, Max

    from esep.territory.models import Territory

    t = Territory.objects.aggregate(n=Count("id"), m=Max("id"))
    return (t["n"], t["m"], *(source.signature() for source in _SOURCES))


def _words(key: str) -> tuple[str, ...]:
    return tuple(intern(w) for w in dict.fromkeys(key.split()) if w != "|")


def _build_index() -> _Index:
    from esep.territory.models import Territory
    from esep.territory.names import FORMER_NAMES

    index = _Index(signature=_signature(), checked_at=time.monotonic())
    rows = Territory.objects.values_list("id", "search_key", "level", "type_code", "name_ru", "population")
    for pk, key, level, type_code, name_ru, population in rows.iterator(chunk_size=5000):
        if not key:
            continue
        words = _words(key)
        aliases = tuple(w for name in FORMER_NAMES.get(name_ru, ()) for w in _words(normalize(name)))
        rank = (kind_of(level, type_code or 0, name_ru), -(population or 0))
        index.entries.append(("territory", pk, " ".join(words + aliases), rank, words, aliases))
    for source in _SOURCES:
        for kind, pk, key, rank in source.entries():
            words = _words(key)
            index.entries.append((kind, pk, " ".join(words), rank, words, ()))
    # Positions go straight into compact arrays (no list of int objects per trigram), and each word's
    # trigrams are computed once for the build and dropped with it: a worker keeps only the index.
    postings: dict[str, array] = {}
    grams_of: dict[str, frozenset[str]] = {}
    for position, entry in enumerate(index.entries):
        grams: set[str] = set()
        for word in entry[4] + entry[5]:
            found = grams_of.get(word)
            if found is None:
                padded = f" {word} "
                found = grams_of[word] = frozenset(intern(padded[i : i + 3]) for i in range(len(padded) - 2))
            grams |= found
        for gram in grams:
            positions = postings.get(gram)
            if positions is None:
                positions = postings[gram] = array("I")
            positions.append(position)
    index.postings = postings
    offset = 0
    for entry in index.entries:
        index.key_starts.append(offset)
        offset += len(entry[2]) + 1
    index.keys_text = "\n".join(entry[2] for entry in index.entries)
    return index


def _substring_hits(index: _Index, key: str) -> set[int]:
    """Positions of the entries whose key contains ``key`` (keys hold no line breaks)."""
    found: set[int] = set()
    text, starts = index.keys_text, index.key_starts
    at = text.find(key)
    while at != -1:
        pos = bisect_right(starts, at) - 1
        found.add(pos)
        at = text.find(key, starts[pos + 1]) if pos + 1 < len(starts) else -1
    return found


def reset_index() -> None:
    global _index
    with _lock:
        _index = None


def _get_index() -> _Index:
    global _index
    with _lock:
        if _index is None:
            _index = _build_index()
        elif time.monotonic() - _index.checked_at > SIGNATURE_CHECK_SECONDS:
            _index.checked_at = time.monotonic()
            if _signature() != _index.signature:
                _index = _build_index()
        return _index


def _word_score(query_word: str, query_grams: frozenset[str], words: tuple[str, ...]) -> float:
    best = 0.0
    for word in words:
        if word == query_word:
            return 1.0
        if len(query_word) >= 3 and word.startswith(query_word):
            best = max(best, 0.95)
            continue
        grams = _word_grams(word)
        dice = 2 * len(query_grams & grams) / (len(query_grams) + len(grams))
        best = max(best, dice)
    return best


def _entry_score(query_words, query_grams, entry: _Entry) -> float:
    n = len(query_words)
    current = sum(_word_score(w, g, entry[4]) for w, g in zip(query_words, query_grams, strict=True)) / n
    if not entry[5]:
        return current
    alias = sum(_word_score(w, g, entry[5]) for w, g in zip(query_words, query_grams, strict=True)) / n
    return max(current, alias - ALIAS_PENALTY)


def search(query: str, *, limit: int = 20, kinds: tuple[str, ...] = ("territory", "street")) -> list[SearchHit]:
    """Territories and streets whose names (current or former) match ``query`` in Kazakh, Russian or Latin,
    tolerating typos; best first: exact words, then prefixes, then near spellings; on a tie, the kind of
    place the query names ("облысы", "район", "көшесі"), else cities before streets before villages before
    the administrative units named after them; then larger places first."""
    key = normalize(query or "")[:200]
    if not key:
        return []
    index = _get_index()
    wanted = query_kinds(query or "")
    query_words = key.split()[:6]
    query_grams = [_word_grams(w) for w in query_words]
    counts: Counter[int] = Counter()
    for grams in query_grams:
        for gram in grams:
            counts.update(index.postings.get(gram, ()))
    candidates = {pos for pos, _n in counts.most_common(CANDIDATES)}
    candidates |= _substring_hits(index, key)
    scored: list[tuple[float, bool, tuple, int]] = []
    for pos in candidates:
        entry = index.entries[pos]
        if entry[0] not in kinds:
            continue
        score = _entry_score(query_words, query_grams, entry)
        if score >= MIN_SCORE:
            scored.append((-round(score, 2), entry[3][0] not in wanted, entry[3], pos))
    scored.sort()
    return [SearchHit(index.entries[pos][0], index.entries[pos][1], -neg) for neg, _w, _rank, pos in scored[:limit]]
