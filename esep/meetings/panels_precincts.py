"""The inspector's own precincts at the top of their "Today" page (issue: roles that fit)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from esep.accounts.models import Role
from esep.accounts.permissions import grants
from esep.core import clock


def my_precincts(user: Any):
    """For a district inspector: the precincts they serve today (permanent or acting) and the next report of
    each, first on the page. Other roles get nothing here."""
    from esep.core.panels import Panel, PanelRow
    from esep.meetings.models import Meeting, MeetingStatus
    from esep.police.models import Assignment

    officer_ids = sorted({g.officer_id for g in grants(user) if g.role == Role.INSPECTOR and g.officer_id})
    if not officer_ids:
        return None
    today = clock.localdate()
    assignments = list(
        Assignment.objects.on(today)
        .filter(officer_id__in=officer_ids)
        .select_related("precinct__body")
        .order_by("precinct__body__path", "precinct__number")
    )
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    rows = []
    for a in assignments:
        precinct = a.precinct
        upcoming = (
            Meeting.objects.filter(precincts=precinct, starts_at__gte=start)
            .exclude(status__in=[MeetingStatus.CANCELLED])
            .order_by("starts_at")
            .first()
        )
        note = _("acting") if a.kind == Assignment.Kind.ACTING else ""
        actions = []
        if upcoming is not None:
            when = formats.date_format(timezone.localtime(upcoming.starts_at), "d.m.Y H:i")
            actions.append(
                (_("Next report: %(when)s") % {"when": when}, reverse("meetings_staff:workspace", args=[upcoming.pk]))
            )
        rows.append(
            PanelRow(
                f"№ {precinct.number} {precinct.name}",
                reverse("backoffice:precinct_detail", args=[precinct.pk]),
                note,
                actions,
            )
        )
    if not rows:
        rows.append(PanelRow(_("You are not assigned to a precinct today. Ask your staff unit.")))
    return Panel(_("Your precincts"), len(assignments), rows, severity="info", order=0)
