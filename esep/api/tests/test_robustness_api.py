"""The API never answers a client's mistake with a server error, and every refusal has the one error format
{"error": {"code", "message", ...}}.

Property tests walk /api/v1/schema/ (every path and method it lists) with Hypothesis-made path values, query
parameters and JSON bodies, anonymously and with a staff token, through the WSGI application in-process.
Table-driven cases pin the inputs that used to end in a 500."""

from __future__ import annotations

import json
import re
import string

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from esep.accounts.models import Role
from esep.law.compliance.parse import TOP_LEVEL
from esep.testing import audit
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

EXAMPLES = 25
# No shrinking: a failure is reported at once with the request that caused it (shrinking takes minutes here).
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),
)


def assert_error_format(response, context=""):
    assert response.status_code < 500, (context, response.status_code, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), (context, response.status_code)
        error = response.json()["error"]
        assert isinstance(error["code"], str) and error["code"], context
        assert isinstance(error["message"], str) and error["message"], context


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.fixture
def token(db):
    from rest_framework.authtoken.models import Token

    user = f.staff(Role.STAFF_UNIT)
    return Token.objects.create(user=user).key


def _operations(schema) -> list[tuple[str, str, dict]]:
    ops = []
    for path, item in schema["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                ops.append((path, method, op))
    return ops


# Texts that broke things elsewhere: NUL, bytes read as Latin-1, scripts, huge and negative numbers, far dates.
NASTY = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        "<script>alert(1)</script>",
        "9" * 40,
        "-1",
        "0",
        "1e999",
        "NaN",
        "9999-12-31",
        "0001-01-01",
        "2024-13-45",
        "2024-02-30",
        "ә" * 300,
        "' OR 1=1 --",
        "../../etc/passwd",
        "%",
        "",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=40), st.integers(min_value=-(10**30), max_value=10**30).map(str))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20) | st.floats() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=5),
    max_leaves=25,
)
# A body that looks like a meeting description, so the evaluation goes past the first field.
# Every key the compliance description knows, required ones first (kind, starts_at), from the parser itself.
DESCRIPTION_KEYS = ["kind", "starts_at", *sorted(TOP_LEVEL - {"kind", "starts_at", "id", "extra"})]
DESCRIPTION = st.fixed_dictionaries(
    {"kind": st.sampled_from(["chief", "inspector"]), "starts_at": st.one_of(NASTY, st.dates().map(str))},
    optional=dict.fromkeys(DESCRIPTION_KEYS[2:], JSON),
)


def _fill_path(path: str, draw) -> str:
    return re.sub(r"\{[^}]+\}", lambda _m: _quote(draw(TEXT) or "x"), path)


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


@PROPERTY
@given(data=st.data())
def test_every_operation_of_the_schema_answers_bad_input_in_the_error_format(schema, token, data):
    cache.clear()  # throttles would otherwise answer everything after the first few examples
    for path, method, op in _operations(schema):
        url = "/api/v1" + _fill_path(path.removeprefix("/api/v1"), data.draw)
        names = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"] + ["limit", "offset"]
        query = data.draw(st.dictionaries(st.sampled_from(names), TEXT, max_size=len(names)))
        headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if data.draw(st.booleans()) else {}
        client = Client()
        if method == "get":
            response = client.get(url, query, **headers)
        else:
            body = data.draw(DESCRIPTION if "compliance" in path else JSON)
            response = getattr(client, method)(
                url + "?" + "&".join(f"{k}={_quote(v)}" for k, v in query.items()),
                json.dumps(body),
                content_type="application/json",
                **headers,
            )
        assert_error_format(response, f"{method.upper()} {url} {query}")


@PROPERTY
@given(raw=st.binary(max_size=200) | st.text(alphabet=string.printable, max_size=200).map(str.encode))
def test_any_bytes_sent_as_json_are_a_clear_400(db, raw):
    cache.clear()
    response = Client().post("/api/v1/compliance/evaluate", raw, content_type="application/json")
    assert_error_format(response, raw)


@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("get", "/api/v1/territories/?limit=99999999999999999999999", None, 200),
        ("get", "/api/v1/territories/?offset=99999999999999999999999", None, 200),
        ("get", "/api/v1/territories/?parent=%00", None, 400),
        ("get", "/api/v1/territories/%00/", None, 400),
        ("get", "/api/v1/deadlines/appk.term_days?start=9999-12-31", None, 400),
        ("get", "/api/v1/rules/meeting.notice_days?on=2024-02-30", None, 400),
        ("get", "/api/v1/no-such-endpoint/", None, 404),
        ("post", "/api/v1/compliance/evaluate", {"kind": "chief", "starts_at": "2024-13-01"}, 400),
        ("post", "/api/v1/compliance/evaluate", {"kind": "inspector", "starts_at": "9999-12-31T23:00:00+00:00"}, 400),
        (
            "post",
            "/api/v1/compliance/evaluate",
            {"kind": "chief", "starts_at": "2024-01-01", "items": [{"appeal": {"received_at": "9999-12-31T10:00"}}]},
            400,
        ),
        ("post", "/api/v1/compliance/evaluate", '{"a":' * 5000 + "1" + "}" * 5000, 400),
        ("delete", "/api/v1/territories/", None, 405),
    ],
    ids=[
        "huge-limit",
        "huge-offset",
        "nul-in-filter",
        "nul-in-path",
        "deadline-from-the-last-day-of-the-calendar",
        "impossible-date",
        "unknown-endpoint",
        "month-13",
        "year-9999",
        "appeal-in-year-9999",
        "json-nested-5000-deep",
        "method-not-allowed",
    ],
)
def test_inputs_that_used_to_be_server_errors(method, url, body, status):
    before = audit.rows()
    client = Client()
    if body is None:
        response = getattr(client, method)(url)
    else:
        payload = body if isinstance(body, str) else json.dumps(body)
        response = getattr(client, method)(url, payload, content_type="application/json")
    assert response.status_code == status, response.content[:300]
    assert_error_format(response)
    assert audit.rows() == before


@pytest.mark.parametrize(("lang", "text"), [("kk", "API-да мұндай мекенжай жоқ."), ("ru", "В API нет такого адреса.")])
def test_api_errors_speak_the_clients_language(lang, text):
    response = Client().get("/api/v1/no-such-endpoint/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.json()["error"]["message"] == text


def test_an_unexpected_error_is_a_500_in_the_error_format(monkeypatch):
    from esep.api import registry

    def explode(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(registry.TerritoryViewSet, "get_queryset", explode)
    response = Client(raise_request_exception=False).get("/api/v1/territories/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert "boom" not in response.content.decode()
