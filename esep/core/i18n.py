"""Multilingual fields: a model stores ``<name>_kk``, ``<name>_ru`` and ``<name>_en``.

``localized(obj, "name")`` picks the active language and falls back Kazakh -> Russian -> English,
so a person always reads something, preferably in their own language.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import get_language

LANGS = ("kk", "ru", "en")


def fallback_order(lang: str | None = None) -> tuple[str, ...]:
    lang = (lang or get_language() or "kk").split("-")[0]
    if lang not in LANGS:
        lang = "kk"
    return (lang, *[code for code in LANGS if code != lang])


def localized(obj: Any, field: str, lang: str | None = None) -> str:
    for code in fallback_order(lang):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class LocalizedNameMixin(models.Model):
    """Adds name_kk / name_ru / name_en and a ``name`` property in the active language."""

    name_kk = models.CharField(max_length=300, blank=True)
    name_ru = models.CharField(max_length=300, blank=True)
    name_en = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return localized(self, "name")

    def __str__(self) -> str:
        return self.name
