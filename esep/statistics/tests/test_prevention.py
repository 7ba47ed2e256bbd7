"""Staff enter a precinct's prevention work per quarter (Order 652 p.30); only their own body's precincts;
bad input is refused with a message and stores nothing."""

import pytest
from django.test import Client

from esep.statistics.models import PreventionReport
from esep.testing import factories as f
from esep.testing.protocols import person

pytestmark = pytest.mark.django_db

URL = "/ru/staff/statistics/prevention/"


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _post(client, precinct, **kw):
    data = {"precinct": precinct.pk, "year": 2025, "quarter": 2, "visits": 40, "talks": 12, "protocols": 3,
            "registered_persons": 9}  # fmt: skip
    data.update(kw)
    return client.post(URL, data)


def test_staff_enter_and_correct_a_quarter(tree):
    staff = person("staff_unit", tree["body"])
    client = _client(staff)
    assert _post(client, tree["precinct"]).status_code == 302
    assert _post(client, tree["precinct"], visits=41).status_code == 302
    row = PreventionReport.objects.get()
    assert (row.visits, row.talks, row.updated_by) == (41, 12, staff)
    assert "Административный участок №7" in client.get(URL).content.decode()


def test_bad_figures_and_other_bodies_are_refused(tree):
    other_precinct = f.precinct(f.body())
    client = _client(person("staff_unit", tree["body"]))
    response = _post(client, tree["precinct"], visits=-1)
    assert response.status_code == 400
    assert "Ошибка" in response.content.decode()
    response = _post(client, other_precinct)
    assert response.status_code == 400
    assert not PreventionReport.objects.exists()
