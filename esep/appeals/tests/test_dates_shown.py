"""Every date and time an appeal's pages show equals the stored value it names (АППК art. 64 pp.2-3:
receipt and registration are different facts, and both are shown, each with its label).

The pages wrap each date in <time data-stored="field">; this test reads every one, compares its text and
its machine-readable value with the stored field (in Asia/Almaty), and fails on any date printed outside
such a tag, so a date nobody can trace back cannot appear."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from esep.appeals.models import AppealEvent, AppealForward
from esep.notifications.models import Message
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")
TIME_TAG = re.compile(r'<time datetime="([^"]*)" data-stored="([^"]+)">([^<]*)</time>')
DATE_TEXT = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
# Friday 21:24 in Almaty: after working hours, so registered on Monday (АППК art. 64 p.2).
FRIDAY_EVENING = ta.almaty(2026, 2, 6, 21, 24)


def _shown(value) -> tuple[str, str]:
    if isinstance(value, dt.datetime):
        local = value.astimezone(ALMATY)
        return local.isoformat(), local.strftime("%d.%m.%Y %H:%M")
    return value.isoformat(), value.strftime("%d.%m.%Y")


def _check_page(html: str, stored: dict, events: list) -> set[str]:
    tags = TIME_TAG.findall(html)
    assert tags
    event_values = iter(events)
    for machine, field, text in tags:
        if field.startswith("message."):  # the outbox table: one of the stored messages' values
            assert (machine, text) in {_shown(v) for v in stored[field]}, field
            continue
        value = next(event_values) if field == "event.at" else stored[field]
        iso, human = _shown(value)
        assert (machine, text) == (iso, human), field
    outside = DATE_TEXT.findall(TIME_TAG.sub("", html))
    assert outside == []
    return {field for _m, field, _t in tags}


def test_every_date_on_the_public_and_staff_pages_is_the_stored_one(client):
    body = f.body()
    f.agency(body.territory, ["housing"], name_ru="Отдел ЖКХ", name_kk="ТҮКШ бөлімі")
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        appeal = ta.appeal(body=body, subject="housing", competence="other", received_at=FRIDAY_EVENING)
    staff = f.staff(b=body)
    appeal.refresh_from_db()
    forward = AppealForward.objects.get(appeal=appeal)  # routed to the akimat's department on registration
    assert appeal.registered_on == dt.date(2026, 2, 9)  # received Friday evening, registered Monday
    stored = {
        "received_at": appeal.received_at,
        "registered_on": appeal.registered_on,
        "due_on": appeal.due_on,
        "effective_due_on": appeal.effective_due_on,
        "redirect_due_on": appeal.redirect_due_on,
        "forward.forwarded_on": forward.forwarded_on,
        "forward.agency_due_on": forward.agency_due_on,
    }
    messages = list(Message.objects.all())
    for name in ("created_at", "sent_at", "delivered_at"):
        stored[f"message.{name}"] = [getattr(m, name) for m in messages if getattr(m, name)]
    events = list(AppealEvent.objects.filter(appeal=appeal).order_by("at", "id"))
    with time_machine.travel(ta.almaty(2026, 2, 10, 10), tick=False):
        for lang in ("kk", "ru"):
            with translation.override(lang):
                public_url = reverse("appeals_public:status", args=[appeal.code])
                staff_url = reverse("appeals_staff:detail", args=[appeal.pk])
            public = client.get(public_url, follow=True).content.decode()
            public_events = [e.at for e in events if e.is_public]
            shown = _check_page(public, stored, public_events)
            assert {"received_at", "registered_on"} <= shown
            client.force_login(staff)
            page = client.get(staff_url).content.decode()
            client.logout()
            shown = _check_page(page, stored, [e.at for e in events])
            assert {"received_at", "registered_on", "due_on", "redirect_due_on"} <= shown


def test_the_public_page_names_receipt_and_registration_apart(client):
    body = f.body()
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        appeal = ta.appeal(body=body, received_at=FRIDAY_EVENING)
    with time_machine.travel(ta.almaty(2026, 2, 10, 10), tick=False), translation.override("ru"):
        page = client.get(reverse("appeals_public:status", args=[appeal.code]), follow=True).content.decode()
    assert "06.02.2026 21:24" in page and "09.02.2026" in page
    assert "64" in page  # the article that explains why the two dates differ
