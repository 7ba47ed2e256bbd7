"""Residents' ratings of a held report: the "residents rate their inspector" of the parliamentary speech
(its fourth and sixth conclusions), so that public councils and the akimat can take them into account.

No name or contact is asked: a rating carries no personal data. One rating per client per meeting is kept
by ``client_key``, a keyed hash of the connection and the meeting (not the address itself, and not the same
value across meetings, so ratings of different reports cannot be linked to one person).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Answered(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    DID_NOT_ASK = "did_not_ask", _("I did not ask")


class CommentStatus(models.TextChoices):
    NONE = "none", _("No comment")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# Comment moderation: pending -> approved | rejected. A new rating from the same client starts over.
TRANSITIONS: dict[str, frozenset[str]] = {
    CommentStatus.PENDING: frozenset({CommentStatus.APPROVED, CommentStatus.REJECTED}),
}

SCORE_MIN, SCORE_MAX = 1, 5


class Rating(models.Model):
    """One resident's rating of one held report; a later rating by the same client replaces it."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="ratings")
    client_key = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)])
    answered = models.CharField(max_length=12, choices=Answered.choices, blank=True)
    comment = models.TextField(blank=True)
    comment_status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.NONE)
    language = models.CharField(max_length=2, default="kk")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_body_field = "meeting__body"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "client_key"], name="feedback_one_rating_per_client"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="feedback_score_1_5"),
        ]
        indexes = [models.Index(fields=["comment_status", "meeting"])]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.score}"
