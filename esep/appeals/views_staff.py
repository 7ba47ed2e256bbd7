"""Staff pages: the appeals of the user's body subtree (overdue first) and one appeal with its actions.
Every read goes through restrict(); every change through a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.appeals import forms, services
from esep.appeals.models import AppealForward, AppealStatus
from esep.appeals.routing import route_agency
from esep.appeals.selectors import appeal_for_staff, appeals_for_staff
from esep.appeals.transitions import allowed
from esep.core.staff import staff_required
from esep.notifications.selectors import messages_for
from esep.police.models import PoliceBody, StateAgency
from esep.territory.kato import ancestor_candidates


@login_required
@staff_required
def appeal_list(request):
    status = request.GET.get("status", "open")[:30]
    query = request.GET.get("q", "")[:100]
    page = Paginator(appeals_for_staff(request.user, status=status, query=query), 50).get_page(request.GET.get("page"))
    filters = [("open", _("open")), ("overdue", _("overdue")), *AppealStatus.choices, ("all", _("all"))]
    return render(
        request, "appeals/staff_list.html", {"page": page, "status": status, "query": query, "filters": filters}
    )


def _agencies_for(appeal):
    if appeal.territory_id is None:
        return StateAgency.objects.none()
    codes = [appeal.territory.kato, *ancestor_candidates(appeal.territory.kato)]
    return StateAgency.objects.filter(territory__kato__in=codes).order_by("-territory__kato", "name_ru")


@login_required
@staff_required
def appeal_detail(request, pk: int):
    appeal = appeal_for_staff(request.user, pk)
    if appeal is None:
        raise Http404(_("No such appeal in your area."))
    next_statuses = allowed(appeal.kind, appeal.status)
    personal_data = can(request.user, Action.PERSONAL_DATA, appeal)
    forward = _forward_to_answer(request.user, appeal)
    suggested = route_agency(territory=appeal.territory, subject=appeal.subject)
    return render(
        request,
        "appeals/staff_detail.html",
        {
            "appeal": appeal,
            "events": list(appeal.events.all()),
            "forwards": list(appeal.forwards.all()),
            # The outbox holds the person's contacts: only for those who may see them.
            "messages_": messages_for(appeal)[:100] if personal_data else [],
            "personal_data": personal_data,
            "may_change": can(request.user, Action.CHANGE, appeal),
            "may_extend": can(request.user, Action.EXTEND, appeal),
            # An akimat department answers what was forwarded to it from its own account (АППК art. 65).
            "agency_forward": forward,
            "agency_form": forms.AgencyAnswerForm(initial={"name": request.user.get_full_name()})
            if forward
            else None,
            "next": next_statuses,
            "suggested_agency": suggested,
            "answer_form": forms.AnswerForm(initial={"language": appeal.language if appeal.language != "en" else "kk"}),
            "extend_form": forms.ExtendForm(),
            "forward_form": forms.ForwardForm(agencies=_agencies_for(appeal), initial={"agency": suggested}),
            # Its own ids: the extend form has a "reason" field too, and a label must name one field.
            "end_form": forms.ReasonForm(auto_id="end_%s"),
            "close_form": forms.NoteForm(),
            "crime_form": forms.CrimeRegisterForm(),
            "S": AppealStatus,
        },
    )


ACTIONS = {"take", "answer", "extend", "forward", "end", "crime", "close"}


@login_required
@staff_required
@require_POST
def appeal_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    appeal = appeal_for_staff(request.user, pk, Action.CHANGE)
    if appeal is None:
        if appeal_for_staff(request.user, pk) is not None:
            raise PermissionDenied
        raise Http404(_("No such appeal in your area."))
    user = request.user
    try:
        if action == "take":
            services.appeal_take(appeal=appeal, actor=user)
        elif action == "answer":
            form = forms.AnswerForm(request.POST)
            if not form.is_valid():
                raise services.AppealError(_("Check the answer form."))
            services.appeal_answer(appeal=appeal, actor=user, **form.cleaned_data)
        elif action == "extend":
            form = forms.ExtendForm(request.POST)
            if not form.is_valid():
                raise services.AppealError(_("Give the new date and the reason."))
            services.appeal_extend(appeal=appeal, actor=user, **form.cleaned_data)
        elif action == "forward":
            form = forms.ForwardForm(request.POST, agencies=_agencies_for(appeal))
            if not form.is_valid():
                raise services.AppealError(_("Choose a competent body."))
            services.appeal_forward(appeal=appeal, actor=user, agency=form.cleaned_data["agency"])
        elif action == "end":
            form = forms.ReasonForm(request.POST)
            if not form.is_valid():
                raise services.AppealError(_("Give the reason."))
            services.appeal_end_without_answer(appeal=appeal, actor=user, reason=form.cleaned_data["reason"])
        elif action == "crime":
            form = forms.CrimeRegisterForm(request.POST)
            if not form.is_valid():
                raise services.AppealError(_("Give the crime register number."))
            services.appeal_register_crime(appeal=appeal, actor=user, **form.cleaned_data)
        elif action == "close":
            form = forms.NoteForm(request.POST)
            form.is_valid()
            services.appeal_close(appeal=appeal, actor=user, note=form.cleaned_data.get("note", ""))
    except services.AppealError as exc:
        messages.error(request, str(exc))
        return redirect("appeals_staff:detail", pk=appeal.pk)
    messages.success(request, _("Saved."))
    return redirect("appeals_staff:detail", pk=appeal.pk)


@login_required
@staff_required
@require_http_methods(["GET", "POST"])
def appeal_create(request):
    bodies = restrict(PoliceBody.objects.all(), request.user, Action.CHANGE)
    form = forms.AppealCreateForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        try:
            appeal = services.appeal_register(source="staff", actor=request.user, **form.cleaned_data)
        except services.AppealError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Registered under number %(number)s.") % {"number": appeal.number})
            return redirect("appeals_staff:detail", pk=appeal.pk)
    return render(request, "appeals/staff_create.html", {"form": form}, status=400 if form.errors else 200)


def _forward_to_answer(user, appeal):
    """The forwarding of ``appeal`` to a state body ``user`` answers for, still awaiting its answer."""
    pending = AppealForward.objects.filter(appeal=appeal, withdrawn=False, replied_at__isnull=True)
    return restrict(pending.select_related("agency"), user, Action.ANSWER).order_by("-pk").first()


@login_required
@staff_required
@require_POST
def agency_answer(request, pk: int):
    """The competent body records its answer from its own view; the person is told as with the e-mailed link."""
    appeal = appeal_for_staff(request.user, pk)
    if appeal is None:
        raise Http404(_("No such appeal in your area."))
    forward = _forward_to_answer(request.user, appeal)
    if forward is None:
        raise PermissionDenied
    form = forms.AgencyAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer and the name and position of the person answering."))
        return redirect("appeals_staff:detail", pk=appeal.pk)
    try:
        services.appeal_record_agency_reply(token=forward.token, **form.cleaned_data)
    except services.AppealError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The answer was recorded and the person is told."))
    return redirect("appeals_staff:detail", pk=appeal.pk)
