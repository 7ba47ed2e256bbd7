"""Issue 14 item 8: what the OpenAPI schema says is what the API does (schemathesis checks the same against a
live server in .ci/run; these pin the defects it found, in-process)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema():
    response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_territory_without_parent_is_declared_nullable_and_served_as_null(schema):
    parent = schema["components"]["schemas"]["Territory"]["properties"]["parent"]
    assert parent.get("nullable") is True
    region = f.region()
    row = Client().get(f"/api/v1/territories/{region.kato}/").json()
    assert row["parent"] is None


def test_the_messages_object_parameter_is_declared_and_required(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/messages/"]["get"]["parameters"]}
    assert parameters["object"]["required"] is True


@pytest.mark.parametrize("path", ["/api/v1/precincts/{id}/", "/api/v1/rules/{code}", "/api/v1/deadlines/{code}"])
def test_error_answers_are_documented_in_the_one_error_format(schema, path):
    responses = schema["paths"][path]["get"]["responses"]
    for status in ("400", "404", "429"):
        assert responses[status]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


@pytest.mark.parametrize(
    "query",
    ["limit=1&limit=2", "offset=0&offset=5", "limit=abc", "offset=-5", "limit=%EF%BC%95"],
    ids=["limit-array", "offset-array", "limit-text", "offset-negative", "limit-fullwidth-digit"],
)
def test_limit_and_offset_must_be_one_whole_number(query):
    response = Client().get(f"/api/v1/territories/?{query}")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) <= {"limit", "offset"}


def test_an_unknown_territory_level_is_refused_not_answered_with_an_empty_list():
    response = Client().get("/api/v1/territories/", {"level": "galaxy"})
    assert response.status_code == 400
    assert "level" in response.json()["error"]["fields"]


def test_the_token_request_body_is_declared_required(schema):
    body = schema["paths"]["/api/v1/auth/token/"]["post"]["requestBody"]
    assert body["required"] is True
    assert Client().post("/api/v1/auth/token/").status_code == 400
