"""Panels of the staff "Today" page: minutes not signed on the day, decisions past their due date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.accounts.permissions import restrict
from esep.core import clock
from esep.core.panels import Panel, PanelRow
from esep.meetings.models import Meeting, MeetingStatus
from esep.protocols.models import ControlStatus, Decision, ProtocolStatus
from esep.protocols.reminders import LOOK_BACK_DAYS


def unsigned_minutes(user: Any) -> Panel | None:
    """Order 608 p.14; Order 652 p.32: minutes are completed on the day of the report."""
    today = clock.localdate()
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    qs = (
        restrict(Meeting.objects.select_related("body"), user)
        .filter(
            status__in=[MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED, MeetingStatus.HELD],
            starts_at__lt=start,
            starts_at__gte=start - dt.timedelta(days=LOOK_BACK_DAYS),
        )
        .exclude(protocol__status=ProtocolStatus.SIGNED)
    )
    count = qs.count()
    if not count:
        return None
    rows = [
        PanelRow(
            str(m),
            reverse("protocols_staff:minutes", args=[m.pk]),
            timezone.localtime(m.starts_at).strftime("%d.%m.%Y"),
        )
        for m in qs.order_by("starts_at")[:10]
    ]
    return Panel(
        _("Minutes not signed on the day"), count, rows, url=reverse("protocols_staff:list"), severity="bad", order=20
    )


def overdue_decisions(user: Any) -> Panel | None:
    """Order 608 p.19; Order 652 p.33: control of execution of the minutes."""
    qs = (
        restrict(Decision.objects.select_related("protocol__meeting"), user)
        .filter(version__sha256__gt="", due_date__lt=clock.localdate())
        .exclude(control_status=ControlStatus.DONE)
    )
    count = qs.count()
    if not count:
        return None
    rows = [
        PanelRow(d.text[:80], reverse("protocols_staff:list"), d.due_date.strftime("%d.%m.%Y"))
        for d in qs.order_by("due_date")[:10]
    ]
    return Panel(
        _("Decisions past their due date"), count, rows, url=reverse("protocols_staff:list"), severity="warn", order=30
    )
