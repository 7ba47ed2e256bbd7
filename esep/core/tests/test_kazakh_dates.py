"""Kazakh needs a case ending on a date before a postposition ("28 желтоқсанға дейін", never
"28 желтоқсан дейін"). A placeholder cannot inflect, so no Kazakh translation may put a date (or any
placeholder) straight before a postposition that governs a case: the date stands in the nominative
("мерзімі: 28 желтоқсан")."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
# дейін/шейін/қарай take the dative, бастап/кейін the ablative.
GOVERNED = re.compile(r"(%\(\w+\)[sd]|%s|\{\{[^}]*\}\}|\{\w+\})\s*(дейін|шейін|бастап|кейін|қарай)\b")
CATALOGUES = sorted(ROOT.glob("**/locale/kk/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.parts[-5] for p in CATALOGUES])
def test_no_placeholder_before_a_case_governing_postposition(path):
    bad = [
        entry.msgid
        for entry in polib.pofile(str(path))
        for text in (entry.msgstr, *entry.msgstr_plural.values())
        if text and GOVERNED.search(text)
    ]
    assert bad == []


def test_the_rule_catches_the_reported_phrase():
    assert GOVERNED.search("%(date)s дейін ашық.")
    assert not GOVERNED.search("Баға беру мерзімі: %(date)s.")
