"""Staff enter each precinct's prevention work per quarter (Order 652 p.30: the inspector reports on
prevention work)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from esep.accounts.permissions import restrict
from esep.core import clock
from esep.core.staff import staff_required
from esep.statistics import services
from esep.statistics.forms import PreventionForm
from esep.statistics.models import PreventionReport


@login_required
@staff_required
def prevention(request):
    today = clock.localdate()
    if request.method == "POST":
        form = PreventionForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.prevention_report_save(
                    precinct=data["precinct"],
                    year=data["year"],
                    quarter=data["quarter"],
                    values={k: data[k] for k in services.PREVENTION_FIELDS},
                    actor=request.user,
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The figures were saved."))
                return redirect("statistics_staff:prevention")
        status = 400
    else:
        form = PreventionForm(user=request.user, initial={"year": today.year, "quarter": (today.month - 1) // 3 + 1})
        status = 200
    rows = (
        restrict(PreventionReport.objects.all(), request.user)
        .select_related("precinct__body")
        .order_by("-year", "-quarter", "precinct__number")[:100]
    )
    return render(request, "statistics/prevention.html", {"form": form, "rows": rows}, status=status)
