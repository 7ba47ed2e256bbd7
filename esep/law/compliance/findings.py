"""The finding: one breach or risk, with the rule and paragraph that say so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from esep.law.compliance.messages import LANGS, MESSAGES, localize, render
from esep.law.rules import Rule

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    code: str  # stable: "notice.late"
    severity: str  # error | warning
    rule: str  # rule code: "meeting.notice_days"
    citation: str  # "Order 608 p.8.2" (several joined with "; ")
    message_kk: str
    message_ru: str
    message_en: str
    path: str  # where in the description: "announcement.published_at", "items[2].forwarded_on"
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def message(self, lang: str = "en") -> str:
        return getattr(self, f"message_{lang}", self.message_en)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "rule": self.rule,
            "citation": self.citation,
            "path": self.path,
            "message": {"kk": self.message_kk, "ru": self.message_ru, "en": self.message_en},
            "params": self.params,
        }


def make(code: str, severity: str, rules: list[Rule], path: str, **params: Any) -> Finding:
    """Build a finding citing ``rules`` (the first is the one it is filed under)."""
    messages = {}
    for lang in LANGS:
        cite = "; ".join(dict.fromkeys(r.citation(lang) for r in rules))
        messages[lang] = render(MESSAGES[code], lang, {**params, "citation": cite})
    plain = {k: _plain(v) for k, v in params.items()}
    return Finding(
        code=code,
        severity=severity,
        rule=rules[0].code,
        citation="; ".join(dict.fromkeys(r.citation() for r in rules)),
        message_kk=messages["kk"],
        message_ru=messages["ru"],
        message_en=messages["en"],
        path=path,
        params=plain,
    )


def make_unknown(code: str, on: Any, path: str) -> Finding:
    """A rule a check needed has no version in force on ``on``: the requirement could not be checked. A
    warning, never a silent pass (the law as modelled has a gap there)."""
    params = {"rule": code, "date": on}
    messages = {lang: render(MESSAGES["rule.unknown"], lang, params) for lang in LANGS}
    return Finding(
        code="rule.unknown",
        severity=WARNING,
        rule=code,
        citation="",
        message_kk=messages["kk"],
        message_ru=messages["ru"],
        message_en=messages["en"],
        path=path,
        params={k: _plain(v) for k, v in params.items()},
    )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return localize(value, "en")
