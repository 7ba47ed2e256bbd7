"""Control of execution of decisions (Order 608 p.19; Order 652 p.33): reminders before the due date and on
the day to those who control execution, escalation to the chief of the body when a decision is overdue.

``decisions_sweep`` is idempotent and safe on several servers at once, like ``esep appeals sweep``: each
decision is handled in its own transaction under ``select_for_update(skip_locked=True)`` (PostgreSQL), and a
reminder is a unique ``DecisionReminder(decision, kind, for_date)`` row written in the same transaction as
its messages, so a second run or a racing server sends nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from esep.accountability.models import DecisionReminder, DecisionReminderKind
from esep.accounts.models import Role, User
from esep.core import clock
from esep.meetings.models import MeetingKind
from esep.notifications.models import Channel
from esep.notifications.services import contact_channel, notify
from esep.protocols.models import ControlStatus, Decision

# How many calendar days before the due date the controller is reminded. Not a legal term: an operational
# choice of this installation.
REMIND_BEFORE_DAYS = 3
OPEN_STATES = (ControlStatus.OPEN, ControlStatus.IN_PROGRESS)


@dataclass
class DecisionSweepResult:
    reminders: int = 0
    skipped_locked: int = 0
    details: list[str] = field(default_factory=list)


def controllers(decision: Decision) -> list[User]:
    """Who controls execution: the chiefs of the body (Order 608 p.19) or the inspectors responsible for
    the district police points of the report's precincts (Order 652 p.33)."""
    meeting = decision.protocol.meeting
    users = User.objects.filter(is_active=True).exclude(email="")
    if meeting.kind == MeetingKind.CHIEF:
        users = users.filter(roles__role=Role.CHIEF, roles__body=meeting.body)
    else:
        users = users.filter(
            roles__role=Role.INSPECTOR,
            roles__officer__responsible_for_points__precincts__meetings=meeting,
        )
    return list(users.distinct().order_by("pk"))


def chiefs(decision: Decision) -> list[User]:
    """Escalation when overdue: the chief of the meeting's body and, for a chief's own report, of the body above."""
    meeting = decision.protocol.meeting
    bodies = [meeting.body_id]
    if meeting.kind == MeetingKind.CHIEF and meeting.body.parent_id:
        bodies.append(meeting.body.parent_id)
    users = User.objects.filter(is_active=True, roles__role=Role.CHIEF, roles__body_id__in=bodies).exclude(email="")
    return list(users.distinct().order_by("pk"))


def _texts(decision: Decision, kind: str, lang: str) -> tuple[str, str]:
    meeting = decision.protocol.meeting
    with translation.override(lang):
        ctx = {"date": decision.due_date.strftime("%d.%m.%Y"), "text": decision.text[:120]}
        if kind == DecisionReminderKind.BEFORE:
            subject = _("Decision due on %(date)s: %(text)s") % ctx
        elif kind == DecisionReminderKind.DUE_DAY:
            subject = _("Decision due today, %(date)s: %(text)s") % ctx
        else:
            subject = _("Overdue decision (due %(date)s): %(text)s") % ctx
        url = settings.SITE_URL + reverse("protocols_staff:minutes", kwargs={"meeting_pk": meeting.pk})
        body = "\n\n".join(
            [
                subject,
                _("Responsible: %(who)s") % {"who": decision.responsible},
                _("Control of execution: Order 608 p.19; Order 652 p.33."),
                url,
            ]
        )
    return subject, body


def decisions_sweep(*, today: dt.date | None = None) -> DecisionSweepResult:
    today = today or clock.localdate()
    result = DecisionSweepResult()
    pks = (
        Decision.objects.filter(
            version__sha256__gt="",
            control_status__in=OPEN_STATES,
            due_date__lte=today + dt.timedelta(days=REMIND_BEFORE_DAYS),
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in list(pks):
        _sweep_one(pk, today, result)
    return result


def _sweep_one(pk: int, today: dt.date, result: DecisionSweepResult) -> None:
    with transaction.atomic():
        qs = Decision.objects.select_related("protocol__meeting__body").filter(pk=pk)
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        else:
            qs = qs.select_for_update()
        decision = qs.first()
        if decision is None:
            result.skipped_locked += 1
            return
        if decision.control_status not in OPEN_STATES:
            return
        if decision.due_date > today:
            kind = DecisionReminderKind.BEFORE
            recipients = controllers(decision)
        elif decision.due_date == today:
            kind = DecisionReminderKind.DUE_DAY
            recipients = controllers(decision)
        else:
            kind = DecisionReminderKind.OVERDUE
            recipients = {u.pk: u for u in controllers(decision) + chiefs(decision)}.values()
        addresses = [(u.email, u.preferred_language or "kk") for u in recipients]
        if not addresses and decision.protocol.meeting.body.email:
            addresses = [(decision.protocol.meeting.body.email, "kk")]
        try:
            with transaction.atomic():
                DecisionReminder.objects.create(
                    decision=decision, kind=kind, for_date=decision.due_date, recipients=[a for a, _l in addresses]
                )
        except IntegrityError:
            return  # already sent for this due date: the unique row is the guarantee
        for email, lang in addresses:
            if contact_channel(email) is None:
                continue
            subject, body = _texts(decision, kind, lang)
            notify(channel=Channel.EMAIL, to=email, subject=subject, body=body, related=decision, language=lang)
        result.reminders += 1
        result.details.append(f"decision {decision.pk} {kind} {decision.due_date}")
