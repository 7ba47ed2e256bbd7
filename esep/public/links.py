"""Links to the residents' pages, built without Django's resolver on every row.

A list page links each of its rows (meetings, precincts, places) to another page; ``{% url %}`` walks the
resolver for each of them (about 60 µs, a third of a small page's cost). Here each kind of link is reversed
once per process and language with a placeholder, and a row's link is the placeholder replaced by its quoted
value: the same text ``reverse()`` gives (esep/public/tests/test_pages.py checks it).
"""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import get_language

_PLACEHOLDER = "0esep0"
_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted (RFC 3986 sub-delimiters and "/~:@")
_patterns: dict[tuple[str, str], tuple[str, ...]] = {}


def _pattern(name: str, arity: int) -> tuple[str, ...]:
    key = (name, get_language() or "")
    parts = _patterns.get(key)
    if parts is None:
        url = reverse(name, args=[f"{_PLACEHOLDER}{i}" for i in range(arity)])
        for i in range(arity):
            url = url.replace(f"{_PLACEHOLDER}{i}", "\0")
        parts = _patterns[key] = tuple(url.split("\0"))
    return parts


def link(name: str, *args) -> str:
    """``reverse(name, args=args)`` for the URL names of esep.public.urls whose arguments are plain segments."""
    parts = _pattern(name, len(args))
    out = [parts[0]]
    for value, rest in zip(args, parts[1:], strict=True):
        out += (quote(str(value), safe=_SAFE), rest)
    return "".join(out)


def meeting_url(meeting) -> str:
    return link("public:meeting", meeting.code)


def precinct_url(precinct) -> str:
    return link("public:precinct", precinct.body.slug, precinct.number)


def body_url(body) -> str:
    return link("public:body", body.slug)


def territory_url(territory) -> str:
    return link("public:territory", territory.kato)
