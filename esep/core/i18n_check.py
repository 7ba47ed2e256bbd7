"""Find every translatable string in Esep's code and templates, and the translations that are missing.

Used by the test suite (esep/core/tests/test_translations.py: every string a person reads exists in
Kazakh and Russian), which lists what translators still have to do when it fails.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import polib

GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_TRANS = re.compile(r"""{%\s*(?:trans|translate)\s+(?P<q>["'])(?P<s>.*?)(?P=q)""", re.S)
TEMPLATE_BLOCK = re.compile(
    r"{%\s*(?:blocktrans|blocktranslate)\b(?P<args>[^%]*)%}(?P<s>.*?){%\s*(?:endblocktrans|endblocktranslate)\s*%}",
    re.S,
)
TEMPLATE_VAR = re.compile(r"{{\s*([\w.]+)\s*(?:\|[^}]*)?}}")


def _python_strings(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in GETTEXT_NAMES or not node.args:
            continue
        args = node.args[1:] if name.startswith("pgettext") else node.args
        for arg in args[:2] if name.startswith("ngettext") else args[:1]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.value


def _template_strings(path: Path) -> Iterator[str]:
    text = path.read_text(encoding="utf-8")
    for match in TEMPLATE_TRANS.finditer(text):
        yield match.group("s")
    for match in TEMPLATE_BLOCK.finditer(text):
        body = match.group("s")
        if "{% plural %}" in body or "{% endplural" in body:
            body = body.split("{%")[0]
        if "trimmed" in match.group("args"):
            body = " ".join(line.strip() for line in body.strip().splitlines())
        yield TEMPLATE_VAR.sub(lambda m: "%(" + m.group(1) + ")s", body)


def source_strings(root: Path) -> dict[str, set[str]]:
    """msgid -> files where it appears, for everything under ``root`` (tests and migrations excluded)."""
    found: dict[str, set[str]] = {}
    for path in root.rglob("*"):
        parts = set(path.parts)
        if "tests" in parts or "migrations" in parts or "__pycache__" in parts:
            continue
        if path.suffix == ".py":
            strings = _python_strings(path)
        elif path.suffix in {".html", ".txt", ".typ"} and "templates" in parts:
            strings = _template_strings(path)
        else:
            continue
        for s in strings:
            if s.strip():
                found.setdefault(s, set()).add(str(path.relative_to(root)))
    return found


def catalogue(root: Path, lang: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for po_path in root.glob(f"**/locale/{lang}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            value = entry.msgstr or (entry.msgstr_plural.get(0) if entry.msgstr_plural else "")
            if value:
                result[entry.msgid] = value
    return result


def missing(root: Path, lang: str) -> dict[str, set[str]]:
    known = catalogue(root, lang)
    return {s: where for s, where in source_strings(root).items() if s not in known}
