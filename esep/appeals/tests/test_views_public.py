import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from esep.appeals import services
from esep.appeals.models import AppealStatus
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

MONDAY = ta.almaty(2026, 2, 2, 11)


def status_url(code, lang="kk"):
    with translation.override(lang):
        return reverse("accountability_public:track_code", args=[code])


@time_machine.travel(MONDAY, tick=False)
def test_person_follows_the_appeal_with_the_code(client, django_assert_max_num_queries):
    body = f.body()
    f.agency(body.territory, ["housing"], name_ru="Отдел ЖКХ", name_kk="ТҮКШ бөлімі")
    appeal = ta.appeal(body=body, subject="housing", competence="other", applicant_name="Асқаров Бауыржан")
    with django_assert_max_num_queries(8):
        response = client.get(status_url(appeal.code, "ru"))
    page = response.content.decode()
    assert response.status_code == 200
    assert appeal.number in page
    assert "Отдел ЖКХ" in page
    # The person's name and contact and staff names are not shown.
    assert "Асқаров" not in page and "baurzhan@example.kz" not in page and "Esep test" not in page
    # The code works typed in lower case and with spaces too.
    assert client.get(status_url(appeal.code.lower())).status_code == 200


@time_machine.travel(MONDAY, tick=False)
def test_wrong_code_is_a_clear_404(client):
    response = client.get(status_url("NOSUCHCODE22"))
    assert response.status_code == 404
    assert "NOSUCHCODE22" in response.content.decode()


@time_machine.travel(MONDAY, tick=False)
def test_status_page_is_rate_limited(client):
    url = status_url("NOSUCHCODE22")
    codes = [client.get(url).status_code for _ in range(31)]
    assert codes[:30] == [404] * 30
    assert codes[30] == 429


@time_machine.travel(MONDAY, tick=False)
def test_competent_body_records_its_answer_once(client):
    body = f.body()
    dept = f.agency(body.territory, ["roads"])
    appeal = ta.appeal(body=body, subject="roads", competence="other")
    forward = appeal.forwards.get()
    assert forward.agency == dept
    url = reverse("appeals_public:reply", args=[forward.token])
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(url, {"text": "x", "name": "y"}).status_code == 403
    page = client.get(url)
    assert page.status_code == 200 and appeal.text in page.content.decode()
    too_long = client.post(url, {"text": "ж" * 10_001, "name": "Басшы"})
    assert too_long.status_code == 400
    bot = client.post(url, {"text": "Жөнделді", "name": "Басшы", "website": "http://spam"})
    assert bot.status_code == 400
    done = client.post(url, {"text": "Жол жөнделді.", "measures": "Асфальт", "name": "Бөлім басшысы С. С."})
    assert done.status_code == 200
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED and appeal.answer_text == "Жол жөнделді."
    again = client.post(url, {"text": "Тағы", "name": "Басшы"})
    assert again.status_code == 409
    appeal.refresh_from_db()
    assert appeal.answer_text == "Жол жөнделді."
    status_page = client.get(status_url(appeal.code)).content.decode()
    assert "Жол жөнделді." in status_page and "Асфальт" in status_page
    assert client.get(reverse("appeals_public:reply", args=["not-a-token"])).status_code == 404


@time_machine.travel(MONDAY, tick=False)
def test_answered_appeal_shows_the_answer_and_right_to_appeal(client):
    appeal = ta.appeal()
    services.appeal_answer(appeal=appeal, actor=f.staff(b=appeal.body), text="Патруль күшейтілді.", language="kk")
    page = client.get(status_url(appeal.code)).content.decode()
    assert "Патруль күшейтілді." in page
    appeal.refresh_from_db()
    assert appeal.answer_appeal_rights in page
