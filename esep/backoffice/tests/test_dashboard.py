"""The staff "Today" page shows what needs doing in the user's scope, and nothing outside it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from esep.accounts.models import Role
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_a_precinct_without_an_inspector_shows_on_todays_page(client, django_assert_max_num_queries):
    body = f.body()
    served = f.precinct(body, name_kk="Қызмет көрсетілетін")
    f.assignment(prec=served, start=dt.date(2020, 1, 1))
    f.precinct(body, name_kk="Бос учаске")
    elsewhere = f.precinct(f.body(), name_kk="Бөгде бос")
    assert elsewhere
    client.force_login(f.staff(Role.STAFF_UNIT, body))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("backoffice:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Бос учаске" in html
    assert "Қызмет көрсетілетін" not in html
    assert "Бөгде бос" not in html
