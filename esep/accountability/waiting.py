"""Reaching the inspector between reports. The entrance poster's QR code always works: with no report
announced for the precinct, a resident's question waits for the precinct's next report and joins its
questions when that report is announced (Order 608 p.8.2; Order 652 p.27, 31), or staff register it as an
appeal under the АППК (Order 608 p.16; Order 652 p.32) if it should not wait.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from esep.accountability.models import WaitingQuestion, WaitingStatus
from esep.core import clock
from esep.core.audit import audit_record
from esep.meetings.models import Meeting
from esep.police.models import Precinct
from esep.questions import codes, consent
from esep.questions.models import Question


def _free_code() -> str:
    for _attempt in range(10):
        code = codes.new_code()
        if not (
            Question.objects.filter(tracking_code=code).exists()
            or WaitingQuestion.objects.filter(tracking_code=code).exists()
        ):
            return code
    raise ValidationError(_("Please try again."))  # pragma: no cover


def waiting_question_submit(
    *,
    precinct: Precinct,
    text: str,
    author_name: str = "",
    contact: str = "",
    consent_given: bool = False,
    language: str = "kk",
) -> WaitingQuestion:
    text, author_name, contact = text.strip(), author_name.strip(), contact.strip()
    if not text:
        raise ValidationError(_("Write your question."))
    if (author_name or contact) and not consent_given:
        raise ValidationError(_("To leave your name or contact, agree to the processing of personal data."))
    has_personal = bool(author_name or contact)
    with transaction.atomic():
        row = WaitingQuestion.objects.create(
            precinct=precinct,
            text=text,
            language=language[:2],
            author_name=author_name,
            contact=contact,
            consent_version=consent.CURRENT if has_personal else "",
            consent_at=clock.now() if has_personal else None,
            tracking_code=_free_code(),
        )
        audit_record(actor="resident", action="waiting_question.submit", obj=row, data={"precinct": precinct.pk})
    return row


def waiting_questions_attach(*, meeting: Meeting) -> int:
    """Join every waiting question of the meeting's precincts to its questions (called when the meeting is
    announced). The resident keeps the same tracking code. Returns how many joined; a second call joins none."""
    joined = 0
    rows = (
        WaitingQuestion.objects.select_for_update()
        .filter(precinct__in=meeting.precincts.all(), status=WaitingStatus.WAITING)
        .order_by("pk")
    )
    for row in rows:
        question = Question.objects.create(
            meeting=meeting,
            text=row.text,
            language=row.language,
            author_name=row.author_name,
            contact=row.contact,
            consent_version=row.consent_version,
            consent_at=row.consent_at,
            tracking_code=row.tracking_code,
        )
        Question.objects.filter(pk=question.pk).update(created_at=row.created_at)
        row.status = WaitingStatus.JOINED
        row.question = question
        row.closed_at = clock.now()
        # The name and contact now live on the question only.
        row.author_name = row.contact = ""
        row.save(update_fields=["status", "question", "closed_at", "author_name", "contact"])
        audit_record(actor="Esep", action="waiting_question.join", obj=row, data={"meeting": meeting.code})
        joined += 1
    return joined


def waiting_question_to_appeal(*, row: WaitingQuestion, actor: Any) -> WaitingQuestion:
    """Staff register a waiting question as an appeal (АППК art. 64); the resident follows it with the same code."""
    from esep.appeals.models import AppealSource
    from esep.appeals.services import appeal_register

    with transaction.atomic():
        locked = WaitingQuestion.objects.select_for_update().select_related("precinct__body").get(pk=row.pk)
        if locked.status != WaitingStatus.WAITING:
            raise ValidationError(_("This question has already joined a report or become an appeal."))
        # The resident keeps following it with the code they already hold; registering twice yields one appeal.
        appeal = appeal_register(
            body=locked.precinct.body,
            precinct=locked.precinct,
            text=locked.text,
            source=AppealSource.QUESTION,
            actor=actor,
            applicant_name=locked.author_name,
            applicant_contact=locked.contact,
            contact_consent=locked.consent_at is not None,  # consent recorded with its time and wording
            language=locked.language or "kk",
            received_at=locked.created_at,
            source_key=f"{locked._meta.label_lower}:{locked.pk}",
            code=locked.tracking_code,
        )
        locked.status = WaitingStatus.APPEAL
        locked.appeal_code = appeal.code
        locked.closed_at = clock.now()
        locked.save(update_fields=["status", "appeal_code", "closed_at"])
        audit_record(actor=actor, action="waiting_question.to_appeal", obj=locked, data={"appeal": appeal.code})
    return locked


def waiting_questions_erase_expired(
    *, closed_before: dt.datetime | None = None, waiting_since_before: dt.datetime | None = None, now: dt.datetime
) -> int:
    """Destroy the name and contact kept on waiting questions: of those closed (joined a report or registered as
    an appeal, which keep their own copies under their own terms) before ``closed_before``, and of those still
    waiting that were sent before ``waiting_since_before``. The cut-offs come from the retention rules of
    esep.law (esep.workflows.retention, which writes the destruction record in the same transaction). The
    filter is in the UPDATE itself, so a question joining a report at the same moment is judged as it is
    then. Returns how many lost personal data; a second call with the same cut-offs returns 0."""
    if closed_before is None and waiting_since_before is None:
        return 0
    due = Q(pk__in=[])
    if closed_before is not None:
        due |= Q(closed_at__isnull=False, closed_at__lt=closed_before)
    if waiting_since_before is not None:
        due |= Q(status=WaitingStatus.WAITING, created_at__lt=waiting_since_before)
    has_personal = ~Q(author_name="") | ~Q(contact="")
    return (
        WaitingQuestion.objects.filter(due)
        .filter(has_personal)
        .update(author_name="", contact="", personal_data_erased_at=now)
    )


def waiting_by_code(raw: str) -> WaitingQuestion | None:
    code = codes.clean_code(raw)
    if code is None:
        return None
    return WaitingQuestion.objects.select_related("precinct", "precinct__body").filter(tracking_code=code).first()
