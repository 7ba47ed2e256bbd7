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
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext as _

from esep.accounts.models import POLICE_ROLES, User
from esep.appeals import clock
from esep.appeals.models import (
    CLOCKED_KINDS,
    Appeal,
    AppealEvent,
    AppealForward,
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


def _reminded(kind: str, for_date) -> Exists:
    """A reminder of this kind was already written for this date (the unique row of ``_remind``)."""
    return Exists(Reminder.objects.filter(appeal=OuterRef("pk"), kind=kind, for_date=for_date))


def sweep_candidates(today: dt.date, soon: dt.date) -> list[int]:
    """The appeals with something left to do, and only those.

    An appeal is marked overdue and reminded in one transaction (``_sweep_one``), so once marked it leaves
    the working set for good (the partial index ``appeal_live_due`` holds only appeals not yet marked); a
    late competent body is chased once (``AppealForward.late_reminded_at``, index ``forward_to_chase``).
    A run with nothing to do therefore reads what is live, not the backlog of overdue appeals.
    """
    due = Coalesce("extended_until", "due_on")
    live = Appeal.objects.filter(overdue_since__isnull=True, kind__in=CLOCKED_KINDS, status__in=UNANSWERED)
    live = live.annotate(eff_due=due)
    term = live.filter(eff_due__lte=soon).filter(
        Q(eff_due__lt=today) | ~_reminded(ReminderKind.DUE_SOON, OuterRef("eff_due"))
    )
    forward = live.filter(competence=Competence.OTHER, redirect_due_on__lte=soon).filter(
        ~_reminded(ReminderKind.FORWARD_DUE, OuterRef("redirect_due_on"))
    )
    late_agency = AppealForward.objects.filter(
        replied_at__isnull=True,
        withdrawn=False,
        late_reminded_at__isnull=True,
        agency_due_on__lt=today,
        appeal__status=AppealStatus.FORWARDED,
    )
    found = set(term.order_by().values_list("pk", flat=True))
    found |= set(forward.order_by().values_list("pk", flat=True))
    found |= set(late_agency.order_by().values_list("appeal_id", flat=True))
    return sorted(found)


def appeals_sweep(*, today: dt.date | None = None) -> SweepResult:
    today = today or core_clock.localdate()
    soon = clock.add_working_days(today, REMIND_BEFORE_WORKING_DAYS)
    result = SweepResult()
    for pk in sweep_candidates(today, soon):
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
                AppealForward.objects.filter(pk=forward.pk).update(late_reminded_at=core_clock.now())


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
