"""The "minutes not signed" alert (Order 608 p.14; Order 652 p.32: minutes are completed on the day).

``minutes_remind`` is the sweep behind ``esep protocols remind``. After the meeting's day has ended in
Asia/Almaty with the minutes unsigned it sends one reminder, and a second one a few days later. It is safe
to run every minute on several servers at once: a reminder is a unique (meeting, kind) row inserted in the
same transaction as its messages, so only the server that inserts the row sends anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accounts.models import Role, RoleAssignment
from esep.core import clock
from esep.meetings import outbox
from esep.meetings.models import Meeting, MeetingStatus
from esep.protocols.models import MinutesReminder, ProtocolStatus, ReminderKind

# Operational choices, not law: when the second reminder goes, and how far back the sweep looks.
SECOND_AFTER_DAYS = 3
LOOK_BACK_DAYS = 60


@dataclass(frozen=True)
class SweepResult:
    sent: int
    messages: int


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def recipients(meeting: Meeting) -> list[tuple[str, str]]:
    """(email, language) of who keeps and signs the minutes: the secretary named in them, the reporting
    inspectors, and the chief, secretaries and staff unit of the meeting's body."""
    officer_ids = list(meeting.reporters.values_list("officer_id", flat=True))
    assignments = RoleAssignment.objects.filter(
        Q(body=meeting.body, role__in=[Role.CHIEF, Role.SECRETARY, Role.STAFF_UNIT]) | Q(officer_id__in=officer_ids)
    ).select_related("user")
    users = {ra.user for ra in assignments if ra.user.is_active}
    protocol = getattr(meeting, "protocol", None)
    if protocol is not None and protocol.secretary is not None:
        users.add(protocol.secretary)
    return sorted({(u.email, u.preferred_language or "kk") for u in users if u.email})


def _due(meeting: Meeting, today: dt.date) -> list[str]:
    day = timezone.localtime(meeting.starts_at).date()
    kinds = []
    if day < today:
        kinds.append(ReminderKind.FIRST)
    if day + dt.timedelta(days=SECOND_AFTER_DAYS) <= today:
        kinds.append(ReminderKind.SECOND)
    return kinds


def _send(meeting: Meeting, kind: str, now: dt.datetime) -> int | None:
    """Insert the reminder row and queue its messages in one transaction; None if another run did it."""
    people = recipients(meeting)
    try:
        with transaction.atomic():
            MinutesReminder.objects.create(
                meeting=meeting, kind=kind, sent_at=now, recipients=[email for email, _lang in people]
            )
            for email, language in people:
                with translation.override(language):
                    subject = _("Minutes not signed: %(meeting)s") % {"meeting": meeting}
                    body = _(
                        "The minutes of the report held on %(day)s are not signed. Minutes are completed and "
                        "signed on the day of the report (Order 608 p.14; Order 652 p.32)."
                    ) % {"day": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")}
                outbox.send(channel="email", to=email, subject=subject, body=body, related=meeting, language=language)
    except IntegrityError:
        return None
    return len(people)


def minutes_remind(*, now: dt.datetime | None = None) -> SweepResult:
    now = now or clock.now()
    today = timezone.localdate(now)
    candidates = (
        Meeting.objects.filter(
            status__in=[MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED, MeetingStatus.HELD],
            starts_at__lt=_day_start(today),
            starts_at__gte=_day_start(today - dt.timedelta(days=LOOK_BACK_DAYS)),
        )
        .exclude(protocol__status=ProtocolStatus.SIGNED)
        .select_related("body")
    )
    sent = messages = 0
    for meeting in candidates:
        done = set(meeting.minutes_reminders.values_list("kind", flat=True))
        for kind in _due(meeting, today):
            if kind in done:
                continue
            if kind == ReminderKind.SECOND and ReminderKind.FIRST not in done:
                break  # the second reminder never goes out in the same run as the first
            count = _send(meeting, kind, now)
            if count is not None:
                sent += 1
                messages += count
    return SweepResult(sent=sent, messages=messages)
