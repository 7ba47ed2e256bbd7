"""``esep appeals sweep``: mark what is overdue and remind the responsible staff.

Idempotent and safe every minute on several servers at once:
- each appeal is handled in its own transaction under ``select_for_update(skip_locked=True)`` (PostgreSQL),
  so two sweepers never work on the same appeal at the same moment;
- a reminder is a unique ``Reminder(appeal, kind, for_date)`` row written in the same transaction as its
  messages, so a second run (or a racing server) finds the row and sends nothing;
- the overdue mark is set once (``overdue_since``) and frozen.

АППК art. 91 p.2: when the term passes without an answer, silence counts as a refusal; the timeline
records it the day after the term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from esep.accounts.models import POLICE_ROLES, User
from esep.appeals import clock
from esep.appeals.models import (
    CLOCKED_KINDS,
    Appeal,
    AppealEvent,
    AppealStatus,
    EventKind,
    Reminder,
    ReminderKind,
)
from esep.appeals.notices import notify_person, notify_staff, staff_url
from esep.core import clock as core_clock
from esep.police.models import Competence

# How many working days before the term staff get a "term ends soon" reminder. Not a legal term: an
# operational choice of this installation.
REMIND_BEFORE_WORKING_DAYS = 2

UNANSWERED = (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.EXTENDED)


@dataclass
class SweepResult:
    marked_overdue: int = 0
    reminders: int = 0
    skipped_locked: int = 0
    details: list[str] = field(default_factory=list)


def _effective_due(today_or_before: dt.date) -> Q:
    return Q(extended_until__isnull=False, extended_until__lte=today_or_before) | Q(
        extended_until__isnull=True, due_on__lte=today_or_before
    )


def appeals_sweep(*, today: dt.date | None = None) -> SweepResult:
    today = today or core_clock.localdate()
    soon = clock.add_working_days(today, REMIND_BEFORE_WORKING_DAYS)
    result = SweepResult()
    unanswered = Appeal.objects.filter(kind__in=CLOCKED_KINDS, status__in=UNANSWERED)
    candidates = set(unanswered.filter(_effective_due(soon)).values_list("pk", flat=True))
    candidates |= set(
        unanswered.filter(competence=Competence.OTHER, redirect_due_on__lte=soon).values_list("pk", flat=True)
    )
    candidates |= set(
        Appeal.objects.filter(
            status=AppealStatus.FORWARDED,
            forwards__replied_at__isnull=True,
            forwards__withdrawn=False,
            forwards__agency_due_on__lt=today,
        ).values_list("pk", flat=True)
    )
    for pk in sorted(candidates):
        _sweep_one(pk, today, soon, result)
    return result


def _sweep_one(pk: int, today: dt.date, soon: dt.date, result: SweepResult) -> None:
    with transaction.atomic():
        qs = Appeal.objects.select_related("body", "assignee").filter(pk=pk)
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        else:
            qs = qs.select_for_update()
        appeal = qs.first()
        if appeal is None:
            result.skipped_locked += 1
            return
        due = appeal.effective_due_on
        if appeal.status in UNANSWERED and due:
            if due < today and appeal.overdue_since is None:
                appeal.overdue_since = due + dt.timedelta(days=1)
                appeal.save(update_fields=["overdue_since", "updated_at"])
                AppealEvent.objects.create(
                    appeal=appeal,
                    at=core_clock.now(),
                    kind=EventKind.DEADLINE_MISSED,
                    actor_name="Esep",
                    note=_("The term passed without an answer; silence counts as a refusal (APPK art. 91 p.2)."),
                    data={"due_on": due.isoformat(), "citation": "АППК art. 91 p.2"},
                    overdue=True,
                )
                # The person learns that silence now counts as a refusal they may complain about.
                notify_person(appeal=appeal, what="overdue", actor="Esep", due=due.strftime("%d.%m.%Y"))
                result.marked_overdue += 1
            if due < today:
                _remind(appeal, ReminderKind.OVERDUE, due, result)
            elif due <= soon:
                _remind(appeal, ReminderKind.DUE_SOON, due, result)
            if appeal.competence == Competence.OTHER and appeal.redirect_due_on and appeal.redirect_due_on <= soon:
                _remind(appeal, ReminderKind.FORWARD_DUE, appeal.redirect_due_on, result)
        if appeal.status == AppealStatus.FORWARDED:
            forward = appeal.current_forward
            if forward and forward.replied_at is None and forward.agency_due_on and forward.agency_due_on < today:
                _remind(appeal, ReminderKind.AGENCY_OVERDUE, forward.agency_due_on, result)


def _recipients(appeal: Appeal) -> list[tuple[str, str]]:
    """Who answers for the appeal: the person who took it; else the body's staff unit and chief."""
    if appeal.assignee_id and appeal.assignee and appeal.assignee.email and appeal.assignee.is_active:
        return [(appeal.assignee.email, appeal.assignee.preferred_language or "kk")]
    users = (
        User.objects.filter(
            is_active=True,
            roles__body=appeal.body,
            roles__role__in=[r for r in POLICE_ROLES if r in ("staff_unit", "chief")],
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    found = [(u.email, u.preferred_language or "kk") for u in users]
    if not found and appeal.body.email:
        found = [(appeal.body.email, "kk")]
    return found


def _reminder_texts(appeal: Appeal, kind: str, for_date: dt.date, lang: str) -> tuple[str, str]:
    with translation.override(lang):
        ctx = {"number": appeal.number, "date": for_date.strftime("%d.%m.%Y"), "url": staff_url(appeal, lang)}
        if kind == ReminderKind.DUE_SOON:
            subject = _("Appeal %(number)s: the term ends on %(date)s") % ctx
        elif kind == ReminderKind.OVERDUE:
            subject = _("Appeal %(number)s is overdue: the term ended on %(date)s") % ctx
        elif kind == ReminderKind.FORWARD_DUE:
            subject = _("Appeal %(number)s must be sent to the competent body by %(date)s (APPK art. 65)") % ctx
        else:
            subject = _("Appeal %(number)s: the competent body has not answered by %(date)s") % ctx
        return subject, f"{subject}\n\n{appeal.text[:500]}\n\n{ctx['url']}"


def _remind(appeal: Appeal, kind: str, for_date: dt.date, result: SweepResult) -> None:
    recipients = _recipients(appeal)
    try:
        with transaction.atomic():
            Reminder.objects.create(
                appeal=appeal, kind=kind, for_date=for_date, recipients=[email for email, _lang in recipients]
            )
    except IntegrityError:
        return  # already reminded for this date: the unique row is the guarantee
    for email, lang in recipients:
        subject, body = _reminder_texts(appeal, kind, for_date, lang)
        notify_staff(appeal=appeal, recipients=[(email, lang)], subject=subject, body=body)
    AppealEvent.objects.create(
        appeal=appeal,
        at=core_clock.now(),
        kind=EventKind.REMINDER,
        actor_name="Esep",
        note=ReminderKind(kind).label,
        data={"reminder": kind, "for_date": for_date.isoformat(), "recipients": len(recipients)},
        overdue=bool(appeal.effective_due_on and core_clock.localdate() > appeal.effective_due_on),
    )
    result.reminders += 1
    result.details.append(f"{appeal.number} {kind} {for_date}")
