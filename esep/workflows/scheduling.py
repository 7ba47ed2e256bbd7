"""Planning one report: create, edit, reschedule and cancel, with the people already involved told through
the outbox in their own language.

Order 608 p.8.1: the territorial police body sets the dates. Order 608 p.8.2 and Order 652 p.27: the
announcement goes out at least the notice term before the meeting, so a new date of a published meeting
re-runs the notice rule (``esep.announcements.services.notice_rule``): under the term, a reason is required
and recorded on the announcement, where it stands as a finding like a late publication.

Every service: keyword-only arguments, one transaction, the meeting row locked, the guard checked, the change
and its history (``MeetingChange``) written, an audit entry, messages queued in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings import outbox, workflow
from esep.meetings.models import (
    Meeting,
    MeetingChange,
    MeetingChangeKind,
    MeetingKind,
    MeetingReporter,
    MeetingStatus,
)
from esep.territory.models import Level, Territory

EDITABLE = frozenset({MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED})
PLAN_FIELDS = (
    "ends_at",
    "settlement",
    "venue_kk",
    "venue_ru",
    "venue_capacity",
    "expected_attendance",
    "format",
    "gathering_type",
    "online_url",
)
MAX_REASON = 1000


def period_of(kind: str, starts_at: dt.datetime) -> tuple[int, int | None]:
    """The reporting period a meeting on ``starts_at`` reports for: an inspector the quarter it falls in
    (Order 652 p.26), a chief the year before (Order 608 p.4: held in Q1 of the next year)."""
    local = timezone.localtime(starts_at)
    if kind == MeetingKind.CHIEF:
        return local.year - 1, None
    return local.year, (local.month - 1) // 3 + 1


def venue_settlements(*bodies: Any):
    """The places a report of one of ``bodies`` may be held in: the settlements of the bodies' territories
    (KATO code prefix), and the city districts without settlements under them (a city's precincts lie there)."""
    prefixes = {b.territory.prefix for b in bodies}
    prefixes = {p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)}
    within = Q(pk__in=[])
    for prefix in sorted(prefixes):
        within |= Q(kato__startswith=prefix)
    has_children = Territory.objects.filter(parent_id=OuterRef("pk"))
    return (
        Territory.objects.filter(within, level__in=[Level.SETTLEMENT, Level.SUB_DISTRICT])
        .exclude(Q(level=Level.SUB_DISTRICT) & Q(Exists(has_children)))
        .order_by("kato")
    )


def default_settlement(precinct: Any) -> Any:
    """The venue's settlement a precinct's report starts from: the precinct's first settlement by KATO code,
    or the settlement of its first street range (a city precinct)."""
    if precinct is None:
        return None
    first = precinct.settlements.order_by("kato").first()
    if first is None:
        street = precinct.street_ranges.select_related("settlement").order_by("settlement__kato").first()
        first = street.settlement if street is not None else None
    return first


def _check_settlement(body: Any, settlement: Any) -> None:
    if settlement is None:
        return
    if not venue_settlements(body).filter(pk=settlement.pk).exists():
        raise ValidationError(
            _("“%(name)s” is not in the territory of %(body)s: choose a settlement of its territory.")
            % {"name": settlement.name, "body": body.name},
            code="settlement",
        )


def _clean_plan(data: dict[str, Any], *, starts_at: dt.datetime) -> dict[str, Any]:
    out = {k: data[k] for k in PLAN_FIELDS if k in data}
    for key in ("venue_kk", "venue_ru", "online_url"):
        if key in out:
            out[key] = " ".join(str(out[key] or "").split())[:300]
    ends_at = out.get("ends_at")
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError(_("The meeting cannot end before it starts."), code="invalid_end")
    if out.get("format") == "online" and not out.get("online_url"):
        raise ValidationError(_("Give the link of an online meeting."), code="online_url")
    return out


def _check_reporters(body, kind: str, reporters: list[tuple[Any, Any]]) -> None:
    if kind == MeetingKind.INSPECTOR and not reporters:
        raise ValidationError(_("Name the inspector who reports and the precinct."), code="reporters")
    for officer, precinct in reporters:
        if not officer.body.path.startswith(body.path):
            raise ValidationError(_("The officer does not serve in this police body."), code="reporters")
        if precinct is not None and not precinct.body.path.startswith(body.path):
            raise ValidationError(_("The precinct does not belong to this police body."), code="reporters")


