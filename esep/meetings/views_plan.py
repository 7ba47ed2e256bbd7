"""Staff pages to plan one report: create, edit, reschedule (Order 608 p.8.1). Cancelling is on the
workspace (``views_staff.status``). The pages parse input and call ``esep.workflows.scheduling``."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, restrict
from esep.core.staff import staff_required
from esep.meetings import forms, selectors
from esep.meetings.models import Meeting
from esep.police.models import Officer, PoliceBody, Position, Precinct
from esep.police.selectors import inspectors_on
from esep.workflows import scheduling


def _changeable(request, pk: int) -> Meeting:
    try:
        meeting = selectors.meeting_for(request.user, pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc
    if not restrict(Meeting.objects.filter(pk=pk), request.user, Action.CHANGE).exists():
        raise PermissionDenied
    return meeting


def _aware(date: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, time))


def _reporters(kind: str, body: PoliceBody, precinct: Precinct | None, when: dt.date) -> list[tuple]:
    # A joint reception with the public council is held by a precinct's inspector when a precinct is named,
    # else by the chief of the body.
    if kind == "inspector" or (kind == "reception" and precinct is not None):
        if precinct is None:
            raise ValidationError(_("Name the inspector who reports and the precinct."))
        serving = inspectors_on([precinct], when).get(precinct.pk)
        if serving is None:
            raise ValidationError(_("No inspector serves this precinct on that date: assign one first."))
        return [(serving.officer, precinct)]
    chief = Officer.objects.filter(body=body, position=Position.CHIEF, is_active=True).first()
    return [(chief, None)] if chief else []


def _plan_values(data: dict) -> dict:
    return {
        k: data.get(k)
        for k in (
            "settlement",
            "venue_kk",
            "venue_ru",
            "format",
            "online_url",
            "venue_capacity",
            "expected_attendance",
        )
    }


@login_required
@staff_required
def meeting_new(request):
    bodies = restrict(PoliceBody.objects.all(), request.user, Action.CHANGE)
    if not bodies.exists():
        raise PermissionDenied
    precincts = restrict(Precinct.objects.select_related("body"), request.user, Action.CHANGE)
    settlements = scheduling.venue_settlements(*bodies.select_related("territory"))
    form = forms.MeetingCreateForm(request.POST or None, bodies=bodies, precincts=precincts, settlements=settlements)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        body, precinct = data["body"], data.get("precinct")
        try:
            if precinct is not None and not precinct.body.path.startswith(body.path):
                raise ValidationError(_("The precinct does not belong to this police body."))
            meeting = scheduling.meeting_create(
                kind=data["kind"],
                body=body,
                starts_at=_aware(data["date"], data["time"]),
                reporters=_reporters(data["kind"], body, precinct, data["date"]),
                actor=request.user,
                **_plan_values(data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report is planned."))
            return redirect("meetings_staff:workspace", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/staff_plan_form.html", {"form": form, "title": _("Plan a report")}, status=status)


@login_required
@staff_required
def meeting_edit(request, pk: int):
    meeting = _changeable(request, pk)
    initial = {k: getattr(meeting, k) for k in forms.PlanForm.base_fields}
    settlements = scheduling.venue_settlements(meeting.body)
    form = forms.PlanForm(request.POST or None, initial=initial, settlements=settlements)
    if request.method == "POST" and form.is_valid():
        try:
            scheduling.meeting_update(meeting=meeting, actor=request.user, **_plan_values(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report is changed."))
            return redirect("meetings_staff:workspace", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "meetings/staff_plan_form.html",
        {"form": form, "meeting": meeting, "title": _("Change the report")},
        status=status,
    )


@login_required
@staff_required
def meeting_reschedule(request, pk: int):
    meeting = _changeable(request, pk)
    local = timezone.localtime(meeting.starts_at)
    form = forms.RescheduleForm(request.POST or None, initial={"date": local.date(), "time": local.time()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = scheduling.meeting_reschedule(
                meeting=meeting,
                starts_at=_aware(data["date"], data["time"]),
                reason=data["reason"],
                late_reason=data.get("late_reason", ""),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The report is moved. People who had acted on it and are told: %(n)s.") % {"n": change.notified},
            )
            return redirect("meetings_staff:workspace", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "meetings/staff_plan_form.html",
        {"form": form, "meeting": meeting, "title": _("Move the report to another date")},
        status=status,
    )
