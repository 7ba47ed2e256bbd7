""" "Was it fixed?" a month after the answer (Order 608 p.6.7): asked once, only with consent, counted per
precinct in the next report, comments shown only after moderation."""

import re

import pytest
import time_machine
from django.test import Client

from esep.accountability.fixcheck import fixchecks_sweep
from esep.accountability.models import FixCheck
from esep.notifications.models import Message
from esep.testing import accountability as ta
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        return ta.held_report(at(2026, 3, 10, 18))


def test_asked_once_a_month_after_the_answer_and_counted_in_the_next_report(report, django_capture_on_commit_callbacks):
    meeting = report["meeting"]
    with time_machine.travel(at(2026, 3, 30, 9), tick=False):
        assert fixchecks_sweep() == 0  # not a month yet
    with time_machine.travel(at(2026, 4, 12, 9), tick=False):
        assert fixchecks_sweep() == 1  # the item answered at the meeting, its author left an e-mail with consent
        assert fixchecks_sweep() == 0
    check = FixCheck.objects.get()
    assert check.item == report["answered"]
    message = Message.objects.get(related_type="accountability.fixcheck")
    assert message.to == ta.EMAIL
    path = re.search(r"/kk/fixed/[\w-]+/", message.body).group(0)
    client = Client()
    with time_machine.travel(at(2026, 4, 13, 9), tick=False):
        form = client.get(path)
        assert form.status_code == 200 and 'name="answer"' in form.content.decode()
        done = client.post(path, {"answer": "not_solved", "comment": "Жарық әлі жоқ, кешке қараңғы."})
        assert done.status_code == 200 and 'id="fixed-thanks"' in done.content.decode()
        again = client.post(path, {"answer": "solved"})
        assert again.status_code == 409
    check.refresh_from_db()
    assert check.answer == "not_solved" and check.comment_status == "pending"
    with time_machine.travel(at(2026, 4, 20, 9), tick=False):
        nxt = ta.next_report(meeting, at(2026, 6, 10, 18))
    page = Client().get(f"/kk/meetings/{nxt.code}/").content.decode()
    assert 'data-part="fixed"' in page and "Жарық әлі жоқ" not in page  # counted; the comment awaits moderation
    staff = Client()
    staff.force_login(report["staff"])
    assert "Жарық әлі жоқ" in staff.get("/kk/staff/accountability/comments/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the approval drops the cached public pages
        staff.post(f"/kk/staff/accountability/comments/{check.pk}/approve/")
    page = Client().get(f"/kk/meetings/{nxt.code}/").content.decode()
    assert "Жарық әлі жоқ, кешке қараңғы." in page


def test_no_question_without_consent(report):
    item = report["answered"]
    type(item).objects.filter(pk=item.pk).update(contact_consent=False)
    with time_machine.travel(at(2026, 4, 12, 9), tick=False):
        assert fixchecks_sweep() == 0
    assert not Message.objects.filter(related_type="accountability.fixcheck").exists()


def test_a_wrong_answer_is_refused_and_nothing_changes(report):
    with time_machine.travel(at(2026, 4, 12, 9), tick=False):
        fixchecks_sweep()
    check = FixCheck.objects.get()
    response = Client().post(f"/ru/fixed/{check.token}/", {"answer": "maybe"})
    assert response.status_code == 400
    check.refresh_from_db()
    assert check.answered_at is None
