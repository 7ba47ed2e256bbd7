import pytest
from django.urls import reverse

from esep.notifications.services import notify
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_staff_sees_messages_of_an_object_in_scope(client):
    body = f.body()
    other = f.body()
    notify(channel="email", to="aigul@example.kz", subject="Тіркелді", body="b", related=body)
    client.force_login(f.staff(b=body))
    url = reverse("notifications_staff:object_messages")
    response = client.get(url, {"object": f"police.policebody:{body.pk}"})
    assert response.status_code == 200
    assert "Тіркелді" in response.content.decode()
    assert "ai***@example.kz" in response.content.decode()
    assert "aigul@example.kz" not in response.content.decode()
    assert client.get(url, {"object": f"police.policebody:{other.pk}"}).status_code == 404
    assert client.get(url, {"object": "nonsense"}).status_code == 404


def test_api_lists_messages_of_an_object(client):
    body = f.body()
    notify(channel="sms", to="+77012345678", subject="", body="b", related=body)
    client.force_login(f.staff(b=body))
    data = client.get("/api/v1/messages/", {"object": f"police.policebody:{body.pk}"}).json()
    assert [m["channel"] for m in data["results"]] == ["sms"]
    assert client.get("/api/v1/messages/").json()["error"]["code"] == "object_required"
