"""Retention of inspector report materials (Order 652 p.32: kept 1 year by the police body; Law on personal
data art. 12: destroyed when the purpose is reached).

``retention_purge`` (``esep retention purge``) anonymises the participants' personal data, the personal data
of complaints in the minutes, and destroys uploaded video files, once the term of the esep.law rule
``retention.inspector_materials_days`` (as in force on the meeting's date) has passed. Counts, hashes, the
minutes' text and their seal stay; a DestructionRecord says what was done, when, by whom, under which rule.
Meetings with a record are skipped, so running it again changes nothing. Chief's reports are not touched:
their materials are kept under Order 236 (Order 608 p.18).

The same run destroys the personal data kept outside the report materials, each kind under its own rule of
esep.law (Law on personal data arts. 12, 18; the terms are Esep's policy, said so in each rule):

- ``retention.question_contact_days``: the author's name and contact of a closed question;
- ``retention.question_contact_open_years``: the same for a question never closed, counted from its meeting;
- ``retention.appeal_applicant_years``: the applicant's name and contact of a finished appeal (text,
  status, dates, flags and timeline stay; copies in the timeline and the outbox are replaced);
- ``retention.outbox_recipient_days``: the recipient address of an email or SMS sent, delivered or failed;
- questions sent between reports (esep/accountability/waiting.py) on the terms of questions sent in advance:
  ``retention.question_contact_days`` from the day one was closed (joined a report or became an appeal),
  ``retention.waiting_question_contact_years`` from the day one still waiting was sent;
- ``retention.subscription_unconfirmed_days``: an e-mail subscription never confirmed is deleted, counted
  from its confirmation mail; ``retention.subscription_unsubscribed_days``: an address left on an ended
  subscription is removed (esep/accountability/subscriptions.py).

The owning apps do the writing (``questions_erase_expired``, ``appeals_erase_expired``,
``messages_forget_recipients``, ``waiting_questions_erase_expired``, ``subscriptions_delete_unconfirmed``,
``subscriptions_forget_unsubscribed``); here the cut-off day is found from the rule and, in the same transaction, a
DestructionRecord (``meeting`` empty, ``subject`` the kind of data) says how many and under which rule. Each
object is marked when its data go, so a second run finds nothing and writes no record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from esep.core import clock
from esep.core.audit import audit_record
from esep.meetings.lawrules import rule_citation, term_end
from esep.meetings.models import DestructionRecord, DestructionSubject, Meeting, MeetingKind, MeetingStatus

RETENTION_RULE = "retention.inspector_materials_days"
QUESTION_CLOSED_RULE = "retention.question_contact_days"
QUESTION_OPEN_RULE = "retention.question_contact_open_years"
APPEAL_RULE = "retention.appeal_applicant_years"
OUTBOX_RULE = "retention.outbox_recipient_days"
WAITING_OPEN_RULE = "retention.waiting_question_contact_years"
SUBSCRIPTION_UNCONFIRMED_RULE = "retention.subscription_unconfirmed_days"
SUBSCRIPTION_UNSUBSCRIBED_RULE = "retention.subscription_unsubscribed_days"


@dataclass(frozen=True)
class PurgeResult:
    meetings: int
    participants: int
    videos: int
    items: int
    questions: int = 0
    appeals: int = 0
    messages: int = 0
    waiting_questions: int = 0
    subscriptions: int = 0


def kept_until(meeting: Meeting) -> dt.date:
    day = timezone.localtime(meeting.starts_at).date()
    return term_end(RETENTION_RULE, start=day, kind=meeting.kind)


def _purge_one(meeting: Meeting, actor_name: str, now: dt.datetime) -> DestructionRecord | None:
    from esep.protocols.models import ProtocolItem

    with transaction.atomic():
        row = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if DestructionRecord.objects.filter(meeting=row).exists():
            return None
        day = timezone.localtime(row.starts_at).date()
        participants = row.participants.filter(anonymised_at__isnull=True)
        n_participants = participants.count()
        for p in participants.only("id"):
            p.full_name, p.residence, p.contact = "", "", ""
            p.person_key = f"anonymised:{p.pk}"
            p.anonymised_at = now
            p.save(update_fields=["full_name", "residence", "contact", "person_key", "anonymised_at"])
        files: list[Any] = []
        n_videos = 0
        for video in row.videos.filter(destroyed_at__isnull=True):
            if video.file:
                files.append((video.file.storage, video.file.name))
            video.file = ""
            video.url = ""
            video.destroyed_at = now
            video.save(update_fields=["file", "url", "destroyed_at"])
            n_videos += 1
        n_items = ProtocolItem.objects.filter(protocol__meeting=row, anonymised_at__isnull=True).update(
            person_name="", person_contact="", pd_salt="", anonymised_at=now
        )
        # The names kept to redact the published report go with them (its published texts are redacted).
        from esep.accountability.models import ReportPublication

        ReportPublication.objects.filter(meeting=row).update(known_names=[])
        record = DestructionRecord.objects.create(
            meeting=row,
            performed_at=now,
            actor_name=actor_name[:200],
            rule_key=RETENTION_RULE,
            rule_citation=rule_citation(RETENTION_RULE, on=day, kind=row.kind)[:300],
            kept_until=kept_until(row),
            counts={
                "participants_anonymised": n_participants,
                "participants_total": row.participants.count(),
                "videos_destroyed": n_videos,
                "video_sha256": list(row.videos.values_list("sha256", flat=True)),
                "minutes_items_anonymised": n_items,
            },
        )
        audit_record(actor=actor_name, action="retention.purge", obj=row, data=record.counts)
        # Files go only once the database says they are destroyed.
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return record


def expired_through(rule_code: str, today: dt.date) -> dt.date:
    """The latest start day whose term under ``rule_code`` has ended before ``today``: data whose clock
    started on that day or earlier are past their term (kept until a day before today), later ones are
    not. The unit, working days and shifts stay esep.law's business; the term grows with its start day."""
    day = today - dt.timedelta(days=max((term_end(rule_code, start=today) - today).days, 0))
    while term_end(rule_code, start=day) >= today:
        day -= dt.timedelta(days=1)
    while term_end(rule_code, start=day + dt.timedelta(days=1)) < today:
        day += dt.timedelta(days=1)
    return day


