import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from esep.notifications.backends import LocmemSmsBackend
from esep.notifications.models import Channel, Message, MessageStatus
from esep.notifications.services import (
    MAX_ATTEMPTS,
    contact_channel,
    message_mark_delivered,
    messages_send,
    notify,
)
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sms_outbox():
    LocmemSmsBackend.outbox = []
    LocmemSmsBackend.fail_next = 0
    yield
    LocmemSmsBackend.outbox = []
    LocmemSmsBackend.fail_next = 0


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("aigul@example.kz", (Channel.EMAIL, "aigul@example.kz")),
        ("+7 (701) 234-56-78", (Channel.SMS, "+77012345678")),
        ("8 701 234 56 78", (Channel.SMS, "+77012345678")),
        ("7012345678", (Channel.SMS, "+77012345678")),
        ("not a contact", None),
        ("a@b", None),
        ("", None),
    ],
)
def test_contact_channel(contact, expected):
    assert contact_channel(contact) == expected


def test_notify_queues_with_related_object():
    body = f.body()
    msg = notify(channel="sms", to="8 701 234 56 78", subject="s", body="Сіздің өтінішіңіз тіркелді", related=body)
    assert msg.status == MessageStatus.QUEUED
    assert msg.to == "+77012345678"
    assert (msg.related_type, msg.related_id) == ("police.policebody", str(body.pk))
    assert msg.language == "kk"


def test_notify_rejects_wrong_address():
    with pytest.raises(ValueError):
        notify(channel="email", to="+77012345678", subject="s", body="b")
    with pytest.raises(ValueError):
        notify(channel="fax", to="a@example.kz", subject="s", body="b")


def test_rolled_back_change_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(channel="email", to="a@example.kz", subject="s", body="b")
        raise RuntimeError("the change failed")
    assert messages_send().sent == 0
    assert mail.outbox == []


def test_send_email_and_sms_then_delivery_report():
    notify(channel="email", to="a@example.kz", subject="Өтініш", body="Тіркелді", language="kk")
    sms = notify(channel="sms", to="+77012345678", subject="", body="Тіркелді")
    result = messages_send()
    assert result.sent == 2
    assert [m.to for m in mail.outbox] == [["a@example.kz"]]
    assert mail.outbox[0].subject == "Өтініш"
    assert [s["to"] for s in LocmemSmsBackend.outbox] == ["+77012345678"]
    sms.refresh_from_db()
    assert sms.status == MessageStatus.SENT and sms.sent_at and sms.attempts == 1
    # Running again sends nothing twice.
    assert messages_send().sent == 0
    assert len(mail.outbox) == 1
    delivered = message_mark_delivered(provider_id=LocmemSmsBackend.outbox[0]["provider_id"])
    assert delivered.status == MessageStatus.DELIVERED
    first_time = delivered.delivered_at
    again = message_mark_delivered(message=sms, delivered_at=timezone.now() + dt.timedelta(hours=1))
    assert again.delivered_at == first_time
    assert message_mark_delivered(provider_id="unknown") is None


def test_failure_is_retried_with_backoff_then_given_up():
    LocmemSmsBackend.fail_next = 100
    msg = notify(channel="sms", to="+77012345678", subject="", body="b")
    now = timezone.now()
    result = messages_send(now=now)
    assert result.retried == 1
    msg.refresh_from_db()
    assert msg.status == MessageStatus.QUEUED
    assert "unavailable" in msg.last_error
    assert msg.next_attempt_at > now
    # Not due yet: nothing happens.
    assert messages_send(now=now).retried == 0
    later = now
    for _ in range(MAX_ATTEMPTS - 1):
        later = later + dt.timedelta(days=1)
        messages_send(now=later)
    msg.refresh_from_db()
    assert msg.status == MessageStatus.FAILED
    assert msg.attempts == MAX_ATTEMPTS
    assert LocmemSmsBackend.outbox == []


def test_sender_that_died_leaves_a_lease_that_expires():
    msg = notify(channel="email", to="a@example.kz", subject="s", body="b")
    Message.objects.filter(pk=msg.pk).update(
        status=MessageStatus.SENDING, next_attempt_at=timezone.now() + dt.timedelta(minutes=5)
    )
    assert messages_send().sent == 0
    assert messages_send(now=timezone.now() + dt.timedelta(minutes=6)).sent == 1