def meeting_create(
    *,
    kind: str,
    body: Any,
    starts_at: dt.datetime,
    reporters: list[tuple[Any, Any]],
    actor: Any,
    period_year: int | None = None,
    period_quarter: int | None = None,
    **plan: Any,
) -> Meeting:
    """Plan a report (status "scheduled"). The period defaults to the one its date falls in."""
    if kind not in MeetingKind.values:
        raise ValidationError(_("Choose the kind of report."), code="kind")
    if starts_at <= clock.now():
        raise ValidationError(_("A report is planned for a date in the future."), code="past")
    _check_reporters(body, kind, reporters)
    default_year, default_quarter = period_of(kind, starts_at)
    year = period_year or default_year
    quarter = None if kind == MeetingKind.CHIEF else (period_quarter or default_quarter)
    fields = _clean_plan(plan, starts_at=starts_at)
    precincts = {p.pk: p for _o, p in reporters if p is not None}
    if fields.get("settlement") is None and len(precincts) == 1:
        # One precinct reports: unless told otherwise, the report is held in the precinct's settlement.
        place = default_settlement(next(iter(precincts.values())))
        if place is not None and venue_settlements(body).filter(pk=place.pk).exists():
            fields["settlement"] = place
    _check_settlement(body, fields.get("settlement"))
    with transaction.atomic():
        meeting = Meeting.objects.create(
            kind=kind,
            body=body,
            starts_at=starts_at,
            period_year=year,
            period_quarter=quarter,
            status=MeetingStatus.SCHEDULED,
            **fields,
        )
        MeetingReporter.objects.bulk_create(
            [MeetingReporter(meeting=meeting, officer=o, precinct=p) for o, p in reporters]
        )
        precincts = [p for _o, p in reporters if p is not None]
        if precincts:
            meeting.precincts.add(*precincts)
        audit_record(actor=actor, action="meeting.create", obj=meeting, data={"starts_at": starts_at.isoformat()})
    return meeting


def meeting_update(*, meeting: Meeting, actor: Any, **plan: Any) -> Meeting:
    """Change the venue, format, end or attendance of a planned report. The date moves only through
    ``meeting_reschedule`` (with a reason and notices)."""
    with transaction.atomic():
        row = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if row.status not in EDITABLE:
            raise ValidationError(_("Only a planned meeting can be changed."), code="status")
        fields = _clean_plan({**{k: getattr(row, k) for k in PLAN_FIELDS}, **plan}, starts_at=row.starts_at)
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if "settlement" in changed:
            _check_settlement(row.body, changed["settlement"])
        for key, value in changed.items():
            setattr(row, key, value)
        if changed:
            row.save(update_fields=[*changed, "updated_at"])
            audit_record(actor=actor, action="meeting.update", obj=row, data={"fields": sorted(changed)})
            if row.is_public:
                public_changed_on_commit()
    return row


# --- who is told ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    channel: str  # "email" | "sms"
    to: str
    language: str
    related: Any


def _channel(contact: str) -> str:
    return "email" if "@" in contact else "sms"


def recipients(meeting: Meeting) -> list[Recipient]:
    """Everyone who already acted on the meeting and left a way to reach them: residents who sent a question
    with a contact (their consent is part of the question form), residents registered with consent to be
    contacted, and invitees with an email. One message per address."""
    from esep.questions.models import Question

    found: dict[tuple[str, str], Recipient] = {}
    for q in Question.objects.filter(meeting=meeting, personal_data_erased_at__isnull=True).exclude(contact=""):
        contact = q.contact.strip()
        found.setdefault((_channel(contact), contact.casefold()), Recipient(_channel(contact), contact, q.language, q))
    for p in meeting.participants.exclude(contact="").filter(contact_consent_at__isnull=False):
        contact = p.contact.strip()
        found.setdefault((_channel(contact), contact.casefold()), Recipient(_channel(contact), contact, "kk", p))
    for inv in meeting.invitations.exclude(email=""):
        found.setdefault(("email", inv.email.casefold()), Recipient("email", inv.email, inv.language, inv))
    return list(found.values())


