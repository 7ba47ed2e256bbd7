"""Staff pages of the register of complaints about officers. Views parse input and call one selector or
service; who may do what is decided in esep.accounts.permissions."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from esep.accounts.permissions import Action, can_decide_complaint, can_see_personal_data, restrict
from esep.appeals.selectors import appeal_for_staff
from esep.complaints import exchange, forms, selectors, services
from esep.complaints.models import Outcome
from esep.core import clock
from esep.core.errors import EsepError
from esep.core.staff import staff_required
from esep.police.models import PoliceBody, Precinct


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(request) -> selectors.Filters:
    g = request.GET
    outcome = g.get("outcome", "")
    if outcome not in (*Outcome.values, "pending"):
        outcome = ""
    return selectors.Filters(
        outcome=outcome,
        body=_int(g.get("body")),
        officer=_int(g.get("officer")),
        date_from=_date(g.get("from")),
        date_to=_date(g.get("to")),
        query=g.get("q", "")[:100],
    )


def _may_enter(user) -> bool:
    return restrict(PoliceBody.objects.all(), user, Action.CHANGE).exists()


def _filter_context(request, f: selectors.Filters) -> dict:
    return {
        "f": f,
        "outcomes": [("", _("all")), ("pending", _("no outcome yet")), *Outcome.choices],
        "bodies": restrict(PoliceBody.objects.all(), request.user).order_by("path"),
        "querystring": request.GET.urlencode(),
    }


@login_required
@staff_required
def complaint_list(request):
    f = _filters(request)
    page = Paginator(selectors.complaints_for_staff(request.user, f), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/list.html",
        {"page": page, "may_enter": _may_enter(request.user), **_filter_context(request, f)},
    )


@login_required
@staff_required
def complaint_detail(request, pk: int):
    complaint = selectors.complaint_for_staff(request.user, pk)
    if complaint is None:
        raise Http404(_("No such complaint in your area."))
    officer_ids = {o.pk for o in complaint.officers.all()}
    may_decide = not complaint.outcome and can_decide_complaint(request.user, complaint.body.path, officer_ids)
    return render(
        request,
        "complaints/detail.html",
        {
            "c": complaint,
            "appeal": complaint.appeal,
            "personal": can_see_personal_data(request.user),
            "may_decide": may_decide,
            "form": forms.OutcomeForm(initial={"decision_date": clock.localdate()}) if may_decide else None,
        },
    )


@login_required
@staff_required
@require_POST
def complaint_outcome(request, pk: int):
    complaint = selectors.complaint_for_staff(request.user, pk)
    if complaint is None:
        raise Http404(_("No such complaint in your area."))
    officer_ids = {o.pk for o in complaint.officers.all()}
    if not can_decide_complaint(request.user, complaint.body.path, officer_ids):
        raise PermissionDenied
    form = forms.OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the outcome form."))
        return redirect("complaints_staff:detail", pk=complaint.pk)
    try:
        services.complaint_record_outcome(complaint=complaint, actor=request.user, **form.cleaned_data)
    except services.ComplaintError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The outcome is recorded."))
    return redirect("complaints_staff:detail", pk=complaint.pk)


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def complaint_create(request):
    bodies = restrict(PoliceBody.objects.all(), request.user, Action.CHANGE)
    if not bodies.exists():
        raise PermissionDenied
    form = forms.ComplaintCreateForm(
        request.POST if request.method == "POST" else None,
        bodies=bodies.order_by("path"),
        officers=selectors.officers_in_scope(request.user).filter(body__in=bodies),
        precincts=Precinct.objects.filter(body__in=bodies).select_related("body").order_by("body__path", "number"),
        initial={"received_on": clock.localdate()},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            received_on = data.pop("received_on")
            if received_on > clock.localdate():
                form.add_error("received_on", _("The date of receipt cannot be in the future."))
            else:
                now = clock.localtime()
                received_at = (
                    now
                    if received_on == now.date()
                    else now.replace(
                        year=received_on.year, month=received_on.month, day=received_on.day, hour=12, minute=0
                    )
                )
                try:
                    complaint = services.complaint_register(actor=request.user, received_at=received_at, **data)
                except services.ComplaintError as exc:
                    form.add_error(None, exc.message)
                else:
                    messages.success(
                        request, _("Registered under number %(number)s.") % {"number": complaint.appeal.number}
                    )
                    return redirect("complaints_staff:detail", pk=complaint.pk)
        status = 400
    return render(request, "complaints/create.html", {"form": form}, status=status)


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def complaint_from_appeal(request, pk: int):
    appeal = appeal_for_staff(request.user, pk, Action.CHANGE)
    if appeal is None:
        if appeal_for_staff(request.user, pk) is not None:
            raise PermissionDenied
        raise Http404(_("No such appeal in your area."))
    officers = selectors.officers_in_scope(request.user).filter(body__path__startswith=appeal.body.path)
    form = forms.FromAppealForm(request.POST if request.method == "POST" else None, officers=officers)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = services.complaint_from_appeal(
                appeal=appeal, officers=form.cleaned_data["officers"], actor=request.user
            )
        except EsepError as exc:  # the register's or the appeals app's refusal
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Entered in the register of complaints about officers."))
            return redirect("complaints_staff:detail", pk=complaint.pk)
    status = 400 if form.errors else 200
    return render(request, "complaints/from_appeal.html", {"form": form, "appeal": appeal}, status=status)


@login_required
@staff_required
def complaint_analytics(request):
    f = _filters(request)
    by = request.GET.get("by", "body")
    if by not in selectors.GROUPINGS:
        by = "body"
    groupings = [
        ("officer", _("officer")),
        ("precinct", _("precinct")),
        ("point", _("district police point")),
        ("body", _("police body")),
        ("region", _("region")),
    ]
    return render(
        request,
        "complaints/analytics.html",
        {
            "by": by,
            "groupings": groupings,
            "rows": selectors.complaint_stats(request.user, by, f),
            "trend": selectors.complaint_trend(request.user, f),
            **_filter_context(request, f),
        },
    )


@login_required
@staff_required
def complaint_export(request):
    body = exchange.export_csv(selectors.complaints_for_staff(request.user, _filters(request)), request.user)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="complaints-{clock.localdate():%Y%m%d}.csv"'
    return response


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def complaint_import(request):
    if not _may_enter(request.user):
        raise PermissionDenied
    form = forms.ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > exchange.MAX_BYTES:
                result = exchange.ImportResult(errors=[(0, _("The file is larger than 5 MB."))])
            else:
                result = exchange.import_csv(upload.read(), request.user)
            if not result.errors:
                messages.success(
                    request,
                    _("Imported: %(created)s new, %(decided)s outcomes recorded, %(unchanged)s unchanged.")
                    % {"created": result.created, "decided": result.decided, "unchanged": result.unchanged},
                )
                return redirect("complaints_staff:list")
        status = 400
    return render(request, "complaints/import.html", {"form": form, "result": result}, status=status)
