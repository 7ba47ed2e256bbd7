"""Questions residents send before a report, and what became of each (Order 608 p.8.2; Order 652 p.27, p.31).

A question is bound to one meeting. Nothing a resident wrote is shown publicly before an inspector
accepts it; name and contact are optional and kept only with consent (Law on personal data arts. 7-9).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class QuestionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("waiting for moderation")
    ACCEPTED = "accepted", _("accepted for the meeting")
    MERGED = "merged", _("merged with a similar question")
    REJECTED = "rejected", _("rejected")
    ANSWERED_MEETING = "answered_meeting", _("answered at the meeting")
    ANSWERED_WRITING = "answered_writing", _("answered in writing")
    APPEAL = "appeal", _("registered as an appeal")


# The workflow, in plain Python: from a status, the statuses one service call may move a question to.
TRANSITIONS: dict[str, frozenset[str]] = {
    QuestionStatus.SUBMITTED: frozenset({QuestionStatus.ACCEPTED, QuestionStatus.MERGED, QuestionStatus.REJECTED}),
    QuestionStatus.ACCEPTED: frozenset(
        {
            QuestionStatus.MERGED,
            QuestionStatus.ANSWERED_MEETING,
            QuestionStatus.ANSWERED_WRITING,
            QuestionStatus.APPEAL,
        }
    ),
}
# Order 608 p.7, p.16; Order 652 p.31-32: an accepted question ends answered or checked as an appeal.
FINAL = frozenset(
    {
        QuestionStatus.MERGED,
        QuestionStatus.REJECTED,
        QuestionStatus.ANSWERED_MEETING,
        QuestionStatus.ANSWERED_WRITING,
        QuestionStatus.APPEAL,
    }
)
# What anonymous visitors may read: only moderated questions, never names or contacts.
PUBLIC_STATUSES = frozenset({QuestionStatus.ACCEPTED, QuestionStatus.ANSWERED_MEETING, QuestionStatus.ANSWERED_WRITING})


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


class Question(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="questions")
    text = models.TextField(_("question"))
    language = models.CharField(max_length=2, default="kk")
    author_name = models.CharField(_("name"), max_length=150, blank=True)
    contact = models.CharField(_("phone or email"), max_length=150, blank=True)
    # Law on personal data arts. 7-8: which consent text the person agreed to, and when.
    consent_version = models.CharField(max_length=20, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    tracking_code = models.CharField(max_length=10, unique=True)
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.SUBMITTED, db_index=True
    )
    reject_reason = models.CharField(_("reason"), max_length=500, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates")
    answer = models.TextField(_("answer"), blank=True)
    appeal_ref = models.CharField(_("appeal"), max_length=60, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Law on personal data arts. 8, 12, 18: when the name and contact were destroyed (retention or the
    # author's withdrawal of consent). The question itself, its status and dates stay.
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["meeting", "status"])]
        verbose_name = _("question in advance")
        verbose_name_plural = _("questions in advance")

    def __str__(self) -> str:
        return f"{self.display_code} · {self.text[:40]}"

    @property
    def display_code(self) -> str:
        return f"{self.tracking_code[:5]}-{self.tracking_code[5:]}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL


class QuestionNotice(models.Model):
    """The author was told that the question reached ``status`` (one row per question and status, which
    makes the notice idempotent). ``message_id`` is the outbox message; empty when the notice was covered by
    another one (the appeal's ticket) or the contact could not be used."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="notices")
    status = models.CharField(max_length=20, choices=QuestionStatus.choices)
    channel = models.CharField(max_length=5, blank=True)
    message_id = models.BigIntegerField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "question__meeting__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "status"], name="question_notice_once")]
        verbose_name = _("notice to the author")
        verbose_name_plural = _("notices to the author")

    def __str__(self) -> str:
        return f"{self.question_id} {self.status}"
