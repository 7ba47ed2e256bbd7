"""KATO code arithmetic: groups AB (oblast) CD (district) EF (rural district) HIJ (settlement)."""

from __future__ import annotations

GROUP_ENDS = (2, 4, 6, 9)


def kato_prefix(code: str) -> str:
    """The significant part of a code: every descendant's code starts with it.

    >>> kato_prefix("100000000"), kato_prefix("101000000"), kato_prefix("101010000"), kato_prefix("101010001")
    ('10', '1010', '101010', '101010001')
    """
    prefix = code
    for end in reversed(GROUP_ENDS[:-1]):
        if set(code[end:]) <= {"0"}:
            prefix = code[:end]
        else:
            break
    return prefix


def ancestor_candidates(code: str) -> list[str]:
    """Codes that may be this code's parent, nearest first (zero out groups from the right)."""
    result: list[str] = []
    for end in reversed(GROUP_ENDS[:-1]):
        candidate = code[:end].ljust(9, "0")
        if candidate != code and candidate not in result:
            result.append(candidate)
    return result


def kato_bounds(prefix: str) -> tuple[str, str]:
    """The first and last 9-digit code that start with ``prefix``: ``kato__range=kato_bounds(p)`` finds the
    same rows as ``kato__startswith=p`` (codes are 9 digits, esep.territory.importers refuses others) through
    the code's index on SQLite too, where LIKE reads the whole table.

    >>> kato_bounds("3510")
    ('351000000', '351099999')
    """
    return prefix.ljust(9, "0"), prefix.ljust(9, "9")
