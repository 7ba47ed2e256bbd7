"""Accountability after a report (Order 608 p.13, 19, 6.7; Order 652 p.30, 32-33).

- ``ReportPublication`` and ``ItemPublication``: what staff chose to publish of a held report, every
  resident-written text passed through ``esep.accountability.redaction`` and checked by a person first.
- ``DecisionReminder``: one row per (decision, kind); the unique key makes ``esep accountability sweep``
  send each reminder once on any number of servers.
- ``WaitingQuestion``: a question to a precinct's inspector sent while no report is announced; it joins
  the precinct's next announced report or becomes an appeal under the АППК.
- ``Subscription`` / ``SubscriptionNotice``: e-mail alerts for a precinct, a body or a region, with double
  opt-in and one-click unsubscribe (Law on personal data arts. 7-8: consent recorded with its wording).
- ``FixCheck``: "was it fixed?" asked once, a month after an item was answered or a decision was due
  (Order 608 p.6.7: monitoring of public opinion).
- ``ObserverNote``: what a public council member who attended a held report observed, published by its
  author beside the report (parliament speech, sixth conclusion: public councils control the local police).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ReportPublication(models.Model):
    """Staff's choice of what of a held report residents see (Law on personal data art. 7: only what the
    purpose needs). Without this row a held report's page shows none of the minutes."""

    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="report_publication")
    public_place = models.CharField(_("place, as published"), max_length=300, blank=True)
    public_agenda = models.TextField(_("agenda, as published"), blank=True)
    show_decisions = models.BooleanField(_("publish the decisions and their progress"), default=True)
    show_items = models.BooleanField(_("publish the checked complaints, proposals and remarks"), default=True)
    show_video = models.BooleanField(_("publish the video link"), default=False)
    show_minutes = models.BooleanField(_("publish the minutes without personal data (PDF)"), default=True)
    # The names Esep held for the meeting when it was published (participants, persons in the minutes,
    # question authors...): the redaction of texts that change later (progress of decisions) uses them
    # without reading every table again on each page view. Cleared with the meeting's other personal data.
    known_names = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_body_field = "meeting__body"

    class Meta:
        verbose_name = _("published report")
        verbose_name_plural = _("published reports")

    def __str__(self) -> str:
        return str(self.meeting_id)


class ItemPublication(models.Model):
    """A complaint, proposal or remark as residents read it: the redacted text, checked by a staff member."""

    item = models.OneToOneField("protocols.ProtocolItem", on_delete=models.CASCADE, related_name="publication")
    public_text = models.TextField(_("text as published"))
    public_answer = models.TextField(_("answer as published"), blank=True)
    publish = models.BooleanField(_("publish"), default=False)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    checked_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "item__protocol__meeting__body"

    class Meta:
        verbose_name = _("published item")
        verbose_name_plural = _("published items")

    def __str__(self) -> str:
        return self.public_text[:60]


class DecisionReminderKind(models.TextChoices):
    BEFORE = "before", _("the due date is near")
    DUE_DAY = "due_day", _("due today")
    OVERDUE = "overdue", _("overdue: escalated to the chief")


class DecisionReminder(models.Model):
    decision = models.ForeignKey("protocols.Decision", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=DecisionReminderKind.choices)
    for_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    scope_body_field = "decision__protocol__meeting__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "kind", "for_date"], name="decision_reminder_once")]
        verbose_name = _("decision reminder")
        verbose_name_plural = _("decision reminders")

    def __str__(self) -> str:
        return f"{self.decision_id} {self.kind} {self.for_date}"


class WaitingStatus(models.TextChoices):
    WAITING = "waiting", _("waiting for the next report")
    JOINED = "joined", _("joined the questions of the next report")
    APPEAL = "appeal", _("registered as an appeal")


