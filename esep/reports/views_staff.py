"""The report workspace of a meeting: one block per required section, prefilled, edited, published."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.core.staff import staff_required
from esep.meetings.models import Meeting
from esep.reports import services
from esep.reports.models import Block, PublicationSubject, Report
from esep.reports.present import report_view
from esep.reports.sources import SOURCES


def _meeting(request, pk: int, action=Action.VIEW) -> Meeting:
    meeting = restrict(Meeting.objects.select_related("body__territory"), request.user, action).filter(pk=pk).first()
    if meeting is None:
        raise Http404(_("No such meeting."))
    return meeting


def _block(request, pk: int) -> Block:
    block = restrict(Block.objects.select_related("report__meeting"), request.user, Action.CHANGE).filter(pk=pk).first()
    if block is None:
        raise Http404(_("No such section."))
    return block


@login_required
@staff_required
def workspace(request, pk: int):
    meeting = _meeting(request, pk)
    report = Report.objects.filter(meeting=meeting).first()
    lang = get_language() if get_language() in ("kk", "ru") else "kk"
    view = report_view(report, lang) if report else None
    return render(
        request,
        "reports/workspace.html",
        {
            "meeting": meeting,
            "report": report,
            "view": view,
            "can_change": can(request.user, Action.CHANGE, meeting),
            "sources": list(SOURCES.items()),
            "subjects": PublicationSubject.choices,
            "publications": list(meeting.media_publications.all()),
        },
    )


@login_required
@staff_required
@require_POST
def prepare(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    services.report_prepare(meeting=meeting, actor=request.user)
    messages.success(request, _("The report's sections are prepared from Esep's data. Check and complete each one."))
    return redirect("reports_staff:workspace", pk=meeting.pk)


@login_required
@staff_required
@require_POST
def block_edit(request, pk: int):
    block = _block(request, pk)
    try:
        services.block_update(
            block=block,
            text_kk=request.POST.get("text_kk", ""),
            text_ru=request.POST.get("text_ru", ""),
            sources=request.POST.getlist("sources"),
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The section is saved."))
    return redirect(f"{_workspace_url(block)}#b-{block.section}")


@login_required
@staff_required
@require_POST
def block_refill(request, pk: int):
    block = _block(request, pk)
    services.block_refill(block=block, actor=request.user)
    messages.success(request, _("The section is prefilled again from today's data."))
    return redirect(f"{_workspace_url(block)}#b-{block.section}")


def _workspace_url(block: Block) -> str:
    from django.urls import reverse

    return reverse("reports_staff:workspace", kwargs={"pk": block.report.meeting_id})


@login_required
@staff_required
@require_POST
def publish(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    report = Report.objects.filter(meeting=meeting).first()
    if report is None:
        raise Http404(_("The report is not prepared yet."))
    try:
        if request.POST.get("action") == "withdraw":
            services.report_withdraw(report=report, actor=request.user)
            messages.success(request, _("The report is withdrawn from the public page."))
        else:
            services.report_publish(report=report, actor=request.user)
            messages.success(request, _("The report is published on the meeting's public page."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("reports_staff:workspace", pk=meeting.pk)


@login_required
@staff_required
@require_POST
def media_add(request, pk: int):
    meeting = _meeting(request, pk, Action.CHANGE)
    try:
        published_on = dt.date.fromisoformat(request.POST.get("published_on", ""))
    except ValueError:
        messages.error(request, _("Give the publication date."))
        return redirect("reports_staff:workspace", pk=meeting.pk)
    url = request.POST.get("url", "").strip()
    if url and not url.startswith(("http://", "https://")):
        messages.error(request, _("The link must start with http:// or https://."))
        return redirect("reports_staff:workspace", pk=meeting.pk)
    scan = request.FILES.get("scan")
    if scan is not None and scan.size > 10 * 1024 * 1024:
        messages.error(request, _("The scan is larger than 10 MB."))
        return redirect("reports_staff:workspace", pk=meeting.pk)
    try:
        services.media_publication_add(
            meeting=meeting,
            subject=request.POST.get("subject", ""),
            outlet=request.POST.get("outlet", ""),
            published_on=published_on,
            url=url[:500],
            scan=scan,
            actor=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The publication is registered."))
    return redirect("reports_staff:workspace", pk=meeting.pk)
