"""Test helpers for appeals: a registered appeal, and stand-ins for minutes and questions with the
attributes the appeals services read (until the protocols and questions apps provide theirs)."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from esep.appeals.models import Appeal
from esep.appeals.services import appeal_register
from esep.testing import factories as f

_ids = itertools.count(1)
ALMATY = ZoneInfo("Asia/Almaty")


def almaty(year: int, month: int, day: int, hour: int = 11, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def appeal(*, body=None, actor="Esep test", **kw: Any) -> Appeal:
    body = body or f.body()
    kw.setdefault("text", "Аулада кешке жарық жоқ, жастар жиналып, шу шығарады.")
    kw.setdefault("source", "staff")
    kw.setdefault("applicant_name", "Асқаров Бауыржан")
    kw.setdefault("applicant_contact", "baurzhan@example.kz")
    kw.setdefault("contact_consent", True)
    return appeal_register(body=body, actor=actor, **kw)


class _Meta:
    def __init__(self, label: str) -> None:
        self.label_lower = label


def protocol_item(**kw: Any) -> SimpleNamespace:
    """A minutes item as the protocols app describes it (kind, text, person, competence, subject...)."""
    item = SimpleNamespace(
        pk=next(_ids),
        kind="complaint",
        text="Көшеде жарық жоқ.",
        person_name="Асқаров Бауыржан",
        person_contact="+7 701 234 56 78",
        contact_consent=True,
        answered_in_full=False,
        competence="police",
        subject="police",
        agency=None,
        reporter=None,
    )
    for key, value in kw.items():
        setattr(item, key, value)
    item._meta = _Meta("protocols.protocolitem")
    return item


def protocol(meeting, items: list) -> SimpleNamespace:
    return SimpleNamespace(meeting=meeting, items=items, secretary_name="Секретарь Ә. Ә.")


def question(meeting, **kw: Any) -> SimpleNamespace:
    q = SimpleNamespace(
        pk=next(_ids),
        text="Неге біздің көшеде учаскелік инспектор жоқ?",
        author_name="Жұмабаева Гүлнар",
        contact="gulnar@example.kz",
        consent_given=True,
        meeting=meeting,
        tracking_code=f"Q{next(_ids):011d}",
        language="kk",
        created_at=None,
    )
    for key, value in kw.items():
        setattr(q, key, value)
    q._meta = _Meta("questions.question")
    return q
