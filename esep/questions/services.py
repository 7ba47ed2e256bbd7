"""The only code that writes questions. Each transition: lock the row, check the table, change, audit,
tell the author (if they left a contact with consent) and the public cache after commit (accepted
questions are shown on the meeting page).

Personal data (Law on personal data arts. 8, 12, 18): the author's name and contact are destroyed when the
author withdraws consent (at once) or when the retention term of esep.law has passed
(``questions_erase_expired``, called by ``esep retention purge``); the question, its status and dates stay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings.models import Meeting, MeetingStatus
from esep.notifications.services import messages_forget
from esep.questions import codes, consent
from esep.questions.models import Question, QuestionStatus, can_move
from esep.questions.notices import notify_author


def meeting_accepts_questions(meeting: Meeting) -> bool:
    """Questions in advance are taken for an announced meeting until it starts (Order 608 p.8.2)."""
    return meeting.status == MeetingStatus.ANNOUNCED and meeting.starts_at > clock.now()


def question_submit(
    *,
    meeting: Meeting,
    text: str,
    author_name: str = "",
    contact: str = "",
    consent_given: bool = False,
    language: str = "kk",
) -> Question:
    """Store a resident's question with a fresh tracking code. Name and contact are kept only with consent
    (Law on personal data art. 8); without it they are refused rather than silently dropped."""
    text = text.strip()
    author_name = author_name.strip()
    contact = contact.strip()
    if not text:
        raise ValidationError(_("Write your question."))
    if (author_name or contact) and not consent_given:
        raise ValidationError(_("To leave your name or contact, agree to the processing of personal data."))
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not meeting_accepts_questions(locked):
            raise ValidationError(_("This meeting no longer takes questions in advance."))
        has_personal = bool(author_name or contact)
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    question = Question.objects.create(
                        meeting=locked,
                        text=text,
                        language=language[:2],
                        author_name=author_name,
                        contact=contact,
                        consent_version=consent.CURRENT if has_personal else "",
                        consent_at=clock.now() if has_personal else None,
                        tracking_code=codes.new_code(),
                    )
                break
            except IntegrityError:  # a code collision: astronomically rare, try another code
                continue
        else:  # pragma: no cover
            raise ValidationError(_("Please try again."))
        audit_record(actor="resident", action="question.submit", obj=question, data={"meeting": locked.code})
    return question


def _move(
    question: Question,
    target: str,
    actor: Any,
    action: str,
    *,
    appeal: Any = None,
    covered: bool = False,
    **changes: Any,
) -> Question:
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if not can_move(locked.status, target):
            raise ValidationError(
                _("A question that is %(current)s cannot become %(target)s.")
                % {"current": locked.get_status_display(), "target": QuestionStatus(target).label}
            )
        now = clock.now()
        locked.status = target
        for name, value in changes.items():
            setattr(locked, name, value)
        if target in {QuestionStatus.ACCEPTED, QuestionStatus.REJECTED} or (
            target == QuestionStatus.MERGED and locked.moderated_at is None
        ):
            locked.moderated_at = now
            locked.moderated_by = actor if getattr(actor, "is_authenticated", False) else None
        if locked.is_final:
            locked.closed_at = now
        locked.save()
        audit_record(actor=actor, action=action, obj=locked, data={"status": target})
        notify_author(question=locked, status=target, appeal=appeal, covered=covered)
        public_changed_on_commit()
    return locked


def question_accept(*, question: Question, actor: Any) -> Question:
    require(actor, Action.MODERATE, question)
    return _move(question, QuestionStatus.ACCEPTED, actor, "question.accept")


def question_reject(*, question: Question, reason: str, actor: Any) -> Question:
    """Reject with a reason the author reads by the tracking code."""
    require(actor, Action.MODERATE, question)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason: the author will read it."))
    return _move(question, QuestionStatus.REJECTED, actor, "question.reject", reject_reason=reason[:500])


def question_merge(*, question: Question, into: Question, actor: Any) -> Question:
    """A duplicate joins an accepted question of the same meeting and shares its outcome."""
    require(actor, Action.MODERATE, question)
    if into.pk == question.pk or into.meeting_id != question.meeting_id:
        raise ValidationError(_("A question can only be merged into another question of the same meeting."))
    if into.status != QuestionStatus.ACCEPTED:
        raise ValidationError(_("Merge duplicates into an accepted question."))
    return _move(question, QuestionStatus.MERGED, actor, "question.merge", merged_into=into)


def question_answer_at_meeting(*, question: Question, actor: Any, note: str = "") -> Question:
    # Order 608 p.7; Order 652 p.31: proposals and remarks are answered during the report.
    return _move(question, QuestionStatus.ANSWERED_MEETING, actor, "question.answer_meeting", answer=note.strip())


def question_answer_in_writing(*, question: Question, answer: str, actor: Any) -> Question:
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(_("Write the answer."))
    return _move(question, QuestionStatus.ANSWERED_WRITING, actor, "question.answer_writing", answer=answer)


def question_check_can_become_appeal(question: Question) -> None:
    """Order 608 p.16; Order 652 p.32: only an accepted question is checked under the АППК as an appeal."""
    if question.status != QuestionStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted question can become an appeal."))


def question_record_appeal(*, question: Question, actor: Any, appeal: Any, appeal_ref: str, covered: bool) -> Question:
    """The question was registered as ``appeal`` (esep.workflows.question_appeal opens it): the question keeps
    a reference to it and the author is told, unless ``covered`` (the appeal's ticket already told the same
    contact)."""
    question_check_can_become_appeal(question)
    return _move(
        question,
        QuestionStatus.APPEAL,
        actor,
        "question.to_appeal",
        appeal=appeal,
        covered=covered,
        appeal_ref=appeal_ref[:60],
    )


# --- personal data ------------------------------------------------------------------------------------


def _has_personal_data() -> Q:
    return ~Q(author_name="") | ~Q(contact="")


def question_withdraw_consent(*, question: Question, actor: Any = "resident") -> Question:
    """The author withdraws consent (Law on personal data art. 8): name and contact are destroyed at once,
    well within the term of ``personal_data.withdrawal_days``. The question stays. Withdrawing again
    changes nothing."""
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        if locked.consent_withdrawn_at is not None and not (locked.author_name or locked.contact):
            return locked
        now = clock.now()
        had = {"name": bool(locked.author_name), "contact": bool(locked.contact)}
        values = [locked.author_name, locked.contact]
        locked.author_name = ""
        locked.contact = ""
        locked.consent_withdrawn_at = now
        locked.personal_data_erased_at = locked.personal_data_erased_at or now
        locked.save(update_fields=["author_name", "contact", "consent_withdrawn_at", "personal_data_erased_at"])
        # The outbox forgets the address too; a notice still queued to it is never sent.
        messages_forget(related=locked, values=values)
        audit_record(actor=actor, action="question.consent_withdraw", obj=locked, data=had)
    return locked


def questions_erase_expired(
    *, closed_before: dt.datetime | None = None, open_meeting_before: dt.datetime | None = None, now: dt.datetime
) -> int:
    """Destroy the author's name and contact of closed questions closed before ``closed_before``, and of
    questions never closed whose meeting started before ``open_meeting_before`` (the cut-offs come from the
    retention rules of esep.law; the caller writes the destruction record in the same transaction).
    Returns how many questions lost personal data; a second call with the same cut-offs returns 0."""
    if closed_before is None and open_meeting_before is None:
        return 0
    due = Q(pk__in=[])
    if closed_before is not None:
        due |= Q(closed_at__isnull=False, closed_at__lt=closed_before)
    if open_meeting_before is not None:
        due |= Q(closed_at__isnull=True, meeting__starts_at__lt=open_meeting_before)
    qs = Question.objects.filter(due).filter(_has_personal_data())
    ids = list(qs.values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        Question.objects.filter(pk__in=ids[start : start + 500]).update(
            author_name="", contact="", personal_data_erased_at=now
        )
    return len(ids)
