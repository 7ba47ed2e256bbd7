"""The outbox: ``notify`` enqueues, ``messages_send`` drains, ``message_mark_delivered`` records delivery.

Guarantees:
- ``notify`` writes the message in the caller's transaction: a rolled-back change sends nothing.
- ``messages_send`` may run on several servers at once: each message is claimed under
  ``select_for_update(skip_locked=True)`` (PostgreSQL) and leased, so two senders never take the same row.
  A sender that dies mid-send leaves a lease that expires; the message is then retried (at-least-once).
- Failures are retried with growing pauses; after ``MAX_ATTEMPTS`` the message is ``failed`` for good.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import connection, models, transaction
from django.db.models import Q

from esep.core import clock
from esep.notifications.backends import sms_backend
from esep.notifications.models import Channel, Message, MessageStatus

# Pause before attempt n+1 after n failed attempts (minutes); the last entry repeats.
BACKOFF_MINUTES = (1, 5, 30, 120, 720)
MAX_ATTEMPTS = 6
LEASE = dt.timedelta(minutes=10)
LANGS = ("kk", "ru", "en")


def contact_channel(contact: str) -> tuple[str, str] | None:
    """(channel, normalised address) for what a person wrote as their contact, or None if it is neither
    an email address nor a Kazakhstan phone number."""
    value = (contact or "").strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            return None
        return Channel.EMAIL, value
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits[0] in "78":
        return Channel.SMS, "+7" + digits[1:]
    if len(digits) == 10 and digits[0] == "7":
        return Channel.SMS, "+7" + digits
    return None


def related_key(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


def notify(
    *, channel: str, to: str, subject: str, body: str, related: models.Model | None = None, language: str = "kk"
) -> Message:
    """Queue one email or SMS in the caller's transaction. Raises ValueError for an unknown channel or an
    address that is not valid for it (callers check contacts with ``contact_channel`` first)."""
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    parsed = contact_channel(to)
    if parsed is None or parsed[0] != channel:
        raise ValueError(f"{to!r} is not a valid {channel} address")
    related_type, related_id = related_key(related)
    return Message.objects.create(
        channel=channel,
        to=parsed[1],
        subject=(subject or "")[:300],
        body=body,
        language=language if language in LANGS else "kk",
        related_type=related_type,
        related_id=related_id,
        next_attempt_at=clock.now(),
    )


@dataclass
class SendResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def _claim(limit: int, now: dt.datetime) -> list[Message]:
    """Take up to ``limit`` due messages and lease them to this sender, in one short transaction."""
    due = Q(status=MessageStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=MessageStatus.SENDING, next_attempt_at__lte=now
    )
    with transaction.atomic():
        qs = Message.objects.filter(due).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        claimed = list(qs[:limit])
        for msg in claimed:
            msg.status = MessageStatus.SENDING
            msg.attempts += 1
            msg.next_attempt_at = now + LEASE
        Message.objects.bulk_update(claimed, ["status", "attempts", "next_attempt_at"])
    return claimed


def _deliver(msg: Message) -> str:
    if msg.channel == Channel.EMAIL:
        email = EmailMessage(subject=msg.subject, body=msg.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[msg.to])
        email.extra_headers["X-Esep-Message"] = str(msg.pk)
        email.send(fail_silently=False)
        return ""
    return sms_backend().send(msg) or ""


def _backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def messages_send(*, limit: int = 100, now: dt.datetime | None = None) -> SendResult:
    """Send what is due. Safe to run every minute on several servers at once."""
    result = SendResult()
    now = now or clock.now()
    for msg in _claim(limit, now):
        try:
            provider_id = _deliver(msg)
        except Exception as exc:  # any backend failure is recorded and retried
            error = f"{type(exc).__name__}: {exc}"[:2000]
            if msg.attempts >= MAX_ATTEMPTS:
                fields: dict[str, Any] = {"status": MessageStatus.FAILED, "next_attempt_at": None}
                result.failed += 1
            else:
                fields = {"status": MessageStatus.QUEUED, "next_attempt_at": clock.now() + _backoff(msg.attempts)}
                result.retried += 1
            Message.objects.filter(pk=msg.pk, status=MessageStatus.SENDING).update(last_error=error, **fields)
            continue
        Message.objects.filter(pk=msg.pk, status=MessageStatus.SENDING).update(
            status=MessageStatus.SENT, sent_at=clock.now(), provider_id=provider_id[:100], next_attempt_at=None
        )
        result.sent += 1
    return result


def message_mark_delivered(
    *, message: Message | None = None, provider_id: str = "", delivered_at: dt.datetime | None = None
) -> Message | None:
    """Delivery-report hook (a gateway callback or a mail bounce processor calls it). Idempotent: the first
    report's time is kept. Returns the message, or None if no message matches ``provider_id``."""
    with transaction.atomic():
        qs = Message.objects.select_for_update()
        if message is not None:
            msg = qs.get(pk=message.pk)
        elif provider_id:
            msg = qs.filter(provider_id=provider_id).first()
            if msg is None:
                return None
        else:
            raise ValueError("message or provider_id is required")
        if msg.status != MessageStatus.DELIVERED:
            msg.status = MessageStatus.DELIVERED
            msg.delivered_at = delivered_at or clock.now()
            msg.sent_at = msg.sent_at or msg.delivered_at
            msg.next_attempt_at = None
            msg.save(update_fields=["status", "delivered_at", "sent_at", "next_attempt_at"])
    return msg


