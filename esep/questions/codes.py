"""Tracking codes: unguessable, yet easy to read aloud and type on a phone.

10 characters from 31 symbols without look-alikes (no 0/O, 1/I/L) give about 49 bits: guessing one
needs billions of tries, and status lookups are rate-limited.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def clean_code(raw: str) -> str | None:
    """What a person typed, in the stored form; None when it cannot be a code at all."""
    if not raw or len(raw) > 40:
        return None
    code = _SEPARATORS.sub("", raw).upper()
    # Cyrillic letters that look like Latin ones, typed on a Kazakh or Russian keyboard.
    code = code.translate(str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY"))
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code
