"""Everything a person reads exists in Kazakh and Russian (English is the source language)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from esep.core.i18n_check import catalogue, missing

ROOT = Path(settings.BASE_DIR) / "esep"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_string_in_code_and_templates_is_translated(lang):
    gaps = missing(ROOT, lang)
    listing = "\n".join(f"  {msgid!r} in {', '.join(sorted(where))}" for msgid, where in sorted(gaps.items()))
    assert not gaps, f"{len(gaps)} string(s) have no {lang} translation:\n{listing}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translations_keep_their_placeholders(lang):
    broken = [
        msgid
        for msgid, msgstr in catalogue(ROOT, lang).items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
    ]
    assert not broken, f"placeholders differ in {lang}: {broken}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("kk", "Қызметкерлердің кіруі"), ("ru", "Вход для сотрудников"), ("en", "Staff login")],
)
def test_pages_speak_the_language_of_their_prefix(lang, expected):
    response = Client().get(f"/{lang}/accounts/login/")
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert f'lang="{lang}"' in response.content.decode()


def test_kazakh_is_the_default_language():
    assert settings.LANGUAGE_CODE == "kk"
    with translation.override("kk"):
        assert translation.gettext("Log in") == "Кіру"


@pytest.mark.parametrize(
    ("lang", "expected_date", "expected_number"),
    [
        ("kk", "2026 жылғы 22 наурыз", "12\xa0345,5"),
        ("ru", "22 марта 2026 г.", "12\xa0345,5"),
        ("en", "22 March 2026", "12,345.5"),
    ],
)
def test_dates_and_numbers_follow_each_languages_conventions(lang, expected_date, expected_number):
    import datetime as dt

    from django.utils import formats

    with translation.override(lang):
        assert formats.date_format(dt.date(2026, 3, 22), "DATE_FORMAT") == expected_date
        assert formats.number_format(12345.5, 1, use_l10n=True, force_grouping=True) == expected_number


def test_django_form_errors_are_in_kazakh():
    from django import forms

    with translation.override("kk"):
        with pytest.raises(forms.ValidationError) as err:
            forms.CharField(max_length=5).clean("тым ұзын мәтін")
        assert "таңба" in err.value.messages[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_one_string_reads_the_same_in_every_app(lang):
    """The same English string translated two ways would change with the order apps load catalogues."""
    import polib

    seen: dict[tuple[str, str], dict[str, str]] = {}
    for po_path in ROOT.glob(f"**/locale/{lang}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and not entry.obsolete:
                seen.setdefault((entry.msgctxt or "", entry.msgid), {})[str(po_path.relative_to(ROOT))] = entry.msgstr
    clashes = {key: where for key, where in seen.items() if len(set(where.values())) > 1}
    assert not clashes, "\n".join(f"{key[1]!r}: {where}" for key, where in clashes.items())


@pytest.mark.django_db
def test_the_language_switch_names_each_language_in_itself():
    html = Client().get("/ru/accounts/login/").content.decode()
    assert "Қазақша" in html and "English" in html and "Английский" not in html