# --- personal data (Law on personal data arts. 8, 12, 18) ---------------------------------------------

TERMINAL = (MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED)


def messages_forget(*, related: models.Model, values: list[str], replacement: str = "[—]") -> int:
    """Forget a person's name or contact in the messages about ``related`` (their consent withdrawn, or the
    retention term of the object passed): the recipient address, when it is one of ``values``, is emptied
    (a message not yet sent to it is then never sent: failed, "consent withdrawn"), and ``values`` are
    replaced in subjects and bodies. The rows stay as evidence that notices were sent. Returns how many
    messages changed."""
    values = [v for v in {(v or "").strip() for v in values} if v]
    if not values:
        return 0
    addresses = set(values) | {parsed[1] for v in values if (parsed := contact_channel(v))}
    related_type, related_id = related_key(related)
    changed = 0
    with transaction.atomic():
        for msg in Message.objects.select_for_update().filter(related_type=related_type, related_id=related_id):
            fields: list[str] = []
            if msg.to in addresses:
                msg.to = ""
                fields.append("to")
                if msg.status not in TERMINAL:
                    msg.status, msg.next_attempt_at = MessageStatus.FAILED, None
                    msg.last_error = "the recipient's contact was deleted (consent withdrawn or retention)"
                    fields += ["status", "next_attempt_at", "last_error"]
            subject, body = msg.subject, msg.body
            for value in values:
                subject, body = subject.replace(value, replacement), body.replace(value, replacement)
            if (subject, body) != (msg.subject, msg.body):
                msg.subject, msg.body = subject, body
                fields += ["subject", "body"]
            if fields:
                msg.save(update_fields=fields)
                changed += 1
    return changed


def messages_forget_recipients(*, finished_before: dt.datetime) -> int:
    """Empty the recipient address of messages sent, delivered or failed for good before
    ``finished_before`` (the cut-off comes from the retention rule; the caller records the destruction).
    Status, times, channel and text stay. Idempotent: a second call finds nothing."""
    done = Q(status__in=[MessageStatus.SENT, MessageStatus.DELIVERED]) & (
        Q(delivered_at__lt=finished_before) | Q(delivered_at__isnull=True, sent_at__lt=finished_before)
    )
    failed = Q(status=MessageStatus.FAILED, created_at__lt=finished_before)
    return Message.objects.filter(done | failed).exclude(to="").update(to="")
