"""Issue 14 item 5: far dates and deeply nested JSON are refused with a message, never a 500 or a traceback.
Cases name the rule and its paragraph."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

pytestmark = pytest.mark.django_db

FAR = [
    pytest.param("appk.extension_max_months", "9999-12-31", id="appk-art76-p3-extension-months-9999-12-31"),
    pytest.param("appk.extension_max_months", "9999-11-15", id="appk-art76-p3-extension-months-9999-11-15"),
    pytest.param("retention.question_contact_open_years", "9999-06-01", id="retention-open-years-9999"),
    pytest.param("retention.question_contact_days", "9999-12-30", id="retention-contact-days-9999"),
    pytest.param("appk.term_days", "9999-12-31", id="appk-art76-p1-term-days-9999-12-31"),
]


@pytest.mark.parametrize(("code", "start"), FAR)
def test_api_deadline_past_the_calendar_is_a_400_naming_the_start(code, start):
    response = Client().get(f"/api/v1/deadlines/{code}", {"start": start})
    assert response.status_code == 400, response.content[:200]
    assert "start" in response.json()["error"]["fields"]


@pytest.mark.parametrize(("code", "start"), FAR)
def test_deadline_command_past_the_calendar_exits_2_with_a_message(code, start):
    with pytest.raises(CommandError) as err:
        call_command("deadline", code, "--start", start)
    assert err.value.returncode == 2
    assert "--start" in str(err.value)


def test_an_unknown_rule_is_404_not_400():
    response = Client().get("/api/v1/rules/no.such_rule")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_rule"


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_compliance_command_refuses_deeply_nested_json(tmp_path, depth):
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth)
    with pytest.raises(CommandError) as err:
        call_command("compliance", "evaluate", str(path))
    assert err.value.returncode == 2
    assert "nested too deeply" in str(err.value) or "$" in str(err.value)


def test_compliance_command_names_the_line_of_a_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "bad.json"
    path.write_bytes(b'{\n  "kind": "chief",\n  "status": "held",\n  "venue": "\xcf\xf0\xe8",\n}\n')
    with pytest.raises(CommandError) as err:
        call_command("compliance", "evaluate", str(path))
    assert err.value.returncode == 2
    assert "line 4" in str(err.value)
