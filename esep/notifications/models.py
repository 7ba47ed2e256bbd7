"""Outbox of email and SMS with delivery records.

A message is written in the caller's transaction (``services.notify``), so a change that is rolled back
sends nothing; ``esep notifications send`` drains the queue afterwards. Every attempt, error and delivery
report stays on the row: АППК art. 65 and Order 608 p.17 require that the person *was notified*, and this
row is the evidence.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class Channel(models.TextChoices):
    EMAIL = "email", _("email")
    SMS = "sms", _("SMS")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    DELIVERED = "delivered", _("delivered")


class Message(models.Model):
    """One email or SMS. ``related_type`` (app_label.model) and ``related_id`` name what it is about."""

    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    to = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, default="kk")
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When the next attempt may be made: backoff after a failure, a lease while a sender holds it.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    related_type = models.CharField(max_length=80, blank=True)
    related_id = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["related_type", "related_id"]),
            models.Index(fields=["status", "next_attempt_at"]),
        ]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.masked_to} ({self.get_status_display()})"

    @property
    def masked_to(self) -> str:
        """The recipient with the middle hidden, for lists that staff read over a shoulder."""
        value = self.to
        if self.channel == Channel.EMAIL and "@" in value:
            local, _at, domain = value.partition("@")
            return f"{local[:2]}***@{domain}"
        return f"{value[:4]}***{value[-2:]}" if len(value) > 6 else "***"
