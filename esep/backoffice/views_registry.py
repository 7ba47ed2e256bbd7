"""Registry pages for staff: precincts and who serves them, restricted to the user's scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.accounts.permissions import Action, can, may, restrict
from esep.backoffice.forms import AssignmentEndForm, AssignmentForm, CoverageForm, PrecinctForm
from esep.core import clock
from esep.core.collation import number_sql_order
from esep.core.staff import staff_required
from esep.feedback.selectors import inspector_quarters
from esep.police.models import Officer, Precinct
from esep.police.selectors import inspector_on, inspectors_on
from esep.police.services import assignment_create, assignment_end, precinct_set_settlements, precinct_update
from esep.territory.models import Level, Territory

MAX_PLACES = 1000


@login_required
@staff_required
def precinct_list(request):
    qs = restrict(Precinct.objects.select_related("body", "point"), request.user, Action.VIEW)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        qs = (
            qs.filter(number__icontains=query)
            | qs.filter(name_kk__icontains=query)
            | qs.filter(name_ru__icontains=query)
        )
    page = Paginator(qs.order_by("body__path", *number_sql_order("number")), 50).get_page(request.GET.get("page"))
    today = clock.localdate()
    current = inspectors_on(list(page.object_list), today)
    rows = [(p, current.get(p.pk)) for p in page.object_list]
    return render(request, "backoffice/precinct_list.html", {"page": page, "rows": rows, "q": query})


@login_required
@staff_required
def precinct_detail(request, pk: int):
    precinct = get_object_or_404(
        restrict(Precinct.objects.select_related("body", "point"), request.user, Action.VIEW), pk=pk
    )
    history = precinct.assignments.select_related("officer").order_by("-start")
    return render(
        request,
        "backoffice/precinct_detail.html",
        {
            "precinct": precinct,
            "current": inspector_on(precinct, clock.localdate()),
            "history": history,
            "settlements": precinct.settlements.all()[:200],
            "can_change": can(request.user, Action.EDIT_REGISTRY, precinct),
            "ratings": inspector_quarters(precinct, today=clock.localdate()),
        },
    )


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def precinct_edit(request, pk: int):
    precinct = get_object_or_404(restrict(Precinct.objects.select_related("body"), request.user, Action.VIEW), pk=pk)
    if not can(request.user, Action.EDIT_REGISTRY, precinct):
        raise PermissionDenied
    initial = {f: getattr(precinct, f) for f in PrecinctForm.base_fields if f != "point"}
    initial["point"] = precinct.point_id
    form = PrecinctForm(request.POST or None, initial=initial, precinct=precinct)
    if request.method == "POST" and form.is_valid():
        try:
            precinct_update(precinct=precinct, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The precinct was saved."))
            return redirect("backoffice:precinct_detail", pk=precinct.pk)
    return render(
        request,
        "backoffice/precinct_edit.html",
        {"precinct": precinct, "form": form},
        status=400 if form.errors else 200,
    )


def _registry_precinct(request, pk: int) -> Precinct:
    """A precinct the user sees (else 404) and may edit as the registry (else 403: only the staff unit)."""
    precinct = get_object_or_404(
        restrict(Precinct.objects.select_related("body__territory"), request.user, Action.VIEW), pk=pk
    )
    if not can(request.user, Action.EDIT_REGISTRY, precinct):
        raise PermissionDenied
    return precinct


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def precinct_assignments(request, pk: int):
    """The staff unit assigns inspectors (permanent or acting) and ends assignments; history is kept."""
    precinct = _registry_precinct(request, pk)
    officers = restrict(Officer.objects.filter(is_active=True), request.user, Action.EDIT_REGISTRY).filter(
        body__path__startswith=precinct.body.path
    )
    form = AssignmentForm(request.POST or None, officers=officers.order_by("last_name", "first_name"))
    end_form = AssignmentEndForm(request.POST or None, prefix="end")
    status = 200
    if request.method == "POST":
        try:
            if "end-assignment" in request.POST:
                if not end_form.is_valid():
                    raise ValidationError(_("Give the last day."))
                row = get_object_or_404(precinct.assignments.all(), pk=end_form.cleaned_data["assignment"])
                assignment_end(assignment=row, end=end_form.cleaned_data["end"],
                               reason=end_form.cleaned_data["reason"], actor=request.user)  # fmt: skip
                messages.success(request, _("The assignment was ended."))
                return redirect("backoffice:precinct_assignments", pk=precinct.pk)
            if form.is_valid():
                assignment_create(precinct=precinct, actor=request.user, **form.cleaned_data)
                messages.success(request, _("The inspector was assigned."))
                return redirect("backoffice:precinct_assignments", pk=precinct.pk)
        except ValidationError as exc:
            form.add_error(None, exc)
        status = 400
    history = precinct.assignments.select_related("officer").order_by("-start", "-id")
    return render(
        request,
        "backoffice/precinct_assignments.html",
        {"precinct": precinct, "form": form, "history": history, "today": clock.localdate()},
        status=status,
    )


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def precinct_coverage(request, pk: int):
    """The staff unit sets which settlements of the body's territory the precinct covers."""
    precinct = _registry_precinct(request, pk)
    places = Territory.objects.filter(
        kato__startswith=precinct.body.territory.prefix, level=Level.SETTLEMENT
    ).order_by("kato")[:MAX_PLACES]
    places = Territory.objects.filter(pk__in=[p.pk for p in places]).order_by("kato")
    form = CoverageForm(
        request.POST or None, places=places, initial={"settlements": list(precinct.settlements.all())}
    )
    if request.method == "POST" and form.is_valid():
        try:
            precinct_set_settlements(
                precinct=precinct, settlements=list(form.cleaned_data["settlements"]), actor=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The precinct's coverage was saved."))
            return redirect("backoffice:precinct_detail", pk=precinct.pk)
    return render(
        request,
        "backoffice/precinct_coverage.html",
        {"precinct": precinct, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@staff_required
def assignment_list(request):
    """Who serves which precinct today in the staff unit's scope, and the precincts nobody serves."""
    if not may(request.user, Action.EDIT_REGISTRY, Precinct):
        raise PermissionDenied
    precincts = list(
        restrict(Precinct.objects.select_related("body"), request.user, Action.EDIT_REGISTRY).order_by(
            "body__path", "number"
        )[:500]
    )
    current = inspectors_on(precincts, clock.localdate())
    rows = [(p, current.get(p.pk)) for p in precincts]
    return render(request, "backoffice/assignment_list.html", {"rows": rows})