def _when(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def _notify(meeting: Meeting, *, cancelled: bool, old: dt.datetime, reason: str) -> int:
    from esep.announcements.texts import meeting_public_url

    people = recipients(meeting)
    for person in people:
        language = person.language if person.language in ("kk", "ru", "en") else "kk"
        with translation.override(language):
            values = {
                "what": meeting.get_kind_display(),
                "old": _when(old),
                "new": _when(meeting.starts_at),
                "where": meeting.venue or meeting.online_url,
                "reason": reason,
                "link": meeting_public_url(meeting, language),
            }
            if cancelled:
                subject = _("The police report is cancelled")
                body = (
                    _("The %(what)s planned for %(old)s is cancelled.\nReason: %(reason)s\nDetails: %(link)s") % values
                )
            else:
                subject = _("The police report has a new date")
                body = (
                    _(
                        "The %(what)s planned for %(old)s is moved to %(new)s, %(where)s.\n"
                        "Reason: %(reason)s\nDetails: %(link)s"
                    )
                    % values
                )
        outbox.send(
            channel=person.channel, to=person.to, subject=subject, body=body, related=person.related, language=language
        )
    return len(people)


# --- reschedule and cancel -----------------------------------------------------------------------------------


def _clean_reason(reason: str, message: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(message, code="reason")
    return reason[:MAX_REASON]


def _renotice(row: Meeting, *, late_reason: str, reason: str, now: dt.datetime) -> None:
    """Order 608 p.8.2; Order 652 p.27: a published meeting moved closer than the notice term needs a reason,
    recorded on its announcement (where it stands as a finding)."""
    from esep.announcements.models import Announcement
    from esep.announcements.services import notice_days_left, notice_rule

    announcement = Announcement.objects.select_for_update().filter(meeting=row).first()
    if announcement is None:
        return
    days_before = notice_days_left(row, now=now)
    required, cited = notice_rule(timezone.localdate(row.starts_at), row.kind)
    late = days_before < required
    if late and not late_reason:
        lang = (translation.get_language() or "en")[:2]
        raise ValidationError(
            _(
                "The new date is in %(days)s days, but the meeting must be announced at least %(required)s days "
                "before (%(citation)s). Give the reason for the short notice; it will be recorded as a finding."
            )
            % {
                "days": days_before,
                "required": required,
                "citation": notice_rule(timezone.localdate(row.starts_at), row.kind, lang=lang)[1],
            },
            code="short_notice",
        )
    announcement.days_before = days_before
    announcement.notice_days_required = required
    announcement.notice_rule_citation = cited[:300]
    announcement.late_reason = (late_reason or reason) if late else ""
    announcement.save(update_fields=["days_before", "notice_days_required", "notice_rule_citation", "late_reason"])


def meeting_reschedule(
    *,
    meeting: Meeting,
    starts_at: dt.datetime,
    reason: str,
    actor: Any,
    ends_at: dt.datetime | None = None,
    late_reason: str = "",
) -> MeetingChange:
    """Move a planned report to a new date (Order 608 p.8.1), keep the old date and the reason in its history,
    re-run the notice rule for a published meeting, and tell everyone who already acted."""
    reason = _clean_reason(reason, _("Say why the meeting is moved."))
    now = clock.now()
    if starts_at <= now:
        raise ValidationError(_("The new date must be in the future."), code="past")
    require(actor, Action.CHANGE, meeting)  # the pages and the API ask too; a direct call is checked here
    with transaction.atomic():
        row = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if row.status not in EDITABLE:
            raise ValidationError(_("Only a planned meeting can be moved."), code="status")
        if starts_at == row.starts_at:
            raise ValidationError(_("The new date is the same as the old one."), code="same")
        old = row.starts_at
        duration = (row.ends_at - row.starts_at) if row.ends_at else None
        row.starts_at = starts_at
        row.ends_at = ends_at or (starts_at + duration if duration else None)
        if row.ends_at is not None and row.ends_at <= row.starts_at:
            raise ValidationError(_("The meeting cannot end before it starts."), code="invalid_end")
        year, quarter = period_of(row.kind, starts_at)
        if row.kind == MeetingKind.INSPECTOR and (year, quarter) != (row.period_year, row.period_quarter):
            # Moving out of its quarter would silently leave the precinct without its report for that quarter.
            raise ValidationError(
                _("The new date is outside the reporting quarter; plan a report for the other quarter instead."),
                code="outside_period",
            )
        _renotice(row, late_reason=" ".join(late_reason.split()), reason=reason, now=now)
        row.save(update_fields=["starts_at", "ends_at", "updated_at"])
        notified = _notify(row, cancelled=False, old=old, reason=reason) if row.status != MeetingStatus.DRAFT else 0
        change = MeetingChange.objects.create(
            meeting=row,
            kind=MeetingChangeKind.RESCHEDULED,
            old_starts_at=old,
            new_starts_at=starts_at,
            reason=reason,
            actor_name=_actor_name(actor),
            notified=notified,
        )
        audit_record(
            actor=actor,
            action="meeting.reschedule",
            obj=row,
            data={"from": old.isoformat(), "to": starts_at.isoformat(), "reason": reason, "notified": notified},
        )
        public_changed_on_commit()
    meeting.starts_at, meeting.ends_at = row.starts_at, row.ends_at
    return change


def meeting_cancel(*, meeting: Meeting, reason: str, actor: Any) -> MeetingChange:
    """Cancel a planned report; the public page says "cancelled" with the reason and everyone who already
    acted is told."""
    reason = _clean_reason(reason, _("Say why the meeting is cancelled."))
    require(actor, Action.CHANGE, meeting)  # the pages and the API ask too; a direct call is checked here
    with transaction.atomic():
        row = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not workflow.can_move(row.status, MeetingStatus.CANCELLED):
            raise ValidationError(
                _("A meeting that is %(current)s cannot be cancelled.") % {"current": row.get_status_display()},
                code="status",
            )
        previous = row.status
        row.status = MeetingStatus.CANCELLED
        row.cancel_reason = reason
        row.save(update_fields=["status", "cancel_reason", "updated_at"])
        notified = _notify(row, cancelled=True, old=row.starts_at, reason=reason)
        change = MeetingChange.objects.create(
            meeting=row,
            kind=MeetingChangeKind.CANCELLED,
            old_starts_at=row.starts_at,
            reason=reason,
            actor_name=_actor_name(actor),
            notified=notified,
        )
        audit_record(
            actor=actor,
            action="meeting.cancelled",
            obj=row,
            data={"from": previous, "reason": reason, "notified": notified},
        )
        public_changed_on_commit()
    meeting.status, meeting.cancel_reason = row.status, row.cancel_reason
    return change


def _actor_name(actor: Any) -> str:
    if getattr(actor, "is_authenticated", False):
        return (actor.get_full_name() or actor.get_username())[:200]
    return str(actor or "")[:200]
