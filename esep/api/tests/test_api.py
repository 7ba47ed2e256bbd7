"""The API: token or session authentication, one error format, scoped rows."""

import pytest

from esep.accounts.models import Role
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_a_script_gets_a_token_and_reads_its_scope_with_it(client):
    body = f.body()
    own = f.precinct(body)
    f.precinct(f.body())
    f.staff(Role.STAFF_UNIT, body, username="shtab", password="pass-word-123")
    response = client.post("/api/v1/auth/token/", {"username": "shtab", "password": "pass-word-123"})
    assert response.status_code == 200
    token = response.json()["token"]
    rows = client.get("/api/v1/precincts/", HTTP_AUTHORIZATION=f"Token {token}").json()["results"]
    assert [r["id"] for r in rows] == [own.pk]


def test_a_wrong_password_and_a_wrong_token_get_the_one_error_format(client):
    f.staff(Role.STAFF_UNIT, username="shtab", password="pass-word-123")
    bad = client.post("/api/v1/auth/token/", {"username": "shtab", "password": "nope"})
    assert bad.status_code == 401  # the credentials are refused (issue 14 item 8: the schema says so)
    assert bad["WWW-Authenticate"] == "Token"
    assert set(bad.json()["error"]) >= {"code", "message"}
    missing = client.post("/api/v1/auth/token/", {"username": "shtab"})
    assert missing.status_code == 400
    assert "password" in missing.json()["error"]["fields"]
    denied = client.get("/api/v1/precincts/", HTTP_AUTHORIZATION="Token not-a-token")
    assert denied.status_code in (401, 403)
    assert denied.json()["error"]["code"] == "authentication_failed"


def test_malformed_json_is_a_400_naming_the_problem(client):
    response = client.post("/api/v1/compliance/evaluate", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] in {"malformed", "invalid"}
