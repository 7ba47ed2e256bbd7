"""Test helpers for appeals: a registered appeal, and stand-ins for minutes and questions with the
attributes the appeals services read (until the protocols and questions apps provide theirs)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from esep.appeals.models import Appeal
from esep.appeals.services import appeal_register
from esep.testing import factories as f

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


def signed_protocol(meeting, items: list[dict[str, Any]]):
    """Minutes of ``meeting`` with the given items, as the protocols app stores them."""
    from esep.protocols.models import Protocol, ProtocolItem

    proto = Protocol.objects.create(
        meeting=meeting,
        started_at=meeting.starts_at,
        place=meeting.venue_kk or "Мәдениет үйі",
        secretary_name="Секретарь Әлия",
        language="kk",
    )
    reporter = meeting.reporters.first()
    for data in items:
        fields = {
            "kind": "complaint",
            "text": "Көшеде жарық жоқ.",
            "person_name": "Асқаров Бауыржан",
            "person_contact": "+7 701 234 56 78",
            "contact_consent": True,
            "answered_in_full": False,
            "competence": "police",
            "subject": "police",
            "reporter": reporter,
            **data,
        }
        ProtocolItem.objects.create(protocol=proto, **fields)
    return proto


def question(meeting, **kw: Any):
    """An accepted question in advance, as the questions app stores it."""
    from django.utils import timezone

    from esep.questions.codes import new_code
    from esep.questions.models import Question

    fields = {
        "text": "Неге біздің көшеде учаскелік инспектор жоқ?",
        "author_name": "Жұмабаева Гүлнар",
        "contact": "gulnar@example.kz",
        "consent_version": "1",
        "consent_at": timezone.now(),
        "tracking_code": new_code(),
        "language": "kk",
        **kw,
    }
    return Question.objects.create(meeting=meeting, **fields)