class WaitingQuestion(models.Model):
    """A question to the precinct's inspector while no report is announced (the poster's QR code always
    works). Name and contact only with consent, as for questions in advance."""

    precinct = models.ForeignKey("police.Precinct", on_delete=models.PROTECT, related_name="waiting_questions")
    text = models.TextField(_("question"))
    language = models.CharField(max_length=2, default="kk")
    author_name = models.CharField(_("name"), max_length=150, blank=True)
    contact = models.CharField(_("phone or email"), max_length=150, blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    tracking_code = models.CharField(max_length=10, unique=True)
    status = models.CharField(max_length=10, choices=WaitingStatus.choices, default=WaitingStatus.WAITING)
    question = models.OneToOneField(
        "questions.Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="waited_as"
    )
    appeal_code = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Set when retention destroyed the name and contact (esep.workflows.retention); the text stays.
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "precinct__body"

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("question waiting for a report")
        verbose_name_plural = _("questions waiting for a report")

    def __str__(self) -> str:
        return f"{self.tracking_code} · {self.text[:40]}"

    @property
    def body(self):
        return self.precinct.body

    @property
    def display_code(self) -> str:
        return f"{self.tracking_code[:5]}-{self.tracking_code[5:]}"


class FollowScope(models.TextChoices):
    PRECINCT = "precinct", _("a precinct")
    BODY = "body", _("a police body")
    REGION = "region", _("a region")


class Subscription(models.Model):
    """E-mail alerts about reports of a precinct, a police body or a region. Nothing is sent before the
    address is confirmed (double opt-in); each message carries a one-click unsubscribe link."""

    email = models.EmailField(_("email"))
    scope = models.CharField(max_length=10, choices=FollowScope.choices)
    precinct = models.ForeignKey("police.Precinct", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey("police.PoliceBody", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("territory.Territory", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=2, default="kk")
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    consent_version = models.CharField(max_length=20)
    consent_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "confirmed_at", "unsubscribed_at"])]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return f"{self.scope} {self.precinct_id or self.body_id or self.region_id}"

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class SubscriptionEvent(models.TextChoices):
    NEW_REPORT = "new", _("a new report is announced")
    DATE_CHANGED = "date", _("the date of a report changed")
    RESULTS = "results", _("the results of a report are published")


class SubscriptionNotice(models.Model):
    """One message per (subscription, meeting, event, key): the unique key makes alerts idempotent."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="notices")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=10, choices=SubscriptionEvent.choices)
    key = models.CharField(max_length=40, blank=True)
    message_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "meeting", "event", "key"], name="subscription_notice_once")
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} {self.meeting_id} {self.event}"


class FixAnswer(models.TextChoices):
    SOLVED = "solved", _("solved")
    NOT_SOLVED = "not_solved", _("not solved")


class CommentStatus(models.TextChoices):
    NONE = "none", _("No comment")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class FixCheck(models.Model):
    """ "Was it fixed?": one question to the person who raised an item, a month after it was answered or
    its decision was due (Order 608 p.6.7). Only to a contact left with consent; asked once."""

    item = models.OneToOneField(
        "protocols.ProtocolItem", null=True, blank=True, on_delete=models.CASCADE, related_name="fix_check"
    )
    question = models.OneToOneField(
        "questions.Question", null=True, blank=True, on_delete=models.CASCADE, related_name="fix_check"
    )
    precinct = models.ForeignKey("police.Precinct", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="fix_checks")
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=2, default="kk")
    asked_at = models.DateTimeField()
    message_id = models.BigIntegerField(null=True, blank=True)
    answer = models.CharField(max_length=12, choices=FixAnswer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    comment_status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.NONE)

    scope_body_field = "meeting__body"

    class Meta:
        verbose_name = _('"was it fixed?" question')
        verbose_name_plural = _('"was it fixed?" questions')

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.answer or '-'}"


class ObserverNote(models.Model):
    """A public council member's note on a held report of the council's territory, written from the back
    office after the meeting (``esep.accountability.observers``). Residents see ``public_text`` (the text
    passed through ``esep.accountability.redaction``) once the author publishes it; the police body cannot
    edit or hide it. One note per member per meeting."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="observer_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(_("author"), max_length=200)  # kept if the account is removed
    text = models.TextField(_("note"))
    public_text = models.TextField(_("note as published"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "author"], name="observer_note_once_per_author")]
        verbose_name = _("observer note")
        verbose_name_plural = _("observer notes")

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.author_name}"
