"""Reads of questions: the author's view by tracking code, the public list of a meeting, the staff queue."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from esep.accounts.permissions import Action, restrict
from esep.questions.codes import clean_code
from esep.questions.models import PUBLIC_STATUSES, Question, QuestionStatus


def question_by_code(raw_code: str) -> Question | None:
    code = clean_code(raw_code)
    if code is None:
        return None
    return Question.objects.select_related("meeting", "meeting__body", "merged_into").filter(tracking_code=code).first()


def public_questions(meeting_id: int) -> QuerySet[Question]:
    """Moderated questions only; never the author's name or contact."""
    return Question.objects.filter(meeting_id=meeting_id, status__in=PUBLIC_STATUSES).only(
        "id", "text", "status", "meeting_id", "created_at"
    )


def moderation_queue(user: Any, *, status: str = QuestionStatus.SUBMITTED) -> QuerySet[Question]:
    return (
        restrict(Question.objects.all(), user, Action.VIEW)
        .filter(status=status)
        .select_related("meeting", "meeting__body")
        .order_by("meeting__starts_at", "created_at")
    )
