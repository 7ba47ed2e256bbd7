"""Back-office pages of a meeting: the workspace, invitations, the door, video and awards (mobile first)."""

from __future__ import annotations

import io

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.appeals.selectors import previous_report_measures
from esep.core.staff import staff_required
from esep.meetings import forms, selectors, services
from esep.meetings.models import Meeting, MeetingStatus, Participant
from esep.workflows import scheduling


def _meeting(request, pk: int, action: Action = Action.VIEW) -> Meeting:
    """A meeting the user may see (else 404); for any other action, 403 when they may see but not act."""
    try:
        meeting = selectors.meeting_for(request.user, pk, Action.VIEW)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc
    if action != Action.VIEW and not can(request.user, action, meeting):
        raise PermissionDenied
    return meeting


def _error(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def self_registration_url(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("meetings_public:register", kwargs={"code": meeting.code})


@login_required
@staff_required
def meeting_list(request):
    rows = selectors.meetings_for(request.user).prefetch_related("reporters__officer")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "meetings/staff_list.html", {"page": page})


@login_required
@staff_required
def workspace(request, pk: int):
    meeting = _meeting(request, pk)
    context = {
        "meeting": meeting,
        "can_change": can(request.user, Action.CHANGE, meeting),
        "participants": meeting.participants.count(),
        "invitations": meeting.invitations.all(),
        "videos": meeting.videos.all(),
        "awards": restrict(meeting.awards.all(), request.user),
        "changes": list(meeting.changes.all()),
        "protocol": getattr(meeting, "protocol", None) if hasattr(meeting, "protocol") else None,
        "cancel_form": forms.CancelForm(),
        "video_upload_form": forms.VideoUploadForm(),
        "video_link_form": forms.VideoLinkForm(),
        "award_form": forms.AwardForm(prefix="award"),
        "register_url": self_registration_url(meeting),
        # Order 652 p.30: the report covers measures taken on complaints, including those from the last report.
        "previous_measures": previous_report_measures(meeting),
        "summary_form": forms.SummaryForm(
            initial={
                "summary_kk": meeting.summary_kk,
                "summary_ru": meeting.summary_ru,
                "summary_en": meeting.summary_en,
            }
        ),
    }
    return render(request, "meetings/staff_workspace.html", context)


@login_required
@staff_required
def invitations(request, pk: int):
    meeting = _meeting(request, pk)
    form = forms.InvitationForm(request.POST or None, initial={"language": request.LANGUAGE_CODE[:2]})
    if request.method == "POST" and request.POST.get("attended"):
        meeting = _meeting(request, pk, Action.CHANGE)
        invitation = get_object_or_404(meeting.invitations, pk=request.POST.get("invitation"))
        services.invitation_mark_attended(
            invitation=invitation, attended=request.POST["attended"] == "yes", actor=request.user
        )
        return redirect("meetings_staff:invitations", pk=pk)
    if request.method == "POST":
        meeting = _meeting(request, pk, Action.CHANGE)
        if form.is_valid():
            try:
                services.invitation_create(meeting=meeting, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Invitation recorded."))
                return redirect("meetings_staff:invitations", pk=pk)
    return render(
        request,
        "meetings/staff_invitations.html",
        {"meeting": meeting, "form": form, "invitations": meeting.invitations.all()},
    )


@login_required
@staff_required
def door(request, pk: int):
    """Registration at the door. Works without JavaScript: the search is a GET form; with JavaScript the
    same page is fetched as the user types and only the results are swapped in."""
    meeting = _meeting(request, pk, Action.KEEP_MINUTES)
    query = request.GET.get("q", "")[:100]
    door_form = forms.DoorForm(prefix="door")
    sheet_form = forms.SheetForm(prefix="sheet")
    sheet_results = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "known":
                previous = get_object_or_404(
                    restrict(Participant.objects.all(), request.user), pk=request.POST.get("participant")
                )
                person, created = services.participant_register_known(
                    meeting=meeting, previous=previous, actor=request.user
                )
                _registered_message(request, person, created)
                return redirect(reverse("meetings_staff:door", kwargs={"pk": pk}))
            if action == "door":
                door_form = forms.DoorForm(request.POST, prefix="door")
                if door_form.is_valid():
                    person, created = services.participant_register(
                        meeting=meeting,
                        full_name=door_form.cleaned_data["full_name"],
                        residence=door_form.cleaned_data["residence"],
                        method="door",
                        eligibility_declared=door_form.cleaned_data["eligible"],
                        actor=request.user,
                    )
                    _registered_message(request, person, created)
                    return redirect(reverse("meetings_staff:door", kwargs={"pk": pk}))
            if action == "sheet":
                sheet_form = forms.SheetForm(request.POST, prefix="sheet")
                if sheet_form.is_valid():
                    sheet_results = services.participants_register_sheet(
                        meeting=meeting,
                        text=sheet_form.cleaned_data["lines"],
                        eligibility_declared=sheet_form.cleaned_data["eligible"],
                        actor=request.user,
                    )
        except ValidationError as error:
            _error(request, error)
    context = {
        "meeting": meeting,
        "query": query,
        "known": selectors.known_residents(meeting=meeting, user=request.user, query=query) if query else [],
        "door_form": door_form,
        "sheet_form": sheet_form,
        "sheet_results": sheet_results,
        "count": meeting.participants.count(),
        "recent": meeting.participants.order_by("-registered_at", "-id")[:10],
        "register_url": self_registration_url(meeting),
    }
    if request.GET.get("partial") == "results":
        return render(request, "meetings/_door_results.html", context)
    return render(request, "meetings/staff_door.html", context)


def _registered_message(request, person: Participant, created: bool) -> None:
    if created:
        messages.success(request, _("%(name)s is registered.") % {"name": person.full_name})
    else:
        messages.info(request, _("%(name)s was already registered.") % {"name": person.full_name})


@login_required
@staff_required
def qr(request, pk: int):
    """The QR code of the self-registration page, to print or show on a screen at the entrance."""
    meeting = _meeting(request, pk)
    # A standalone SVG needs its namespace, or browsers do not draw it in <img> (svg_inline() omits it).
    out = io.BytesIO()
    segno.make(self_registration_url(meeting), error="m").save(out, kind="svg", scale=6, xmldecl=False)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")


@login_required
@staff_required
@require_POST
def video(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    try:
        if request.FILES.get("file"):
            form = forms.VideoUploadForm(request.POST, request.FILES)
            if not form.is_valid():
                raise ValidationError(list(form.errors.get("file") or [_("Choose a video file.")]))
            item = services.video_add_upload(meeting=meeting, upload=form.cleaned_data["file"], actor=request.user)
        else:
            form = forms.VideoLinkForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the link and the SHA-256 of the recording."))
            item = services.video_add_link(meeting=meeting, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Video recorded; SHA-256 %(sha)s.") % {"sha": item.sha256})
    return redirect("meetings_staff:workspace", pk=pk)


@login_required
@staff_required
@require_POST
def award(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    form = forms.AwardForm(request.POST, prefix="award")
    try:
        if not form.is_valid():
            raise ValidationError(_("Name the recipient and what the award is for."))
        services.award_add(meeting=meeting, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Award recorded."))
    return redirect("meetings_staff:workspace", pk=pk)


@login_required
@staff_required
@require_POST
def status(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    action = request.POST.get("action")
    try:
        if action == "held":
            services.meeting_mark_held(meeting=meeting, actor=request.user)
        elif action == "cancel":
            scheduling.meeting_cancel(meeting=meeting, actor=request.user, reason=request.POST.get("reason", ""))
        elif action == "close":
            services.meeting_close(meeting=meeting, actor=request.user)
        else:
            return HttpResponse(status=400)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The meeting is now %(status)s.") % {"status": MeetingStatus(meeting.status).label})
    return redirect("meetings_staff:workspace", pk=pk)


@login_required
@staff_required
@require_POST
def summary(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    form = forms.SummaryForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_summary_publish(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("The summary is published on the public page of the meeting."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("meetings_staff:workspace", pk=pk)
