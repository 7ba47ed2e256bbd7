"""The command line and the API: findings as JSON; bad input named by field, exit 2 / HTTP 400, no traceback."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from esep.testing.law import clean_description

pytestmark = pytest.mark.django_db


def _run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command(*args, stdout=out)
    return out.getvalue()


def test_cli_evaluate_file(tmp_path):
    d = clean_description("chief", "2024-02-20")
    d["video"] = False
    d["minutes"]["signatures"] = ["secretary"]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    body = json.loads(_run("compliance", "evaluate", str(path)))
    assert [f["code"] for f in body["findings"]] == ["minutes.signature_missing"]
    assert body["findings"][0]["citation"] == "Order 608 p.15"


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ('{"kind": "mayor", "starts_at": "2024-02-20T18:00"}', "kind"),
        ('{"kind": "chief", "starts_at": "2024-02-20T18:00", "ends_at": "2024-02-20T10:00"}', "ends_at"),
        ('{"kind": ', "malformed JSON"),
        (
            '{"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-02-20garbage"}}',
            "minutes.completed_on",
        ),
        (
            '{"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-02-20T19:20:00Z"}}',
            "minutes.completed_on",
        ),
        (
            '{"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_at": "2024-02-20T19:20+05x"}}',
            "minutes.completed_at",
        ),
    ],
    ids=[
        "unknown-kind",
        "dates-out-of-order",
        "malformed-json",
        "garbage-after-a-date",
        "a-datetime-where-a-date-is-required",
        "garbage-after-an-instant",
    ],
)
def test_cli_bad_input_exits_2_naming_the_field(stdin, field, monkeypatch):
    with pytest.raises(CommandError) as err:
        _run("compliance", "evaluate", "-", stdin=stdin, monkeypatch=monkeypatch)
    assert err.value.returncode == 2
    assert field in str(err.value)


def test_cli_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError) as err:
        _run("compliance", "evaluate", str(tmp_path / "nope.json"))
    assert err.value.returncode == 2


def test_cli_deadline_prints_due_date_and_steps():
    out = _run("deadline", "appk.redirect_days", "--start", "2024-03-20")
    lines = out.splitlines()
    assert lines[0] == "2024-03-28"
    assert any("АППК art. 65" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["no.such.rule", "--start", "2024-01-01"], "no.such.rule"),
        (["appk.term_days", "--start", "2024-13-01"], "--start"),
    ],
    ids=["unknown-rule", "bad-date"],
)
def test_cli_deadline_bad_input_exits_2(args, needle):
    with pytest.raises(CommandError) as err:
        _run("deadline", *args)
    assert err.value.returncode == 2
    assert needle in str(err.value)


URL = "/api/v1/compliance/evaluate"


def test_api_evaluate_returns_findings_and_stores_nothing(django_assert_max_num_queries):
    d = clean_description("inspector", "2023-12-05")
    d["video"] = False
    with django_assert_max_num_queries(1):  # at most the calendar table, once
        response = APIClient().post(URL, d, format="json")
    assert response.status_code == 200
    (finding,) = response.json()["findings"]
    assert finding["code"] == "video.missing"
    assert finding["citation"] == "Order 652 p.32"
    assert set(finding["message"]) == {"kk", "ru", "en"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "mayor", "starts_at": "2024-02-20T18:00"}, "kind"),
        (
            {"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-02-20garbage"}},
            "minutes.completed_on",
        ),
        (
            {"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-02-20T19:20:00Z"}},
            "minutes.completed_on",
        ),
        (
            {"kind": "chief", "starts_at": "2024-02-20T18:00", "ends_at": "2024-02-20T17:00"},
            "ends_at",
        ),
    ],
    ids=["unknown-kind", "garbage-after-a-date", "a-datetime-where-a-date-is-required", "dates-out-of-order"],
)
def test_api_bad_input_is_400_naming_the_field(body, field):
    response = APIClient().post(URL, body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]


def test_api_malformed_json_is_400():
    response = APIClient().post(URL, '{"kind": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed"


def test_api_error_message_in_russian():
    response = APIClient().post(URL + "?lang=ru", {"kind": "chief"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["starts_at"] == ["Обязательное поле."]


def test_api_deadline():
    response = APIClient().get("/api/v1/deadlines/appk.term_days", {"start": "2025-03-14"})
    assert response.status_code == 200
    assert response.json()["due"] == "2025-04-09"


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/api/v1/deadlines/no.such.rule", {"start": "2025-03-14"}, "rule"),
        ("/api/v1/deadlines/appk.term_days", {"start": "soon"}, "start"),
        ("/api/v1/deadlines/meeting.signatories", {"start": "2025-03-14"}, "rule"),
    ],
    ids=["unknown-rule", "bad-start", "not-a-term"],
)
def test_api_deadline_bad_input_is_400(url, params, field):
    response = APIClient().get(url, params)
    # A rule that does not exist is a resource that does not exist: 404 (issue 14 item 8).
    assert response.status_code == (404 if "no.such" in url else 400)
    assert field in response.json()["error"]["fields"]


def test_api_rule_in_force():
    response = APIClient().get("/api/v1/rules/meeting.signatories", {"on": "2023-02-01", "kind": "chief"})
    assert response.json()["citation"] == "Decree 723 p.14"
    assert response.json()["value"] == ["secretary", "chief", "akimat_stamp"]
