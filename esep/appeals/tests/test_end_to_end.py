"""A complaint from the minutes forwarded to an akimat department, the resident notified, the department's
answer recorded through its link, the resident reading it, staff closing the case (Order 608 pp.16-17;
Order 652 p.32; АППК art. 65)."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from esep.appeals.models import Appeal, AppealStatus
from esep.meetings.models import MeetingStatus
from esep.notifications.backends import LocmemSmsBackend
from esep.notifications.models import MessageStatus
from esep.notifications.selectors import messages_for
from esep.notifications.services import message_mark_delivered, messages_send
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.workflows.sealing import appeals_open_for_protocol

pytestmark = pytest.mark.django_db


def test_complaint_forwarded_to_akimat_department_followed_to_its_end(client):
    meeting = f.meeting(starts_at=ta.almaty(2026, 2, 5, 18, 30), status=MeetingStatus.HELD)
    dept = f.agency(
        meeting.body.territory,
        ["housing"],
        name_kk="Аудан әкімдігінің ТҮКШ бөлімі",
        name_ru="Отдел ЖКХ акимата района",
        email="zhkh@akimat.example.kz",
    )
    staff = f.staff(b=meeting.body)
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        proto = ta.signed_protocol(
            meeting,
            [
                {
                    "text": "Жылу жоқ, батареялар суық.",
                    "competence": "other",
                    "subject": "housing",
                    "answered_in_full": True,
                }
            ],
        )
        (appeal,) = appeals_open_for_protocol(protocol=proto, actor=staff)
        messages_send()

    # The resident got the ticket and the forward notice by SMS at once; the department got the appeal by email.
    sms = [s["body"] for s in LocmemSmsBackend.outbox if s["to"] == "+77012345678"]
    assert len(sms) == 2 and "Аудан әкімдігінің ТҮКШ бөлімі" in sms[1]
    message_mark_delivered(provider_id=LocmemSmsBackend.outbox[1]["provider_id"])
    assert appeal.events.filter(kind="notice").count() == 2
    letter = next(m for m in mail.outbox if m.to == [dept.email])
    reply_link = re.search(r"https?://\S+/appeals/reply/\S+/", letter.body).group(0)
    reply_path = reply_link.split("8000", 1)[-1]

    with time_machine.travel(ta.almaty(2026, 2, 12, 15), tick=False):
        page = client.get(reply_path)
        assert page.status_code == 200 and "Жылу жоқ" in page.content.decode()
        done = client.post(
            reply_path, {"text": "Жылу берілді.", "measures": "Қазандық жөнделді", "name": "Бөлім басшысы Ж. Ж."}
        )
        assert done.status_code == 200
        messages_send()
        # The resident follows the appeal with the code from the SMS.
        code = re.search(r"/track/([A-Z0-9]+)/", sms[0]).group(1)
        with translation.override("kk"):
            status_page = client.get(reverse("accountability_public:track_code", args=[code])).content.decode()
        assert "Жылу берілді." in status_page and "Қазандық жөнделді" in status_page
        assert "Аудан әкімдігінің ТҮКШ бөлімі" in status_page
        assert LocmemSmsBackend.outbox[-1]["to"] == "+77012345678"  # told that the department answered

        client.force_login(staff)
        client.post(reverse("appeals_staff:action", args=[appeal.pk, "close"]), {"note": "Тексерілді"})
    appeal = Appeal.objects.get(pk=appeal.pk)
    assert appeal.status == AppealStatus.CLOSED
    assert appeal.answered_by_agency and appeal.answered_late is False and appeal.forwarded_late is False
    assert list(appeal.events.values_list("kind", flat=True)) == [
        "registered",
        "notice",
        "forwarded",
        "notice",
        "agency_replied",
        "notice",
        "closed",
    ]
    assert appeal.forwards.get().replied_by_name == "Бөлім басшысы Ж. Ж."
    assert not appeal.body.appeals.exclude(pk=appeal.pk).exists()
    assert MessageStatus.DELIVERED in {m.status for m in messages_for(appeal)}
