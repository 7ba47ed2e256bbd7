"""Back-office pages of accountability: publish a held report (every text checked), questions waiting for
a report, "was it fixed?" comments to moderate, a public council member's observer notes. Every query goes
through ``restrict``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accountability import fixcheck, observers, publication, waiting
from esep.accountability.models import CommentStatus, FixCheck, ObserverNote, WaitingQuestion, WaitingStatus
from esep.accounts.permissions import Action, restrict
from esep.core.staff import staff_required
from esep.meetings.models import Meeting

TEXT_MAX = 5000


@login_required
@staff_required
def publish(request, meeting_pk: int):
    meeting = get_object_or_404(
        restrict(Meeting.objects.select_related("body"), request.user, Action.VIEW), pk=meeting_pk
    )
    if not hasattr(meeting, "protocol"):
        raise Http404(_("This report has no minutes yet."))
    status = 200
    if request.method == "POST":
        post = request.POST
        items = {}
        for item in meeting.protocol.items.all():
            items[item.pk] = {
                "text": post.get(f"item-{item.pk}-text", "")[:TEXT_MAX],
                "answer": post.get(f"item-{item.pk}-answer", "")[:TEXT_MAX],
                "publish": post.get(f"item-{item.pk}-publish") == "on",
            }
        try:
            publication.report_publish(
                meeting=meeting,
                actor=request.user,
                place=post.get("place", "")[:300],
                agenda=post.get("agenda", "")[:20000],
                show_decisions=post.get("show_decisions") == "on",
                show_items=post.get("show_items") == "on",
                show_video=post.get("show_video") == "on",
                show_minutes=post.get("show_minutes") == "on",
                items=items,
            )
        except PermissionDenied:
            raise
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            status = 400
        else:
            messages.success(request, _("The report is published for residents."))
            return redirect("accountability_staff:publish", meeting_pk=meeting.pk)
    context = {"meeting": meeting, **publication.draft_texts(meeting)}
    return render(request, "accountability/staff_publish.html", context, status=status)


@login_required
@staff_required
def waiting_list(request):
    rows = (
        restrict(WaitingQuestion.objects.all(), request.user, Action.VIEW)
        .filter(status=WaitingStatus.WAITING)
        .select_related("precinct", "precinct__body")
        .order_by("created_at")[:200]
    )
    return render(request, "accountability/staff_waiting.html", {"rows": list(rows)})


@login_required
@staff_required
@require_POST
def waiting_to_appeal(request, pk: int):
    row = restrict(WaitingQuestion.objects.all(), request.user, Action.CHANGE).filter(pk=pk).first()
    if row is None:
        raise Http404(_("No such question."))
    try:
        row = waiting.waiting_question_to_appeal(row=row, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Registered as an appeal %(code)s.") % {"code": row.appeal_code})
    return redirect("accountability_staff:waiting")


@login_required
@staff_required
def comments(request):
    rows = (
        restrict(FixCheck.objects.all(), request.user, Action.VIEW)
        .filter(comment_status=CommentStatus.PENDING)
        .select_related("meeting", "meeting__body")
        .order_by("answered_at")[:200]
    )
    return render(request, "accountability/staff_comments.html", {"rows": list(rows)})


@login_required
@staff_required
@require_POST
def moderate(request, pk: int, action: str):
    if action not in {"approve", "reject"}:
        raise Http404(_("No such action."))
    check = restrict(FixCheck.objects.all(), request.user, Action.CHANGE).filter(pk=pk).first()
    if check is None:
        raise Http404(_("No such comment."))
    try:
        fixcheck.fixcheck_moderate(check=check, approve=action == "approve", actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("accountability_staff:comments")


# --- observer notes of a public council member --------------------------------------------------------------


@login_required
@staff_required
def observer_list(request):
    meetings = list(observers.observable_meetings(request.user)[:100])
    if not meetings and not observers.may_observe(request.user):
        raise PermissionDenied
    noted = set(
        ObserverNote.objects.filter(author=request.user, meeting__in=meetings).values_list("meeting_id", flat=True)
    )
    return render(request, "accountability/staff_observer_list.html", {"rows": [(m, m.pk in noted) for m in meetings]})


@login_required
@staff_required
def observer_note(request, meeting_pk: int):
    meeting = observers.observable_meetings(request.user).filter(pk=meeting_pk).first()
    if meeting is None:
        raise Http404(_("No such report."))
    note = observers.own_note(meeting, request.user)
    status = 200
    if request.method == "POST":
        text = request.POST.get("text", "")[: observers.NOTE_MAX + 1]
        try:
            note = observers.observer_note_save(
                meeting=meeting, actor=request.user, text=text, publish=request.POST.get("publish") == "1"
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            status = 400
        else:
            messages.success(
                request, _("The note is published on the report's page.") if note.published else _("The note is saved.")
            )
            return redirect("accountability_staff:observer_note", meeting_pk=meeting.pk)
    context = {"meeting": meeting, "note": note, "text": request.POST.get("text") if status == 400 else None}
    return render(request, "accountability/staff_observer_note.html", context, status=status)


@login_required
@staff_required
@require_POST
def observer_withdraw(request, meeting_pk: int):
    note = ObserverNote.objects.filter(meeting_id=meeting_pk, author=request.user).first()
    if note is None:
        raise Http404(_("No such note."))
    try:
        observers.observer_note_withdraw(note=note, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The note is taken off the report's page."))
    return redirect("accountability_staff:observer_note", meeting_pk=meeting_pk)
