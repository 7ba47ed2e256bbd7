"""Races on PostgreSQL: two servers sweeping, the same form submitted twice at once.
Run with DATABASE_URL=postgres://...; skipped on SQLite, which serialises writers anyway."""

import pytest
import time_machine
from django.db import connection

from esep.appeals.models import Appeal, Reminder
from esep.appeals.sweep import appeals_sweep
from esep.notifications.models import Message, MessageStatus
from esep.notifications.services import messages_send
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing.races import run_at_once
from esep.workflows.question_appeal import appeal_open_from_question

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")


def test_two_sweepers_at_once_send_one_reminder():
    body = f.body()
    f.staff(b=body, email="shtab@police.example.kz")
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        appeals = [ta.appeal(body=body) for _ in range(5)]
    with time_machine.travel(ta.almaty(2026, 2, 24, 9), tick=False):
        run_at_once(appeals_sweep)
        run_at_once(appeals_sweep)
    assert Reminder.objects.count() == len(appeals)
    assert Message.objects.filter(to="shtab@police.example.kz").count() == len(appeals)
    assert all(a.events.filter(kind="deadline_missed").count() == 1 for a in appeals)


def test_same_question_turned_into_an_appeal_twice_at_once_gives_one():
    meeting = f.meeting()
    question = ta.question(meeting)
    staff = f.staff(b=meeting.body)
    results = run_at_once(lambda: appeal_open_from_question(question=question, actor=staff).pk)
    assert len(set(results)) == 1
    assert Appeal.objects.count() == 1
    assert Message.objects.count() == 1  # one ticket, not two


def test_two_senders_send_each_message_once():
    for i in range(20):
        Message.objects.create(channel="sms", to=f"+7701000{i:04d}", body="b", next_attempt_at=None)
    Message.objects.update(next_attempt_at=Message.objects.first().created_at)
    results = run_at_once(lambda: messages_send(limit=20).sent)
    assert sum(results) == 20
    assert Message.objects.filter(status=MessageStatus.SENT, attempts=1).count() == 20
