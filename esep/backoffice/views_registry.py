"""Registry pages for staff: precincts and who serves them, restricted to the user's scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.accounts.permissions import Action, can, restrict
from esep.backoffice.forms import PrecinctForm
from esep.backoffice.menu import staff_required
from esep.core.collation import number_sql_order
from esep.feedback.selectors import inspector_quarters
from esep.police.models import Precinct
from esep.police.selectors import inspector_on, inspectors_on
from esep.police.services import precinct_update


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
    today = timezone.localdate()
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
            "current": inspector_on(precinct, timezone.localdate()),
            "history": history,
            "settlements": precinct.settlements.all()[:200],
            "can_change": can(request.user, Action.CHANGE, precinct),
            "ratings": inspector_quarters(precinct, today=timezone.localdate()),
        },
    )


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def precinct_edit(request, pk: int):
    precinct = get_object_or_404(restrict(Precinct.objects.select_related("body"), request.user, Action.VIEW), pk=pk)
    if not can(request.user, Action.CHANGE, precinct):
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
