"""Staff pages: publish a meeting, record the channels with proof, copy the texts, print the poster."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can
from esep.announcements import selectors, services
from esep.announcements.forms import ChannelForm, PublishForm
from esep.core.staff import staff_required


def _meeting(request, pk: int):
    meeting = selectors.meeting_for_staff(request.user, pk)
    if meeting is None:
        raise Http404(_("No such meeting."))
    return meeting


def _announcement(meeting):
    try:
        return meeting.announcement
    except meeting._meta.model.announcement.RelatedObjectDoesNotExist:
        return None


@login_required
@staff_required
def meeting_list(request):
    rows = [
        (m, services.notice_days_left(m), _announcement(m)) for m in selectors.meetings_to_announce(request.user)[:200]
    ]
    return render(request, "announcements/list.html", {"rows": rows})


@login_required
@staff_required
def meeting_detail(request, pk: int):
    meeting = _meeting(request, pk)
    from django.utils import timezone

    required, cited = services.notice_rule(
        timezone.localdate(meeting.starts_at), meeting.kind, lang=request.LANGUAGE_CODE
    )
    return render(
        request,
        "announcements/detail.html",
        {
            "meeting": meeting,
            "announcement": _announcement(meeting),
            "days_left": services.notice_days_left(meeting),
            "required": required,
            "citation": cited,
            "publish_form": PublishForm(),
            "channel_form": ChannelForm(),
            "can_change": can(request.user, Action.PUBLISH, meeting),
        },
    )


@login_required
@staff_required
@require_POST
def publish(request, pk: int):
    meeting = _meeting(request, pk)
    if not can(request.user, Action.PUBLISH, meeting):
        raise PermissionDenied
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            services.announcement_publish(
                meeting=meeting, actor=request.user, late_reason=form.cleaned_data["late_reason"]
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The meeting is published."))
    return redirect("announcements_staff:detail", pk=meeting.pk)


@login_required
@staff_required
@require_POST
def channel_add(request, pk: int):
    meeting = _meeting(request, pk)
    announcement = _announcement(meeting)
    if announcement is None or not can(request.user, Action.PUBLISH, meeting):
        raise PermissionDenied
    form = ChannelForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.announcement_channel_record(
                announcement=announcement, actor=request.user, **{k: v for k, v in form.cleaned_data.items() if v}
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The channel is recorded."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("announcements_staff:detail", pk=meeting.pk)
