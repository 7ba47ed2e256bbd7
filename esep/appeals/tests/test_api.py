import pytest
import time_machine

from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False)
def test_api_lists_appeals_of_the_users_area_with_timeline(client):
    body = f.body()
    mine = ta.appeal(body=body)
    ta.appeal(body=f.body())
    client.force_login(f.staff(b=body))
    data = client.get("/api/v1/appeals/", {"status": "all"}).json()
    assert [a["number"] for a in data["results"]] == [mine.number]
    assert data["results"][0]["due_on"] == "2026-02-23"
    detail = client.get(f"/api/v1/appeals/{mine.pk}/").json()
    assert [e["kind"] for e in detail["events"]] == ["registered", "notice"]
    assert client.get("/api/v1/appeals/999999/").json()["error"]["code"] == "not_found"
    client.logout()
    assert client.get("/api/v1/appeals/").status_code in (401, 403)
