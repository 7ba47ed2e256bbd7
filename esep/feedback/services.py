"""The only code that writes ratings: a resident's rating (one per client per meeting, a new one replaces the
old), and the moderation of its comment by the staff of the meeting's body."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.feedback.models import SCORE_MAX, SCORE_MIN, TRANSITIONS, Answered, CommentStatus, Rating
from esep.meetings.models import Meeting, MeetingStatus

# Not a legal term: a policy choice. A month after a report people still remember it and have seen whether
# promises were kept; later ratings would say more about what happened since than about the report itself.
RATING_WINDOW = dt.timedelta(days=30)
COMMENT_MAX = 1000

OPEN, NOT_YET, CLOSED = "open", "not_yet", "closed"


def rating_state(meeting: Meeting, *, now: dt.datetime | None = None) -> str:
    """OPEN while a held or closed report is at most RATING_WINDOW old; NOT_YET before it is held (announced);
    CLOSED after the window, and for a cancelled meeting."""
    now = now or clock.now()
    if meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        end = meeting.ends_at or meeting.starts_at
        return OPEN if now <= end + RATING_WINDOW else CLOSED
    if meeting.status == MeetingStatus.CANCELLED:
        return CLOSED
    return NOT_YET


def rating_closes_at(meeting: Meeting) -> dt.datetime:
    return (meeting.ends_at or meeting.starts_at) + RATING_WINDOW


def client_key(client_id: str, meeting: Meeting) -> str:
    """A keyed hash of the client (esep.core.ratelimit.client_id) and the meeting: the same client rating the
    same meeting twice gets the same key; keys of different meetings cannot be matched to each other."""
    message = f"{client_id}:{meeting.pk}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"feedback:" + message, hashlib.sha256).hexdigest()


def rating_submit(
    *, meeting: Meeting, client_key: str, score: int, answered: str = "", comment: str = "", language: str = "kk"
) -> Rating:
    """Store a resident's rating, or replace the one this client gave this meeting before. A comment waits for
    moderation and is never shown before a staff member approves it."""
    comment = comment.strip()
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValidationError(_("Choose a score from 1 to 5."))
    if answered and answered not in Answered.values:
        raise ValidationError(_("Choose one of the answers."))
    if len(comment) > COMMENT_MAX:
        raise ValidationError(_("The comment is too long."))
    now = clock.now()
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if rating_state(locked, now=now) != OPEN:
            raise ValidationError(_("This report can no longer be rated."))
        rating = Rating.objects.select_for_update().filter(meeting=locked, client_key=client_key).first()
        replaced = rating is not None
        if rating is None:
            rating = Rating(meeting=locked, client_key=client_key, created_at=now)
        rating.score = score
        rating.answered = answered
        rating.comment = comment
        rating.comment_status = CommentStatus.PENDING if comment else CommentStatus.NONE
        rating.language = (language or "kk")[:2]
        rating.updated_at = now
        rating.moderated_at = None
        rating.moderated_by = None
        rating.save()
        audit_record(
            actor="resident",
            action="feedback.rating_replace" if replaced else "feedback.rating_submit",
            obj=rating,
            data={"meeting": locked.code, "score": score, "answered": answered, "comment": bool(comment)},
        )
        public_changed_on_commit()
    return rating


def _moderate(*, rating: Rating, actor: Any, status: str) -> Rating:
    if not can(actor, Action.MODERATE, rating):
        raise PermissionDenied
    with transaction.atomic():
        locked = Rating.objects.select_for_update().get(pk=rating.pk)
        if status not in TRANSITIONS.get(locked.comment_status, frozenset()):
            raise ValidationError(_("This comment has already been moderated."))
        locked.comment_status = status
        locked.moderated_at = clock.now()
        locked.moderated_by = actor
        locked.save(update_fields=["comment_status", "moderated_at", "moderated_by"])
        audit_record(actor=actor, action=f"feedback.comment_{status}", obj=locked, data={"meeting": locked.meeting_id})
        if status == CommentStatus.APPROVED:
            public_changed_on_commit()
    return locked


def rating_comment_approve(*, rating: Rating, actor: Any) -> Rating:
    """Publish a resident's comment on the meeting page (staff of the meeting's body only)."""
    return _moderate(rating=rating, actor=actor, status=CommentStatus.APPROVED)


def rating_comment_reject(*, rating: Rating, actor: Any) -> Rating:
    """Keep a comment private (insults, personal data, off topic); the score still counts."""
    return _moderate(rating=rating, actor=actor, status=CommentStatus.REJECTED)
