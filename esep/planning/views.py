"""Staff pages of planning: who did not report (oversight), schedules with conflicts and approval."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.core import clock
from esep.core.collation import sort_by
from esep.core.staff import staff_required
from esep.planning import oversight
from esep.planning.exports import table_response
from esep.planning.models import Schedule
from esep.planning.selectors import ObligationStatus, conflicts_for, schedule_meetings
from esep.planning.services import schedule_approve, schedule_draft, schedule_reopen
from esep.police.models import PoliceBody


def _period(request) -> tuple[str, int, int | None]:
    today = clock.localdate()
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


def _root(request) -> PoliceBody | None:
    if not request.GET.get("body"):
        return None
    pk = request.GET["body"]
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(restrict(PoliceBody.objects.all(), request.user, Action.VIEW), pk=pk)


def _period_slug(kind: str, year: int, quarter: int | None) -> str:
    return f"{kind}-{year}" + (f"-q{quarter}" if quarter else "")


def _listed_table(listed) -> tuple[list[str], list[list]]:
    header = [str(_("Police body")), str(_("Precinct")), str(_("Who owes it")), str(_("Meetings")), str(_("Missing"))]
    rows = []
    for item in listed:
        ob = item.obligation
        who = (
            _("the chief of the body") if ob.kind == "chief" else (ob.officer.full_name if ob.officer else _("vacant"))
        )
        rows.append(
            [
                str(ob.body),
                f"№ {ob.precinct.number}" if ob.precinct else "",
                str(who),
                " ".join(clock.localtime(m.starts_at).strftime("%Y-%m-%d") for m in ob.meetings),
                "; ".join(f"{what}: {', '.join(codes)}" if codes else str(what) for what, codes in item.missing),
            ]
        )
    return header, rows


@login_required
@staff_required
def not_reported(request):
    """Oversight's one screen: for a body subtree (or the user's whole scope), how many reports are owed in
    the period, with the share not reported; a report is done only with signed minutes. Drill down by
    clicking a body; ?format=csv|xlsx gives the same table as a file, &table=list the drill-down list."""
    kind, year, quarter = _period(request)
    root = _root(request)
    rows = oversight.body_rows(request.user, kind=kind, year=year, quarter=quarter, root=root)
    total = oversight.totals(rows)
    show = request.GET.get("status") if request.GET.get("status") in ObligationStatus.ALL else ObligationStatus.MISSING
    listed, listed_unchecked = ([], 0)
    if root is not None:
        listed, listed_unchecked = oversight.listed_reports(
            request.user, kind=kind, year=year, quarter=quarter, root=root, status=show
        )
    fmt = request.GET.get("format", "")
    if fmt:
        slug = "not-reported-" + _period_slug(kind, year, quarter) + (f"-{root.slug}" if root else "")
        if request.GET.get("table") == "list":
            header, data = _listed_table(listed)
        else:
            header, data = oversight.not_reported_table(rows, total)
        response = table_response(fmt, slug, str(_("Who did not report")), header, data)
        if response is None:
            return HttpResponseBadRequest(_("Choose csv or xlsx."))
        return response
    return render(
        request,
        "planning/not_reported.html",
        {
            "kind": kind,
            "year": year,
            "quarter": quarter,
            "root": root,
            "rows": rows,
            "total": total,
            "totals": total.counts if total else dict.fromkeys(ObligationStatus.ALL, 0),
            "listed": listed,
            "listed_unchecked": listed_unchecked,
            "show": show,
            "statuses": oversight.status_labels(),
            "years": range(clock.localdate().year + 1, 2018, -1),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@staff_required
def trend(request):
    """Inspectors' reports done over the last eight finished quarters: an SVG line and the same numbers
    as a table (for screen readers and print); ?format=csv|xlsx."""
    root = _root(request)
    points = oversight.trend(request.user, root=root)
    fmt = request.GET.get("format", "")
    if fmt:
        header = [str(_("Quarter")), str(_("Owed")), str(_("Done")), str(_("Not reported")), str(_("Done, %"))]
        data = [[p.label, p.owed, p.done, p.not_done, p.percent_done] for p in points]
        response = table_response(fmt, "trend" + (f"-{root.slug}" if root else ""), str(_("Trend")), header, data)
        return response or HttpResponseBadRequest(_("Choose csv or xlsx."))
    return render(
        request,
        "planning/trend.html",
        {"root": root, "points": points, "chart": oversight.trend_svg(points), "query": request.GET.urlencode()},
    )


@login_required
@staff_required
def findings(request):
    """Findings of the held reports of a period counted per body and code; a cell lists its reports."""
    kind, year, quarter = _period(request)
    root = _root(request)
    matrix = oversight.findings_matrix(request.user, kind=kind, year=year, quarter=quarter, root=root)
    cell_body, cell_code = request.GET.get("cell_body", ""), request.GET.get("code", "")[:60]
    cell = matrix.meetings_by_cell.get((int(cell_body), cell_code), []) if cell_body.isdigit() else []
    fmt = request.GET.get("format", "")
    if fmt:
        header = [str(_("Police body")), *matrix.codes, str(_("Total"))]
        data = [[str(b), *[v for _c, v in counts], n] for b, counts, n in matrix.rows]
        slug = "findings-" + _period_slug(kind, year, quarter)
        response = table_response(fmt, slug, str(_("Findings")), header, data)
        return response or HttpResponseBadRequest(_("Choose csv or xlsx."))
    return render(
        request,
        "planning/findings.html",
        {
            "kind": kind,
            "year": year,
            "quarter": quarter,
            "root": root,
            "matrix": matrix,
            "cell": cell,
            "cell_code": cell_code,
            "years": range(clock.localdate().year + 1, 2018, -1),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@staff_required
def schedule_list(request):
    schedules = restrict(Schedule.objects.select_related("body"), request.user, Action.VIEW)[:200]
    bodies = sort_by(restrict(PoliceBody.objects.all(), request.user, Action.APPROVE)[:500], key=lambda b: b.name)
    return render(request, "planning/schedule_list.html", {"schedules": schedules, "bodies": bodies})


@login_required
@staff_required
@require_POST
def schedule_create(request):
    body = get_object_or_404(
        restrict(PoliceBody.objects.all(), request.user, Action.APPROVE), pk=request.POST.get("body")
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
            "may_change": can(request.user, Action.APPROVE, schedule),
        },
    )


@login_required
@staff_required
@require_POST
def schedule_transition(request, pk: int, action: str):
    schedule = get_object_or_404(restrict(Schedule.objects.all(), request.user, Action.VIEW), pk=pk)
    if not can(request.user, Action.APPROVE, schedule):
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
