"""Errors speak the reader's language and lose nothing."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "text"),
    [("kk", "Форманың мерзімі өтіп кетті"), ("ru", "Срок действия формы истёк"), ("en", "The form has expired")],
)
def test_an_expired_form_gets_a_translated_page_not_a_technical_one(lang, text):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{lang}/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert text in response.content.decode()
    assert "CSRF" not in response.content.decode()


def test_a_missing_page_is_a_translated_404():
    response = Client().get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница" in response.content.decode() or "не найден" in response.content.decode().lower()


def test_the_stylesheets_are_served():
    from django.contrib.staticfiles import finders

    assert finders.find("esep/esep.css")
    assert finders.find("esep/staff.css")
