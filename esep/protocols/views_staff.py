"""Back-office pages of the minutes: edit the draft, items, decisions, sign, addenda, PDF, control."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.core import clock
from esep.core.staff import staff_required
from esep.meetings.models import Meeting
from esep.protocols import forms, selectors, services
from esep.protocols.models import Decision, Protocol, ProtocolItem, ProtocolStatus
from esep.protocols.pdf import PDF_LANGUAGES, protocol_pdf


def _error(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _protocol(request, pk: int, action: Action = Action.VIEW) -> Protocol:
    """Minutes the user may see (else 404); for any other action, 403 when they may see but not act."""
    protocol = get_object_or_404(selectors.protocols_for(request.user, Action.VIEW), pk=pk)
    if action != Action.VIEW and not can(request.user, action, protocol):
        raise PermissionDenied
    return protocol


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if value else ""


@login_required
@staff_required
def protocol_list(request):
    rows = selectors.protocols_for(request.user).order_by("-meeting__starts_at")[:100]
    decisions = list(
        selectors.decisions_under_control(request.user).exclude(control_status="done").order_by("due_date")[:100]
    )
    # Order 608 p.19 / Order 652 p.33: only those who control execution get the form; others read.
    controllable = set(
        restrict(Decision.objects.filter(pk__in=[d.pk for d in decisions]), request.user, Action.CONTROL).values_list(
            "pk", flat=True
        )
    )
    context = {"protocols": rows, "decisions": decisions, "controllable": controllable, "today": clock.localdate()}
    return render(request, "protocols/staff_list.html", context)


@login_required
@staff_required
def minutes(request, meeting_pk: int):
    meeting = get_object_or_404(restrict(Meeting.objects.select_related("body"), request.user), pk=meeting_pk)
    protocol = Protocol.objects.filter(meeting=meeting).first()
    if protocol is not None and not can(request.user, Action.VIEW, protocol):
        raise Http404  # a public council reads the report as published, not the secretary's raw minutes
    if protocol is None:
        if request.method == "POST":
            if not can(request.user, Action.KEEP_MINUTES, meeting):
                raise PermissionDenied
            try:
                protocol = services.protocol_start(meeting=meeting, actor=request.user)
            except ValidationError as error:
                _error(request, error)
            return redirect("protocols_staff:minutes", meeting_pk=meeting.pk)
        return render(request, "protocols/staff_start.html", {"meeting": meeting})
    form = forms.ProtocolForm(
        initial={
            "started_at": _local(protocol.started_at),
            "ended_at": _local(protocol.ended_at),
            "place": protocol.place,
            "participants_override": protocol.participants_override,
            "participants_override_reason": protocol.participants_override_reason,
            "agenda": protocol.agenda,
            "language": protocol.language,
        }
    )
    if request.method == "POST":
        protocol = _protocol(request, protocol.pk, Action.CHANGE)
        form = forms.ProtocolForm(request.POST)
        if form.is_valid():
            try:
                services.protocol_update(protocol=protocol, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Minutes saved."))
                return redirect("protocols_staff:minutes", meeting_pk=meeting.pk)
    return render(request, "protocols/staff_minutes.html", _context(request, protocol, form=form))


def _context(request, protocol: Protocol, **extra):
    meeting = protocol.meeting
    may_change = can(request.user, Action.CHANGE, protocol)
    # An outside body sees only the items sent to it, and nobody's name (Order 608 p.17; Order 652 p.32).
    items = restrict(protocol.items.select_related("target_agency", "reporter__officer"), request.user)
    return {
        "meeting": meeting,
        "protocol": protocol,
        "may_change": may_change,
        "editable": may_change and protocol.status == ProtocolStatus.DRAFT,
        "addendum": services._open_addendum(protocol)
        if may_change and protocol.status == ProtocolStatus.SIGNED
        else None,
        "items": items,
        "personal_ids": set(restrict(items, request.user, Action.PERSONAL_DATA).values_list("pk", flat=True)),
        "decisions": protocol.decisions.all(),
        "versions": protocol.versions.prefetch_related("signatures"),
        "item_form": forms.ItemForm(meeting=meeting, prefix="item"),
        "decision_form": forms.DecisionForm(prefix="decision"),
        "addendum_form": forms.AddendumForm(),
        "control_form": forms.ControlForm(),
        "signing": selectors.signing_state(protocol, request.user),
        "registered": meeting.participants.count(),
        **extra,
    }


@login_required
@staff_required
@require_POST
def item_add(request, pk: int):
    protocol = _protocol(request, pk, Action.CHANGE)
    form = forms.ItemForm(request.POST, meeting=protocol.meeting, prefix="item")
    return _add_to_minutes(request, protocol, form, services.protocol_item_add, _("Item recorded."), "item_form")


@login_required
@staff_required
@require_POST
def item_delete(request, pk: int):
    item = get_object_or_404(restrict(ProtocolItem.objects.all(), request.user, Action.CHANGE), pk=pk)
    try:
        services.protocol_item_delete(item=item, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    return redirect("protocols_staff:minutes", meeting_pk=item.protocol.meeting_id)


@login_required
@staff_required
@require_POST
def decision_add(request, pk: int):
    protocol = _protocol(request, pk, Action.CHANGE)
    form = forms.DecisionForm(request.POST, prefix="decision")
    return _add_to_minutes(request, protocol, form, services.decision_add, _("Decision recorded."), "decision_form")


def _add_to_minutes(request, protocol, form, service, done: str, form_key: str):
    """Parse one form of the minutes page, call its service, and show the page again with errors if refused."""
    if form.is_valid():
        try:
            service(protocol=protocol, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect("protocols_staff:minutes", meeting_pk=protocol.meeting_id)
    context = _context(request, protocol, **{form_key: form}, form=None)
    return render(request, "protocols/staff_minutes.html", context, status=400)


@login_required
@staff_required
@require_POST
def decision_delete(request, pk: int):
    decision = get_object_or_404(restrict(Decision.objects.all(), request.user, Action.CHANGE), pk=pk)
    try:
        services.decision_delete(decision=decision, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    return redirect("protocols_staff:minutes", meeting_pk=decision.protocol.meeting_id)


@login_required
@staff_required
@require_POST
def decision_control(request, pk: int):
    decision = get_object_or_404(restrict(Decision.objects.all(), request.user, Action.VIEW), pk=pk)
    if not can(request.user, Action.CONTROL, decision):
        raise PermissionDenied
    form = forms.ControlForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.get("evidence") or [_("Choose the state of execution.")]))
        services.decision_control(
            decision=decision,
            status=form.cleaned_data["status"],
            progress=form.cleaned_data["progress"],
            evidence=form.cleaned_data["evidence"],
            actor=request.user,
        )
    except ValidationError as error:
        _error(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Execution recorded."))
    return redirect("protocols_staff:list")


@login_required
@staff_required
def sign(request, pk: int):
    protocol = _protocol(request, pk)
    if request.method == "POST":
        protocol = _protocol(request, pk, Action.SIGN)
        try:
            services.protocol_sign(protocol=protocol, user=request.user, slot=request.POST.get("slot") or None)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Signed."))
        return redirect("protocols_staff:sign", pk=pk)
    return render(request, "protocols/staff_sign.html", _context(request, protocol))


@login_required
@staff_required
@require_POST
def addendum(request, pk: int):
    protocol = _protocol(request, pk, Action.CHANGE)
    form = forms.AddendumForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write the correction."))
        services.addendum_start(protocol=protocol, text=form.cleaned_data["text"], actor=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Addendum started: add items if needed, then sign it."))
    return redirect("protocols_staff:minutes", meeting_pk=protocol.meeting_id)


@login_required
@staff_required
def pdf(request, pk: int, lang: str):
    # The printed minutes carry every person's name: only for the police body that keeps them.
    protocol = _protocol(request, pk, Action.KEEP_MINUTES)
    if lang not in PDF_LANGUAGES:
        raise Http404
    response = HttpResponse(protocol_pdf(protocol, lang=lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{protocol.meeting.code}-{lang}.pdf"'
    return response
