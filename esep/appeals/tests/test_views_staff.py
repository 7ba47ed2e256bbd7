import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from esep.accounts.models import Role
from esep.appeals.models import Appeal, AppealStatus
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

MONDAY = ta.almaty(2026, 2, 2, 11)


def url(name, *args):
    return reverse(f"appeals_staff:{name}", args=args)


def test_list_shows_overdue_first_and_only_the_users_area(client, django_assert_max_num_queries):
    body = f.body()
    with time_machine.travel(ta.almaty(2026, 1, 5, 11), tick=False):
        old = ta.appeal(body=body, text="Ескі шағым")
    with time_machine.travel(MONDAY, tick=False):
        new = ta.appeal(body=body, text="Жаңа шағым")
        ta.appeal(body=f.body(), text="Басқа бөлімнің шағымы")
    client.force_login(f.staff(b=body))
    with time_machine.travel(ta.almaty(2026, 2, 3, 11), tick=False), django_assert_max_num_queries(12):
        response = client.get(url("list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index(old.number) < page.index(new.number)
    assert "Басқа бөлімнің" not in page
    assert f'href="{url("list")}"' in page  # the staff menu links to the appeals


def test_staff_answers_and_closes_through_the_detail_page(client):
    body = f.body()
    staff = f.staff(b=body)
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body)
        client.force_login(staff)
        assert client.get(url("detail", appeal.pk)).status_code == 200
        client.post(url("action", appeal.pk, "take"))
        response = client.post(
            url("action", appeal.pk, "answer"), {"text": "Тексерілді.", "measures": "Рейд", "language": "kk"}
        )
        assert response.status_code == 302
        client.post(url("action", appeal.pk, "close"), {"note": ""})
        detail = client.get(url("detail", appeal.pk)).content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.CLOSED
    assert appeal.assignee == staff
    assert "Тексерілді." in detail


def test_refused_action_shows_a_message_and_changes_nothing(client):
    body = f.body()
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body)
        client.force_login(f.staff(b=body))
        response = client.post(
            url("action", appeal.pk, "extend"), {"until": "2026-03-20", "reason": "Тексеру"}, follow=True
        )
    assert response.status_code == 200
    with translation.override("kk"):
        expected = gettext("Only the head of the police body or a deputy may extend the term.")
    assert expected in response.content.decode()
    assert expected.startswith("Мерзімді")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED and appeal.extended_until is None


def test_chief_extends(client):
    body = f.body()
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body)
        client.force_login(f.user(Role.CHIEF, body_=body))
        client.post(url("action", appeal.pk, "extend"), {"until": "2026-03-20", "reason": "Сараптама"})
    appeal.refresh_from_db()
    assert appeal.extended_until == dt.date(2026, 3, 20)


def test_outside_scope_is_404_and_read_only_role_is_403(client):
    body = f.body()
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body)
    client.force_login(f.staff(b=f.body()))
    assert client.get(url("detail", appeal.pk)).status_code == 404
    assert client.post(url("action", appeal.pk, "take")).status_code == 404
    client.force_login(f.user(Role.OVERSIGHT))
    assert client.get(url("detail", appeal.pk)).status_code == 200
    assert client.post(url("action", appeal.pk, "take")).status_code == 403


def test_staff_registers_an_appeal(client):
    body = f.body()
    client.force_login(f.staff(b=body))
    data = {
        "body": body.pk,
        "kind": "appeal",
        "text": "Көшеде ит көп.",
        "subject": "agriculture",
        "competence": "police",
        "applicant_name": "Нұрлан",
        "applicant_contact": "+77011112233",
        "language": "kk",
    }
    with time_machine.travel(MONDAY, tick=False):
        refused = client.post(url("create"), data)
        assert refused.status_code == 400  # a contact without consent is refused
        response = client.post(url("create"), {**data, "contact_consent": "on"})
    assert response.status_code == 302
    assert Appeal.objects.get().applicant_contact == "+77011112233"
