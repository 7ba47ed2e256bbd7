"""Staff pages of the evaluation: the scores for the chief and oversight, the criteria for the region's public
council. Views parse input and call one selector or service; esep.accounts.permissions decides who may."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from esep.accounts.permissions import Action, can, may, restrict
from esep.core import clock
from esep.core.collation import sort_by
from esep.core.staff import staff_required
from esep.evaluation import selectors, services
from esep.evaluation.forms import CriteriaForm, initial_from
from esep.evaluation.models import Indicator
from esep.planning.oversight import last_quarters
from esep.police.models import PoliceBody

TOPS_LIMIT = 100


def _explanation() -> str:
    # In Python rather than the template: Django's translate tag looks a "%" up as "%%".
    return _(
        "A score is the weighted mean of the indicators (0 to 100). It is given, and compared, only where every "
        "weighted indicator has at least its minimum sample; the range is the weighted mean of the indicators' "
        "95% intervals. Comparisons are made within one region, whose criteria apply."
    )


def _int(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


@login_required
@staff_required
@require_safe
def scores(request):
    """The evaluation under one body for one quarter, at one level (inspectors, precincts or bodies)."""
    if not may(request.user, Action.EVALUATE, PoliceBody):
        raise PermissionDenied
    today = clock.localdate()
    default_year, default_quarter = selectors.last_finished_quarter(today)
    year = _int(request.GET.get("year"), 2016, today.year) or default_year
    quarter = _int(request.GET.get("quarter"), 1, 4) or default_quarter
    level = request.GET.get("level", "")
    if level not in selectors.LEVELS:
        level = "inspector"
    allowed = selectors.evaluable_bodies(request.user)
    body_id = _int(request.GET.get("body"), 1, 2**62)
    if request.GET.get("body") and body_id is None:
        raise Http404(_("No such police body in your area."))
    if body_id is not None:
        root = allowed.select_related("territory").filter(pk=body_id).first()
        if root is None:
            raise Http404(_("No such police body in your area."))
    else:
        tops = list(allowed.exclude(parent__in=allowed).select_related("territory").order_by("path")[:TOPS_LIMIT])
        if len(tops) != 1:
            return render(request, "evaluation/choose.html", {"bodies": sort_by(tops, key=lambda b: b.name)})
        root = tops[0]
    result = selectors.evaluation(request.user, root=root, year=year, quarter=quarter)
    periods = [selectors.quarter_of(today), *reversed(last_quarters(today, 8))]
    if (year, quarter) not in periods:
        periods.insert(0, (year, quarter))
    return render(
        request,
        "evaluation/scores.html",
        {
            "e": result,
            "level": level,
            "levels": [("inspector", _("Inspectors")), ("precinct", _("Precincts")), ("body", _("Police bodies"))],
            "ranked": result.ranked(level),
            "unranked": result.unranked(level),
            "indicators": Indicator.choices,
            "weights": {w.indicator: w for w in result.criteria.weights},
            "periods": periods,
            "explanation": _explanation(),
        },
    )


@login_required
@staff_required
@require_safe
def criteria(request):
    """The regions whose criteria the user may set (a public council: its own), or may read."""
    settable = list(restrict(selectors.region_bodies(), request.user, Action.SET_CRITERIA))
    if len(settable) == 1:
        return redirect("evaluation_staff:criteria_region", pk=settable[0].pk)
    bodies = settable or list(restrict(selectors.region_bodies(), request.user, Action.VIEW))
    return render(request, "evaluation/criteria_list.html", {"bodies": sort_by(bodies, key=lambda b: b.name)})


@login_required
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def criteria_region(request, pk: int):
    """A region's criteria: the version in force, the history with who set each version and when, and for
    the region's public council the form of a new version."""
    body = restrict(selectors.region_bodies(), request.user, Action.VIEW).filter(pk=pk).first()
    if body is None:
        raise Http404(_("No such region in your area."))
    may_set = can(request.user, Action.SET_CRITERIA, body)
    today = clock.localdate()
    current = selectors.criteria_in_force(body, today)
    status = 200
    if request.method == "POST":
        if not may_set:
            raise PermissionDenied
        form = CriteriaForm(request.POST)
        if form.is_valid():
            try:
                created = services.criteria_set_create(
                    body=body,
                    criteria=form.criteria(),
                    valid_from=form.cleaned_data["valid_from"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except services.CriteriaError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Version %(version)s of the criteria is saved.") % {"version": created.version}
                )
                return redirect("evaluation_staff:criteria_region", pk=body.pk)
        status = 400
    else:
        form = CriteriaForm(initial={**initial_from(current), "valid_from": today}) if may_set else None
    return render(
        request,
        "evaluation/criteria_region.html",
        {
            "body": body,
            "current": current,
            "history": selectors.criteria_history(body),
            "form": form,
            "may_set": may_set,
            "indicators": Indicator.choices,
        },
        status=status,
    )
