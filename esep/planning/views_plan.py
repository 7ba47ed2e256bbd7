"""Planning a whole period for a body in one step: an editable grid of proposals, conflicts shown before
saving, then the draft schedule to approve (Order 608 p.8.1). Also the printable schedule."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can, restrict
from esep.core import clock
from esep.core.collation import sort_by
from esep.core.staff import staff_required
from esep.law.compliance import period_window
from esep.planning.bulk import PlanRow, period_proposals, plan_check, plan_period
from esep.planning.models import Schedule
from esep.planning.selectors import conflicts_for, schedule_meetings
from esep.police.models import PoliceBody


def _int(value: str | None, lo: int, hi: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if lo <= number <= hi else None


def _body_for_change(request, pk: str | None) -> PoliceBody:
    """Another body is 404; a body the user may see but not change (oversight, akimat) is 403."""
    body = restrict(PoliceBody.objects.all(), request.user, Action.VIEW).filter(pk=_int(pk, 1, 2**31)).first()
    if body is None:
        raise Http404(_("No such police body in your area."))
    if not can(request.user, Action.CHANGE, body):
        raise PermissionDenied
    return body


def _apply_edits(rows: list[PlanRow], data) -> list[PlanRow]:
    """Overlay what the user typed in the grid on the server's proposals (bodies, precincts and officers
    always come from the server)."""
    for r in rows:
        prefix = r.key
        r.include = data.get(f"{prefix}-include") == "on"
        try:
            r.date = dt.date.fromisoformat(data.get(f"{prefix}-date", "")[:10])
        except ValueError:
            r.date = None
        try:
            r.time = dt.time.fromisoformat(data.get(f"{prefix}-time", "")[:5])
        except ValueError:
            r.time = None
        r.venue_kk = " ".join(data.get(f"{prefix}-venue_kk", "").split())[:300]
        r.venue_ru = " ".join(data.get(f"{prefix}-venue_ru", "").split())[:300]
    return rows


@login_required
@staff_required
def plan(request):
    """GET: the grid of proposals for ?body=&kind=&year=&quarter=. POST action=check: the same grid with
    the conflicts; action=save: the reports and the draft schedule, or the grid again with what is wrong."""
    params = request.POST if request.method == "POST" else request.GET
    bodies = sort_by(restrict(PoliceBody.objects.all(), request.user, Action.CHANGE)[:500], key=lambda b: b.name)
    today = clock.localdate()
    kind = params.get("kind") if params.get("kind") in ("chief", "inspector") else "inspector"
    year = _int(params.get("year"), 2018, today.year + 2) or today.year
    quarter = _int(params.get("quarter"), 1, 4) if kind == "inspector" else None
    if kind == "inspector" and quarter is None:
        quarter = (today.month - 1) // 3 + 1
    context = {"bodies": bodies, "kind": kind, "year": year, "quarter": quarter, "body": None}
    if not params.get("body"):
        return render(request, "planning/plan.html", context)
    body = _body_for_change(request, params.get("body"))
    rows = period_proposals(body=body, kind=kind, year=year, quarter=quarter)
    status = 200
    if request.method == "POST":
        rows = _apply_edits(rows, request.POST)
        if request.POST.get("action") == "save":
            try:
                schedule = plan_period(body=body, kind=kind, year=year, quarter=quarter, rows=rows, actor=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                status = 400
            else:
                messages.success(request, _("The reports are planned. Check the schedule and approve it."))
                return redirect("planning_staff:schedule_detail", pk=schedule.pk)
        rows = plan_check(rows, kind=kind, year=year, quarter=quarter)
    problems = sum(1 for r in rows if r.include and r.problems)
    window = period_window(kind, year, quarter)
    context.update(body=body, rows=rows, problems=problems, window=window, checked=request.method == "POST")
    return render(request, "planning/plan.html", context, status=status)


@login_required
@staff_required
def schedule_print(request, pk: int):
    """The schedule as a printable page (A4, no menus), for signature and filing (Order 608 p.18)."""
    schedule = get_object_or_404(
        restrict(Schedule.objects.select_related("body", "approved_by"), request.user, Action.VIEW), pk=pk
    )
    meetings = schedule_meetings(schedule)
    return render(
        request,
        "planning/schedule_print.html",
        {"schedule": schedule, "meetings": meetings, "conflicts": conflicts_for(meetings)},
    )
