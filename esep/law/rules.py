"""The registry of legal rules: every number, list and yes/no the law sets, as data with its act, paragraph
and dates of force.

A rule has a stable ``code`` ("meeting.notice_days") and one or more versions. A version names its act and
paragraph and the dates between which it was in force; ``rule(code, on)`` picks the version in force on a
date, so a meeting held in 2022 is judged by Decree 723 and one held in 2024 by Order 608 or 652. Some rules
differ by the kind of meeting (a chief's or an inspector's report); those versions carry ``kind`` and callers
pass ``kind=`` (without it the chief's or the general version is returned).

Where a date of force is not stated in the texts at hand, the version carries ``date_note`` saying which date
was assumed and why. The data itself lives in :mod:`esep.law.ruleset`, one module per act, loaded once by
:func:`load` at startup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from esep.core import clock


class UnknownRule(LookupError):
    """No rule with this code, or none in force on the date asked."""

    def __init__(self, code: str, on: dt.date | None = None, kind: str | None = None) -> None:
        self.code = code
        self.on = on
        self.kind = kind
        if on is None:
            message = f"unknown rule {code!r}"
        else:
            message = f"no version of rule {code!r} in force on {on.isoformat()}"
            if kind:
                message += f" for a meeting of kind {kind!r}"
        super().__init__(message)


class RuleNotInForce(UnknownRule):
    """The code exists, but no version of it was in force on that date (for that kind of meeting)."""


@dataclass(frozen=True)
class Act:
    """A legal act, named as citations name it ("Order 608"), with its full title for the reader."""

    key: str
    name_en: str
    name_kk: str
    name_ru: str
    title_en: str = ""
    title_ru: str = ""


@dataclass(frozen=True)
class Rule:
    """One version of a rule. ``valid_to`` is the last day in force (inclusive); None means open."""

    code: str
    act: str  # key into ACTS: "order_608"
    paragraph: str  # "p.8.2", "art. 76 p.1"; empty when the act has no such requirement (value False/empty)
    value: Any
    valid_from: dt.date | None
    valid_to: dt.date | None
    date_note: str = ""
    summary_en: str = ""
    summary_kk: str = ""
    summary_ru: str = ""
    kind: str | None = None  # "chief" / "inspector": the meeting kind this version is for; None: any
    unit: str = ""  # calendar_days | working_days | months | years | hours | "" (not a term)
    direction: str = "after"  # "before": the term runs back from the start (a notice before a meeting)
    start_event: str = ""  # what the term counts from: "registration", "receipt", "meeting", ...
    # must | by_agreement (652 p.28) | may (Decree 723 p.10 "may be invited") | invite (608 p.4: invited, not
    # necessarily present)
    modality: str = "must"
    note: str = ""  # doubts about the wording or paragraph, for the reader

    @property
    def act_name(self) -> str:
        return ACTS[self.act].name_en

    def in_force(self, on: dt.date) -> bool:
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on > self.valid_to)

    def citation(self, lang: str = "en") -> str:
        """ "Order 608 p.8.2" in English; "Приказ № 608, п.8.2"; "№ 608 бұйрық, 8.2-т." and so on."""
        act = ACTS[self.act]
        if lang == "ru":
            name, para = act.name_ru, _paragraph_ru(self.paragraph)
        elif lang == "kk":
            name, para = act.name_kk, _paragraph_kk(self.paragraph)
        else:
            name, para = act.name_en, self.paragraph
        if not para:
            return name
        return f"{name} {para}" if lang == "en" else f"{name}, {para}"

    def summary(self, lang: str = "en") -> str:
        return getattr(self, f"summary_{lang}", "") or self.summary_en


def _paragraph_ru(paragraph: str) -> str:
    text = re.sub(r"\bart\. ", "ст. ", paragraph)
    text = re.sub(r"\bpp?\.", "п.", text)
    text = re.sub(r"\bsub\.", "пп.", text)
    return re.sub(r"\bch\. ", "гл. ", text)


def _paragraph_kk(paragraph: str) -> str:
    # Kazakh puts the number first: "76-бап 1-т.", "3-тарау".
    text = re.sub(r"\bart\. (\d+(?:-\d+)?)", r"\1-бап", paragraph)
    text = re.sub(r"\bpp?\.(\d+(?:[.-]\d+)*)", r"\1-т.", text)
    text = re.sub(r"\bsub\.(\d+)", r"\1) тт.", text)
    return re.sub(r"\bch\. (\d+)", r"\1-тарау", text)


_REGISTRY: dict[str, list[Rule]] = {}
ACTS: dict[str, Act] = {}


def register_act(act: Act) -> Act:
    ACTS[act.key] = act
    return act


def register(*versions: Rule) -> None:
    """Add versions of rules. Versions of one code (and one kind) must not overlap in time."""
    for version in versions:
        if version.act not in ACTS:
            raise ValueError(f"rule {version.code}: unknown act {version.act!r}")
        existing = _REGISTRY.setdefault(version.code, [])
        for other in existing:
            if (other.kind == version.kind or other.kind is None or version.kind is None) and _overlap(other, version):
                raise ValueError(f"rule {version.code}: versions overlap ({other.citation()} / {version.citation()})")
        existing.append(version)
        existing.sort(key=lambda r: r.valid_from or dt.date.min)


def _overlap(a: Rule, b: Rule) -> bool:
    a_from, a_to = a.valid_from or dt.date.min, a.valid_to or dt.date.max
    b_from, b_to = b.valid_from or dt.date.min, b.valid_to or dt.date.max
    return a_from <= b_to and b_from <= a_to


def _as_date(on: dt.date | dt.datetime | None) -> dt.date:
    if on is None:
        from django.utils import timezone

        return clock.localdate()
    if isinstance(on, dt.datetime):
        if on.tzinfo is not None:
            from django.utils import timezone

            return timezone.localtime(on).date()
        return on.date()
    return on


def codes() -> list[str]:
    _ensure_loaded()
    return sorted(_REGISTRY)


def versions(code: str) -> list[Rule]:
    """Every version of a rule, oldest first. Raises UnknownRule for an unknown code."""
    _ensure_loaded()
    try:
        return list(_REGISTRY[code])
    except KeyError:
        raise UnknownRule(code) from None


def find(code: str, on: dt.date | dt.datetime | None = None, *, kind: str | None = None) -> Rule | None:
    """The version in force on ``on`` (today if None), or None if the code exists but nothing was in force.
    Raises UnknownRule for an unknown code."""
    day = _as_date(on)
    candidates = [r for r in versions(code) if r.in_force(day)]
    if kind is not None:
        exact = [r for r in candidates if r.kind == kind]
        if exact:
            return exact[0]
        general = [r for r in candidates if r.kind is None]
        return general[0] if general else None
    if not candidates:
        return None
    # Without a kind: the general version, else the chief's, else whatever is in force.
    for preferred in (None, "chief"):
        for r in candidates:
            if r.kind == preferred:
                return r
    return candidates[0]


def rule(code: str, on: dt.date | dt.datetime | None = None, *, kind: str | None = None) -> Rule:
    """The version of ``code`` in force on ``on``. Raises UnknownRule (RuleNotInForce if the code exists)."""
    found = find(code, on, kind=kind)
    if found is None:
        raise RuleNotInForce(code, _as_date(on), kind)
    return found


def value(code: str, on: dt.date | dt.datetime | None = None, *, kind: str | None = None) -> Any:
    return rule(code, on, kind=kind).value


def citation(code: str, on: dt.date | dt.datetime | None = None, *, kind: str | None = None, lang: str = "en") -> str:
    return rule(code, on, kind=kind).citation(lang)


def all_rules() -> Iterable[Rule]:
    _ensure_loaded()
    for code in sorted(_REGISTRY):
        yield from _REGISTRY[code]


_loaded = False


class LawNotLoaded(RuntimeError):
    """The rules could not be registered: the application must not start with part of the law."""


def load() -> None:
    """Register every rule, once (``LawConfig.ready()`` calls it at startup). All or nothing: if any module of
    :mod:`esep.law.ruleset` fails, the registry is emptied and ``LawNotLoaded`` is raised, so the process stops
    instead of answering with 9 of 34 rules."""
    global _loaded
    if _loaded:
        return
    import sys

    try:
        from esep.law import ruleset  # noqa: F401  (registers the data on import)
    except Exception as exc:
        _REGISTRY.clear()
        ACTS.clear()
        for name in [n for n in sys.modules if n == "esep.law.ruleset" or n.startswith("esep.law.ruleset.")]:
            del sys.modules[name]
        if hasattr(sys.modules.get("esep.law"), "ruleset"):
            delattr(sys.modules["esep.law"], "ruleset")
        raise LawNotLoaded(f"the rules of esep.law could not be loaded: {exc!r}") from exc
    if not _REGISTRY:
        raise LawNotLoaded("esep.law.ruleset registered no rules")
    _loaded = True


def _ensure_loaded() -> None:
    if not _loaded:
        load()
