"""The staff "Today" page is made of panels that apps register: each says what needs doing in the user's scope.

A panel function takes the user and returns a Panel, or None when it has nothing for that user.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from esep.accounts.models import POLICE_ROLES, Role
from esep.accounts.permissions import Action, has_role, restrict
from esep.core import clock
from esep.core.collation import number_sql_order
from esep.core.panels import Panel, PanelRow, register_panel


@register_panel
def vacant_precincts(user: Any) -> Panel | None:
    """Precincts nobody serves today: residents there have no inspector to turn to."""
    from esep.police.models import Assignment, Precinct

    today = clock.localdate()
    # NOT EXISTS per precinct of the area (the assignments' precinct index), not NOT IN every assignment of
    # the country.
    covered = Assignment.objects.on(today).filter(precinct_id=OuterRef("pk"))
    qs = restrict(Precinct.objects.select_related("body"), user, Action.VIEW).exclude(Exists(covered))
    count = qs.count()
    if not count:
        return None
    rows = [
        PanelRow(f"№ {p.number} {p.name}", reverse("backoffice:precinct_detail", args=[p.pk]), str(p.body))
        for p in qs.order_by("body__path", *number_sql_order("number"))[:10]
    ]
    return Panel(_("Precincts without an inspector today"), count, rows, severity="warn", order=80)


def _police(user: Any) -> bool:
    """Panels that ask for work are for the police body's own staff; outside roles only read."""
    return has_role(user, *POLICE_ROLES, Role.ADMIN)


def _rows_and_count(qs, limit: int = 10) -> tuple[list, int]:
    rows = list(qs[: limit + 1])
    return rows[:limit], (len(rows) if len(rows) <= limit else qs.count())


def _meeting_label(meeting) -> str:
    local = timezone.localtime(meeting.starts_at)
    return f"{local:%H:%M} · {meeting.get_kind_display().capitalize()} · {meeting.venue}"


@register_panel
def reports_today(user: Any) -> Panel | None:
    """Today's reports, with the way straight to the door registration and the minutes (Order 652 p.32)."""
    from esep.meetings.models import Meeting, MeetingKind, MeetingStatus

    start = timezone.make_aware(dt.datetime.combine(clock.localdate(), dt.time.min))
    qs = (
        restrict(Meeting.objects.select_related("body"), user, Action.VIEW)
        .filter(
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=1),
            status__in=[MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED, MeetingStatus.HELD],
        )
        .order_by("starts_at")
    )
    meetings, count = _rows_and_count(qs)
    if not count:
        return None
    rows = []
    for m in meetings:
        actions = []
        if _police(user):
            if m.kind == MeetingKind.INSPECTOR:
                actions.append((_("Registration at the door"), reverse("meetings_staff:door", args=[m.pk])))
            actions.append((_("Minutes"), reverse("protocols_staff:minutes", args=[m.pk])))
        rows.append(PanelRow(_meeting_label(m), reverse("meetings_staff:workspace", args=[m.pk]), str(m.body), actions))
    return Panel(_("Reports today"), count, rows, url=reverse("meetings_staff:list"), severity="info", order=10)


@register_panel
def overdue_appeals(user: Any) -> Panel | None:
    """Appeals past their term without an answer (АППК art. 76 p.1; silence is a refusal, art. 91 p.2)."""
    from esep.appeals.selectors import appeals_for_staff

    # Scoped in SQL to the user's body subtree (the appeals' (body, status) index); only the columns shown.
    qs = (
        appeals_for_staff(user, status="overdue")
        .select_related(None)
        .only("number", "text", "due_on", "extended_until")
    )
    appeals, count = _rows_and_count(qs)
    if not count:
        return None
    rows = [
        PanelRow(
            f"{a.number} · {a.text[:70]}",
            reverse("appeals_staff:detail", args=[a.pk]),
            _("due %(date)s") % {"date": formats.date_format(a.due, "d.m.Y")} if a.due else "",
        )
        for a in appeals
    ]
    url = reverse("appeals_staff:list") + "?status=overdue"
    return Panel(_("Appeals past their term"), count, rows, url=url, severity="bad", order=15)


@register_panel
def questions_to_moderate(user: Any) -> Panel | None:
    """Residents' questions sent in advance wait for an inspector to accept or reject them (Order 652 p.27)."""
    if not _police(user):
        return None
    from esep.questions.selectors import moderation_queue

    questions, count = _rows_and_count(moderation_queue(user))
    if not count:
        return None
    url = reverse("questions_staff:queue")
    rows = [
        PanelRow(q.text[:90], url, formats.date_format(timezone.localtime(q.meeting.starts_at), "d.m.Y"))
        for q in questions
    ]
    return Panel(_("Questions from residents to moderate"), count, rows, url=url, severity="warn", order=25)


@register_panel
def meetings_to_announce(user: Any) -> Panel | None:
    """Scheduled reports of the coming weeks not yet announced (Order 608 p.8.2; Order 652 p.27)."""
    if not _police(user):
        return None
    from esep.announcements.services import notice_days_left, notice_rule
    from esep.meetings.models import Meeting, MeetingStatus

    now = clock.now()
    # Which meetings to show is a display choice (the coming month); the legal term comes from esep.law.
    qs = (
        restrict(Meeting.objects.select_related("body"), user, Action.VIEW)
        .filter(status__in=[MeetingStatus.DRAFT, MeetingStatus.SCHEDULED], starts_at__gte=now)
        .filter(starts_at__lt=now + dt.timedelta(days=31))
        .order_by("starts_at")
    )
    meetings, count = _rows_and_count(qs)
    if not count:
        return None
    rows = []
    for m in meetings:
        required, _citation = notice_rule(timezone.localtime(m.starts_at).date(), m.kind)
        left = notice_days_left(m, now=now) - required
        note = (
            _("announce within %(days)s days") % {"days": left}
            if left >= 0
            else _("the notice term has passed: give the reason when publishing")
        )
        rows.append(PanelRow(_meeting_label(m), reverse("announcements_staff:detail", args=[m.pk]), note))
    url = reverse("announcements_staff:list")
    return Panel(_("Reports to announce"), count, rows, url=url, severity="warn", order=35)


@register_panel
def forwarded_waiting(user: Any) -> Panel | None:
    """For the akimat: appeals the police sent to its departments, still without their answer (АППК art. 65)."""
    if not has_role(user, Role.AKIMAT):
        return None
    from esep.appeals.models import Appeal, AppealStatus

    qs = (
        restrict(Appeal.objects.all(), user, Action.VIEW)
        .filter(status=AppealStatus.FORWARDED)
        .prefetch_related("forwards")
        .order_by("received_at")
    )
    appeals, count = _rows_and_count(qs)
    if not count:
        return None
    rows = []
    for a in appeals:
        forward = max(a.forwards.all(), key=lambda f: f.pk, default=None)
        note = ""
        if forward is not None:
            note = _("%(agency)s · due %(date)s") % {
                "agency": forward.agency_name,
                "date": formats.date_format(forward.agency_due_on, "d.m.Y") if forward.agency_due_on else "—",
            }
        rows.append(PanelRow(f"{a.number} · {a.text[:70]}", reverse("appeals_staff:detail", args=[a.pk]), note))
    return Panel(_("Appeals sent to akimat departments, awaiting their answer"), count, rows, severity="warn", order=20)