def _start_of_next_day(day: dt.date) -> dt.datetime:
    """The first moment after ``day`` in Almaty time: a timestamp before it lies on ``day`` or earlier."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def _erase_batch(
    *, subject: str, rule_code: str, today: dt.date, now: dt.datetime, actor_name: str, erase: Any, what: str
) -> int:
    """Run ``erase(cut_off_datetime)`` and record what it destroyed, in one transaction."""
    through = expired_through(rule_code, today)
    with transaction.atomic():
        count = erase(_start_of_next_day(through))
        if not count:
            return 0
        record = DestructionRecord.objects.create(
            meeting=None,
            subject=subject,
            performed_at=now,
            actor_name=actor_name[:200],
            rule_key=rule_code,
            rule_citation=rule_citation(rule_code, on=through)[:300],
            kept_until=term_end(rule_code, start=through),
            counts={what: count, "term_started_on_or_before": through.isoformat()},
        )
        audit_record(actor=actor_name, action="retention.purge", obj=record, data=record.counts)
    return count


def _purge_personal_data(today: dt.date, now: dt.datetime, actor_name: str) -> dict[str, int]:
    from esep.appeals.services import appeals_erase_expired
    from esep.notifications.services import messages_forget_recipients
    from esep.questions.services import questions_erase_expired

    common = {"today": today, "now": now, "actor_name": actor_name}
    questions = _erase_batch(
        subject=DestructionSubject.QUESTION_AUTHORS,
        rule_code=QUESTION_CLOSED_RULE,
        erase=lambda before: questions_erase_expired(closed_before=before, now=now),
        what="question_authors_anonymised",
        **common,
    )
    questions += _erase_batch(
        subject=DestructionSubject.QUESTION_AUTHORS,
        rule_code=QUESTION_OPEN_RULE,
        erase=lambda before: questions_erase_expired(open_meeting_before=before, now=now),
        what="question_authors_anonymised",
        **common,
    )
    appeals = _erase_batch(
        subject=DestructionSubject.APPEAL_APPLICANTS,
        rule_code=APPEAL_RULE,
        erase=lambda before: appeals_erase_expired(finished_before=before, now=now, actor=actor_name),
        what="applicants_anonymised",
        **common,
    )
    messages = _erase_batch(
        subject=DestructionSubject.OUTBOX_RECIPIENTS,
        rule_code=OUTBOX_RULE,
        erase=lambda before: messages_forget_recipients(finished_before=before),
        what="message_recipients_erased",
        **common,
    )
    waiting = _purge_waiting_questions(common)
    subscriptions = _purge_subscriptions(common)
    return {
        "questions": questions,
        "appeals": appeals,
        "messages": messages,
        "waiting_questions": waiting,
        "subscriptions": subscriptions,
    }


def _purge_waiting_questions(common: dict[str, Any]) -> int:
    """Questions sent between reports, on the terms of questions sent in advance (Law on personal data
    arts. 12, 18): 30 days after closing, 1 year after sending for one still waiting."""
    from esep.accountability.waiting import waiting_questions_erase_expired

    now = common["now"]
    closed = _erase_batch(
        subject=DestructionSubject.QUESTION_AUTHORS,
        rule_code=QUESTION_CLOSED_RULE,
        erase=lambda before: waiting_questions_erase_expired(closed_before=before, now=now),
        what="waiting_question_authors_anonymised",
        **common,
    )
    return closed + _erase_batch(
        subject=DestructionSubject.QUESTION_AUTHORS,
        rule_code=WAITING_OPEN_RULE,
        erase=lambda before: waiting_questions_erase_expired(waiting_since_before=before, now=now),
        what="waiting_question_authors_anonymised",
        **common,
    )


def _purge_subscriptions(common: dict[str, Any]) -> int:
    """E-mail subscriptions: never confirmed, deleted; ended, their address removed (arts. 12, 18)."""
    from esep.accountability.subscriptions import subscriptions_delete_unconfirmed, subscriptions_forget_unsubscribed

    unconfirmed = _erase_batch(
        subject=DestructionSubject.SUBSCRIBER_EMAILS,
        rule_code=SUBSCRIPTION_UNCONFIRMED_RULE,
        erase=lambda before: subscriptions_delete_unconfirmed(requested_before=before),
        what="unconfirmed_subscriptions_deleted",
        **common,
    )
    return unconfirmed + _erase_batch(
        subject=DestructionSubject.SUBSCRIBER_EMAILS,
        rule_code=SUBSCRIPTION_UNSUBSCRIBED_RULE,
        erase=lambda before: subscriptions_forget_unsubscribed(unsubscribed_before=before),
        what="unsubscribed_emails_erased",
        **common,
    )


def retention_purge(*, actor_name: str = "esep retention purge", now: dt.datetime | None = None) -> PurgeResult:
    now = now or clock.now()
    today = timezone.localdate(now)
    totals = {"meetings": 0, "participants": 0, "videos": 0, "items": 0}
    candidates = (
        Meeting.objects.filter(kind=MeetingKind.INSPECTOR, destruction__isnull=True, starts_at__lt=now)
        .exclude(status__in=[MeetingStatus.DRAFT, MeetingStatus.CANCELLED])
        .order_by("starts_at")
    )
    for meeting in candidates.iterator(chunk_size=200):
        if kept_until(meeting) >= today:
            continue
        record = _purge_one(meeting, actor_name, now)
        if record is None:
            continue
        totals["meetings"] += 1
        totals["participants"] += record.counts["participants_anonymised"]
        totals["videos"] += record.counts["videos_destroyed"]
        totals["items"] += record.counts["minutes_items_anonymised"]
    totals.update(_purge_personal_data(today, now, actor_name))
    return PurgeResult(**totals)
