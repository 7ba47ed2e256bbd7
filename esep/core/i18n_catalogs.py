"""The translation catalogs' headers and the extraction of new strings, with polib only (no GNU gettext,
which is a system package): ``make messages`` runs ``esep i18n_extract`` then ``esep i18n_compile``.

Extraction reads the code with the parser the translation test uses (esep.core.i18n_check), so what
``make messages`` adds is exactly what the test would report missing. Babel was not used: it cannot read
Django templates without a third-party plugin.
"""

from __future__ import annotations

from pathlib import Path

import polib

from esep.core.i18n_check import catalogue, source_strings

PROJECT = "Esep"
LANGUAGES = {"kk": "Kazakh", "ru": "Russian"}
# One plural rule per language across every catalog (the CLDR/gettext rules of each language).
PLURAL_FORMS = {
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
NPLURALS = {"kk": 2, "ru": 3}
TEMPLATE_TEXT = ("PACKAGE", "YEAR-MO-DA", "FULL NAME", "EMAIL@ADDRESS", "LANGUAGE <LL@li.org>")


def catalogs(root: Path) -> list[tuple[str, Path]]:
    """(language, path) of every django.po under ``root``."""
    return [(p.parent.parent.name, p) for p in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po"))]


def header(lang: str, version: str, old: dict[str, str] | None = None) -> dict[str, str]:
    old = old or {}
    return {
        "Project-Id-Version": f"{PROJECT} {version}",
        "POT-Creation-Date": old.get("POT-Creation-Date", ""),
        "PO-Revision-Date": "" if "YEAR" in old.get("PO-Revision-Date", "YEAR") else old["PO-Revision-Date"],
        "Language-Team": LANGUAGES[lang],
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[lang],
    }


def fix_header(po: polib.POFile, lang: str, version: str, app: str) -> bool:
    new = {key: value for key, value in header(lang, version, po.metadata).items() if value}
    changed = bool(new != po.metadata or po.metadata_is_fuzzy)
    po.metadata = new
    po.metadata_is_fuzzy = False  # a fuzzy header is skipped by compilers: its plural rule would be lost
    if not po.header.strip() or any(text in po.header for text in ("DESCRIPTIVE TITLE", "YEAR", "PACKAGE")):
        po.header = f"{LANGUAGES[lang]} translations of {app} ({PROJECT})."
        changed = True
    for entry in po:
        if entry.msgid_plural:  # as many forms as the language's rule has
            forms = [entry.msgstr_plural.get(i, "") for i in sorted(entry.msgstr_plural)] or [""]
            forms = (forms + [forms[-1]] * NPLURALS[lang])[: NPLURALS[lang]]
            wanted = dict(enumerate(forms))
            changed |= wanted != entry.msgstr_plural
            entry.msgstr_plural = wanted
    return changed


def _owner(root: Path, where: set[str]) -> Path:
    """The app directory whose catalog gets a new string: the app of the first file using it, or the
    project catalog (esep/locale) for the project's own templates and modules."""
    first = Path(sorted(where)[0])
    if len(first.parts) > 1 and (root / first.parts[0]).is_dir() and first.parts[0] != "templates":
        return root / first.parts[0]
    return root


def extract(root: Path, version: str) -> dict[str, int]:
    """Add every translatable string that no catalog has yet to its app's kk and ru catalogs (untranslated),
    creating the catalogs of a new app, and put every header in order. Returns added strings per catalog."""
    found = source_strings(root)
    added: dict[str, int] = {}
    for lang in LANGUAGES:
        known = set(catalogue(root, lang)) | _untranslated(root, lang)
        by_owner: dict[Path, list[str]] = {}
        for msgid, where in sorted(found.items()):
            if msgid not in known:
                by_owner.setdefault(_owner(root, where), []).append(msgid)
        for owner, msgids in by_owner.items():
            path = owner / "locale" / lang / "LC_MESSAGES" / "django.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            po = polib.pofile(str(path)) if path.exists() else polib.POFile()
            for msgid in msgids:
                po.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=[(w, "") for w in sorted(found[msgid])]))
            fix_header(po, lang, version, _app(root, path))
            po.save(str(path))
            added[str(path.relative_to(root.parent))] = len(msgids)
    for lang, path in catalogs(root):
        if lang not in LANGUAGES:
            continue
        po = polib.pofile(str(path))
        if fix_header(po, lang, version, _app(root, path)):
            po.save(str(path))
    return added


def _app(root: Path, path: Path) -> str:
    return str(path.parents[3].relative_to(root.parent))


def _untranslated(root: Path, lang: str) -> set[str]:
    return {
        entry.msgid
        for _, path in catalogs(root)
        if path.parent.parent.name == lang
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }
