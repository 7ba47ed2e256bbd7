"""Every translation catalog has a real header and one plural rule per language, and `make messages`
(esep i18n_extract) adds new strings to the right catalog without GNU gettext."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings

from esep.core.i18n_catalogs import catalogs, extract

ROOT = Path(settings.PACKAGE_DIR)
# Written out here, not imported: the test states the rule. Kazakh: one form for 1, another for the rest;
# Russian: the standard three forms (1, 21 … ; 2-4, 22-24 … ; 0, 5-20, 25-30 …).
RULES = {
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
TEMPLATE_TEXT = ("PACKAGE", "YEAR", "FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "DESCRIPTIVE TITLE")
CATALOGS = catalogs(ROOT)


def test_there_are_kazakh_and_russian_catalogs():
    assert {lang for lang, _ in CATALOGS} == {"kk", "ru"}


@pytest.mark.parametrize(("lang", "path"), CATALOGS, ids=[str(p.relative_to(ROOT)) for _, p in CATALOGS])
def test_the_header_is_filled_with_the_one_plural_rule(lang, path):
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == lang
    assert po.metadata["Project-Id-Version"].startswith("Esep ")
    assert po.metadata["Plural-Forms"] == RULES[lang]
    assert not po.metadata_is_fuzzy
    header_text = po.header + "".join(po.metadata.values())
    assert not [t for t in TEMPLATE_TEXT if t in header_text]
    forms = int(RULES[lang].split(";")[0].split("=")[1])
    assert all(len(e.msgstr_plural) == forms for e in po if e.msgid_plural)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_extraction_adds_new_strings_to_their_apps_catalogs_once(tmp_path):
    root = tmp_path / "esep"
    _write(root / "birds" / "views.py", 'from django.utils.translation import gettext as _\nX = _("A new sparrow")\n')
    _write(root / "birds" / "templates" / "birds" / "nest.html", '{% load i18n %}{% translate "Known heron" %}')
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Known heron", msgstr="Белгілі құтан"))
    po.metadata = {"Language": "kk"}
    _write(root / "locale" / "kk" / "LC_MESSAGES" / "django.po", po.__unicode__())

    added = extract(root, "9.9")

    assert added == {"esep/birds/locale/kk/LC_MESSAGES/django.po": 1, "esep/birds/locale/ru/LC_MESSAGES/django.po": 2}
    kk = polib.pofile(str(root / "birds" / "locale" / "kk" / "LC_MESSAGES" / "django.po"))
    assert [(e.msgid, e.msgstr) for e in kk] == [("A new sparrow", "")]
    assert kk.metadata["Plural-Forms"] == RULES["kk"] and kk.metadata["Project-Id-Version"] == "Esep 9.9"
    ru = polib.pofile(str(root / "birds" / "locale" / "ru" / "LC_MESSAGES" / "django.po"))
    assert sorted(e.msgid for e in ru) == ["A new sparrow", "Known heron"]
    assert ru.metadata["Plural-Forms"] == RULES["ru"]
    project = polib.pofile(str(root / "locale" / "kk" / "LC_MESSAGES" / "django.po"))
    assert project.metadata["Plural-Forms"] == RULES["kk"]  # the existing catalog's header is put in order
    assert extract(root, "9.9") == {}
