"""Staff pages of planning: who did not report (oversight), schedules with conflicts and approval."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.backoffice.menu import staff_required
from esep.core.collation import sort_by
from esep.planning.models import Schedule
from esep.planning.selectors import (
    ObligationStatus,
    conflicts_for,
    counts_by_body,
    obligations,
    rolled_up,
    schedule_meetings,
)
from esep.planning.services import schedule_approve, schedule_draft, schedule_reopen
from esep.police.models import PoliceBody


def _period(request) -> tuple[str, int, int | None]:
    today = timezone.localdate()
    kind = request.GET.get("kind") if request.GET.get("kind") in ("chief", "inspector") else "inspector"
    try:
        year = int(request.GET.get("year", ""))
        if not 2018 <= year <= today.year + 1:
            raise ValueError
    except ValueError:
        year = today.year - 1 if kind == "chief" else today.year
    try:
        quarter = int(request.GET.get("quarter", ""))
        if quarter not in (1, 2, 3, 4):
            raise ValueError
    except ValueError:
        # By default the last finished quarter: only there is a report not held a breach.
        quarter = (today.month - 1) // 3
        if "year" not in request.GET and quarter == 0:
            year, quarter = year - 1, 4
        quarter = quarter or 1
    return kind, year, (quarter if kind == "inspector" else None)


@login_required
@staff_required
def not_reported(request):
    """Oversight's one screen: for a body subtree (or the user's whole scope), how many reports are owed in
    the period and how many were held on time, late, or not at all; drill down by clicking a body."""
    kind, year, quarter = _period(request)
    root = None
    if request.GET.get("body"):
        root = get_object_or_404(restrict(PoliceBody.objects.all(), request.user, Action.VIEW), pk=request.GET["body"])
    items = obligations(request.user, kind=kind, year=year, quarter=quarter, root=root)
    rows = rolled_up(counts_by_body(items), root=root)
    show = request.GET.get("status") if request.GET.get("status") in ObligationStatus.ALL else ObligationStatus.MISSING
    listed = [ob for ob in items if ob.status == show] if root is not None else []
    totals = dict.fromkeys(ObligationStatus.ALL, 0)
    for row in rows:
        for key, value in row.counts.items():
            totals[key] += value
    return render(
        request,
        "planning/not_reported.html",
        {
            "kind": kind,
            "year": year,
            "quarter": quarter,
            "root": root,
            "rows": rows,
            "totals": totals,
            "listed": listed[:500],
            "listed_more": max(0, len(listed) - 500),
            "show": show,
            "statuses": [
                (ObligationStatus.MISSING, _("not held")),
                (ObligationStatus.LATE, _("held late")),
                (ObligationStatus.PLANNED, _("planned")),
                (ObligationStatus.UPCOMING, _("period not over")),
                (ObligationStatus.ON_TIME, _("held on time")),
            ],
            "years": range(timezone.localdate().year + 1, 2018, -1),
        },
    )


@login_required
@staff_required
def schedule_list(request):
    schedules = restrict(Schedule.objects.select_related("body"), request.user, Action.VIEW)[:200]
    bodies = sort_by(restrict(PoliceBody.objects.all(), request.user, Action.CHANGE)[:500], key=lambda b: b.name)
    return render(request, "planning/schedule_list.html", {"schedules": schedules, "bodies": bodies})


@login_required
@staff_required
@require_POST
def schedule_create(request):
    body = get_object_or_404(
        restrict(PoliceBody.objects.all(), request.user, Action.CHANGE), pk=request.POST.get("body")
    )
    kind = request.POST.get("kind")
    try:
        year = int(request.POST.get("year", ""))
        quarter = int(request.POST["quarter"]) if kind == "inspector" and request.POST.get("quarter") else None
    except ValueError:
        messages.error(request, _("Give a year and, for inspectors, a quarter."))
        return redirect("planning_staff:schedule_list")
    if kind not in ("chief", "inspector"):
        messages.error(request, _("Choose the kind of reports."))
        return redirect("planning_staff:schedule_list")
    try:
        schedule = schedule_draft(body=body, kind=kind, year=year, quarter=quarter, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("planning_staff:schedule_list")
    return redirect("planning_staff:schedule_detail", pk=schedule.pk)


@login_required
@staff_required
def schedule_detail(request, pk: int):
    schedule = get_object_or_404(
        restrict(Schedule.objects.select_related("body", "approved_by"), request.user, Action.VIEW), pk=pk
    )
    meetings = schedule_meetings(schedule)
    return render(
        request,
        "planning/schedule_detail.html",
        {
            "schedule": schedule,
            "meetings": meetings,
            "conflicts": conflicts_for(meetings),
            "may_change": can(request.user, Action.CHANGE, schedule),
        },
    )


@login_required
@staff_required
@require_POST
def schedule_transition(request, pk: int, action: str):
    schedule = get_object_or_404(restrict(Schedule.objects.all(), request.user, Action.VIEW), pk=pk)
    if not can(request.user, Action.CHANGE, schedule):
        raise PermissionDenied
    service = {"approve": schedule_approve, "reopen": schedule_reopen}.get(action)
    if service is None:
        raise PermissionDenied
    try:
        service(schedule=schedule, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The schedule is approved.") if action == "approve" else _("The schedule is reopened.")
        )
    return redirect("planning_staff:schedule_detail", pk=pk)
