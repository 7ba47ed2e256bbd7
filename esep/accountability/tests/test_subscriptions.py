"""Following a precinct, a body or a region: double opt-in, one-click unsubscribe, alerts through the outbox
(Law on personal data arts. 7-8, 12: consent recorded with its wording; the address deleted on unsubscribing)."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from esep.accountability import subscriptions
from esep.accountability.models import Subscription
from esep.announcements.services import announcement_publish
from esep.meetings.models import Meeting, MeetingStatus
from esep.notifications.models import Message
from esep.questions.forms import new_form_token
from esep.testing import factories as f
from esep.testing.public import place

pytestmark = pytest.mark.django_db
EMAIL = "resident@example.kz"


def _follow(client, url, **data):
    payload = {"email": EMAIL, "consent": "on", "started": new_form_token(), **data}
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=10)):
        return client.post(url, payload)


def _link(message, kind):
    return (
        re.search(rf"https?://[^\s]+/follow/{kind}/[\w-]+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]
    )


def _scheduled(tree, days=20):
    return f.meeting(
        body_=tree["body"],
        reporters=[(tree["officer"], tree["precinct"])],
        starts_at=(timezone.now() + dt.timedelta(days=days)).replace(minute=0, second=0, microsecond=0),
        status=MeetingStatus.SCHEDULED,
    )


def test_double_opt_in_then_a_message_when_the_followed_precinct_gets_a_report(client, tree):
    body, precinct = tree["body"], tree["precinct"]
    response = _follow(client, f"/ru/follow/p/{body.slug}/{precinct.number}/")
    assert response.status_code == 201
    sub = Subscription.objects.get()
    assert sub.confirmed_at is None and sub.consent_version == subscriptions.CONSENT_VERSION and sub.consent_at
    confirm = Message.objects.get(to=EMAIL)
    assert confirm.language == "ru" and "/ru/follow/confirm/" in confirm.body

    # Not confirmed yet: a new report sends nothing.
    first = _scheduled(tree)
    announcement_publish(meeting=first, actor=f.staff(b=body))
    assert Message.objects.filter(to=EMAIL).count() == 1

    page = Client().get("/" + _link(confirm, "confirm"))
    assert page.status_code == 200
    sub.refresh_from_db()
    assert sub.confirmed_at is not None

    second = _scheduled(tree, days=40)
    announcement_publish(meeting=second, actor=f.staff(b=body))
    alert = Message.objects.filter(to=EMAIL).exclude(pk=confirm.pk).get()
    assert second.code in alert.body and "/ru/follow/stop/" in alert.body
    assert subscriptions.alert_subscribers(meeting=second, event="new") == 0  # once

    # The date changes (however it was changed): one message about it, once.
    Meeting.objects.filter(pk=second.pk).update(starts_at=second.starts_at + dt.timedelta(days=2))
    assert subscriptions.date_changes_sweep() == 1
    assert subscriptions.date_changes_sweep() == 0
    assert Message.objects.filter(to=EMAIL).count() == 3


def test_one_click_unsubscribe_deletes_the_address(tree):
    sub = subscriptions.subscription_request(
        email=EMAIL, scope="precinct", target=tree["precinct"], language="kk", consent_given=True
    )
    subscriptions.subscription_confirm(token=sub.token)
    client = Client()
    page = client.get(f"/kk/follow/stop/{sub.token}/")
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None  # a mail scanner opening the link unsubscribes nobody
    done = client.post(f"/kk/follow/stop/{sub.token}/")
    assert done.status_code == 200 and 'id="unsubscribed"' in done.content.decode()
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None and sub.email == ""
    announcement_publish(meeting=_scheduled(tree), actor=f.staff(b=tree["body"]))
    assert Message.objects.filter(subject__contains="Жаңа есеп").count() == 0


def test_a_region_subscription_hears_of_its_region_only(tree):
    sub = subscriptions.subscription_request(
        email=EMAIL, scope="region", target=tree["region"], language="kk", consent_given=True
    )
    subscriptions.subscription_confirm(token=sub.token)
    other_region = place("150000000", "Ақтөбе облысы", "Актюбинская область", level="oblast")
    other_body = f.body(
        terr=place("154000000", "Әйтеке би ауданы", "Айтекебийский район", level="district", parent=other_region)
    )
    off, prec = f.inspector_with_precinct(other_body)
    elsewhere = f.meeting(body_=other_body, reporters=[(off, prec)], starts_at=timezone.now() + dt.timedelta(days=20))
    announcement_publish(meeting=elsewhere, actor=f.staff(b=other_body))
    assert not Message.objects.filter(to=EMAIL).exclude(subject__startswith="Растаңыз").exists()
    here = _scheduled(tree)
    announcement_publish(meeting=here, actor=f.staff(b=tree["body"]))
    assert Message.objects.filter(to=EMAIL, body__contains=here.code).count() == 1


def test_a_second_request_for_a_confirmed_subscription_sends_nothing(tree):
    sub = subscriptions.subscription_request(email=EMAIL, scope="body", target=tree["body"], consent_given=True)
    subscriptions.subscription_confirm(token=sub.token)
    again = subscriptions.subscription_request(email=EMAIL, scope="body", target=tree["body"], consent_given=True)
    assert again.pk == sub.pk and Message.objects.filter(to=EMAIL).count() == 1


@pytest.mark.parametrize(
    "data,status",
    [({"email": "not-an-address"}, 400), ({"consent": ""}, 400)],
    ids=["bad-email", "pd-law-art8-no-consent"],
)
def test_bad_input_is_refused_and_nothing_stored(client, tree, data, status):
    body = tree["body"]
    response = _follow(client, f"/kk/follow/body/{body.slug}/", **data)
    assert response.status_code == status and 'role="alert"' in response.content.decode()
    assert not Subscription.objects.exists() and not Message.objects.exists()


def test_published_results_are_announced_to_followers():
    from esep.testing import accountability as ta
    from esep.testing.protocols import at

    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        report = ta.held_report(at(2026, 3, 10, 18), publish=False)
        meeting = report["meeting"]
        sub = subscriptions.subscription_request(
            email=EMAIL, scope="body", target=meeting.body, language="ru", consent_given=True
        )
        subscriptions.subscription_confirm(token=sub.token)
        from esep.accountability import publication

        draft = publication.draft_texts(meeting)
        publication.report_publish(
            meeting=meeting, actor=report["staff"], place=draft["place"], agenda=draft["agenda"],
            show_decisions=True, show_items=False, show_video=False, show_minutes=True, items={},
        )  # fmt: skip
    results = Message.objects.filter(to=EMAIL, subject__startswith="Опубликованы итоги")
    assert results.count() == 1 and meeting.code in results.get().body


def test_precinct_body_and_region_pages_lead_to_following(client, tree):
    body, precinct, region = tree["body"], tree["precinct"], tree["region"]
    page = client.get(f"/kk/p/{body.slug}/{precinct.number}/").content.decode()
    assert (
        f"/kk/follow/p/{body.slug}/{precinct.number}/" in page
        and f"/kk/p/{body.slug}/{precinct.number}/feed.atom" in page
    )
    assert f"/kk/p/{body.slug}/{precinct.number}/ask/" in page  # no report announced: ask the inspector anyway
    page = client.get(f"/ru/p/{body.slug}/").content.decode()
    assert f"/ru/follow/body/{body.slug}/" in page and f"/ru/p/{body.slug}/feed.atom" in page
    page = client.get(f"/ru/t/{region.kato}/").content.decode()
    assert f"/ru/follow/region/{region.kato}/" in page and f"/ru/meetings/feed.atom?region={region.kato}" in page
    assert client.get(f"/ru/follow/region/{region.kato}/").status_code == 200
