"""The inspector's moderation queue: accept, merge duplicates, reject with a reason; then close each
accepted question as answered at the meeting, answered in writing, or turned into an appeal."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, can, restrict
from esep.core.staff import staff_required
from esep.questions import services
from esep.questions.forms import AnswerForm, MergeForm, NoteForm, RejectForm
from esep.questions.models import Question, QuestionStatus
from esep.questions.selectors import moderation_queue
from esep.workflows.question_appeal import question_to_appeal

TABS = (QuestionStatus.SUBMITTED, QuestionStatus.ACCEPTED)


@login_required
@staff_required
def queue(request):
    status = request.GET.get("status", QuestionStatus.SUBMITTED)
    if status not in TABS:
        status = QuestionStatus.SUBMITTED
    rows = list(moderation_queue(request.user, status=status)[:300])
    accepted: dict[int, list[Question]] = {}
    for q in moderation_queue(request.user, status=QuestionStatus.ACCEPTED).filter(
        meeting_id__in={r.meeting_id for r in rows}
    ):
        accepted.setdefault(q.meeting_id, []).append(q)
    return render(
        request,
        "questions/queue.html",
        {
            "rows": [(q, [a for a in accepted.get(q.meeting_id, []) if a.pk != q.pk]) for q in rows],
            "status": status,
            "tabs": [(s, QuestionStatus(s).label) for s in TABS],
        },
    )


def _act(request, pk: int, action: str) -> None:
    question = restrict(Question.objects.select_related("meeting"), request.user, Action.VIEW).filter(pk=pk).first()
    if question is None:
        raise Http404(_("No such question."))
    needed = Action.MODERATE if action in {"accept", "reject", "merge"} else Action.CHANGE
    if not can(request.user, needed, question):
        raise PermissionDenied
    actor = request.user
    if action == "accept":
        services.question_accept(question=question, actor=actor)
    elif action == "reject":
        form = RejectForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Give the reason: the author will read it."))
        services.question_reject(question=question, reason=form.cleaned_data["reason"], actor=actor)
    elif action == "merge":
        form = MergeForm(request.POST)
        into = (
            Question.objects.filter(pk=form.cleaned_data["into"], meeting_id=question.meeting_id).first()
            if form.is_valid()
            else None
        )
        if into is None:
            raise ValidationError(_("Choose the question to merge into."))
        services.question_merge(question=question, into=into, actor=actor)
    elif action == "answered":
        form = NoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        services.question_answer_at_meeting(question=question, actor=actor, note=note)
    elif action == "written":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Write the answer."))
        services.question_answer_in_writing(question=question, answer=form.cleaned_data["answer"], actor=actor)
    elif action == "appeal":
        question_to_appeal(question=question, actor=actor)
    else:
        raise Http404


@login_required
@staff_required
@require_POST
def act(request, pk: int, action: str):
    try:
        _act(request, pk, action)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Done."))
    back = request.POST.get("status", QuestionStatus.SUBMITTED)
    return redirect(reverse("questions_staff:queue") + f"?status={back if back in TABS else ''}")
