"""The akimat's "Causes and conditions" page (esep/backoffice/causes.py, docs/akimats.md): read only, for the
roles that may count appeals on a territory; ?format=csv|xlsx&table=KEY gives one of its tables as a file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from esep.backoffice import causes as selectors
from esep.core import clock
from esep.core.collation import sort_choices
from esep.core.staff import staff_required
from esep.planning.exports import table_response
from esep.police.models import Subject


@login_required
@staff_required
@require_GET
def causes(request):
    if not selectors.scopes(request.user):
        raise PermissionDenied
    allowed, territory = selectors.resolve_territory(request.user, request.GET.get("territory", "")[:9])
    if not allowed:
        raise Http404(_("No such territory in your area."))
    choices = selectors.quarter_choices()
    last = selectors.Quarter.parse(request.GET.get("to", "")[:7])
    if last not in choices:
        last = choices[0]
    subject = request.GET.get("subject", "")
    if subject not in Subject.values:
        subject = ""
    page = selectors.causes(
        request.user, territory=territory, last=last, subject=subject, stat_period=request.GET.get("stats", "")[:21]
    )
    fmt = request.GET.get("format", "")
    if fmt:
        table = page.tables.get(request.GET.get("table", "settlements"))
        if table is None:
            return HttpResponseBadRequest(_("No such table."))
        place = territory.kato if territory else "kz"
        response = table_response(
            fmt, f"causes-{table.key}-{place}-{last.slug}", table.title, table.header, table.data()
        )
        return response or HttpResponseBadRequest(_("Choose csv or xlsx."))
    query = request.GET.copy()
    for key in ("format", "table"):
        query.pop(key, None)
    return render(
        request,
        "backoffice/causes.html",
        {
            "page": page,
            "territory": territory,
            "territories": selectors.territory_choices(request.user),
            "quarters": choices,
            "last": last,
            "subject": subject,
            "subjects": sort_choices(Subject.choices),
            "stat_periods": [(selectors.period_slug(p), p) for p in page.statistics.periods],
            "stat_period": selectors.period_slug(page.statistics.period) if page.statistics.period else "",
            "query": query.urlencode(),
            "today": clock.localdate(),
        },
    )
