"""Issue 14 item 7: Content-Security-Policy without inline script, Permissions-Policy, no-store on staff
pages with personal data, and sessions that end when left idle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from esep.accounts.models import Role
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_every_page_has_a_policy_that_allows_no_inline_script(client):
    for url in ["/kk/", "/ru/accounts/login/", "/api/v1/territories/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        script = re.search(r"script-src ([^;]*)", policy).group(1)
        assert script.strip() == "'self'", url
        assert "frame-ancestors 'none'" in policy
        assert "geolocation=(self)" in response["Permissions-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for path in Path(settings.BASE_DIR, "esep").rglob("*.html"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+\s*=", text):
            offenders.append(str(path))
    assert offenders == []


def test_staff_pages_are_never_stored_by_the_browser(client):
    user = f.staff(Role.STAFF_UNIT)
    client.force_login(user)
    response = client.get("/kk/staff/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_stay_cacheable_for_anonymous_readers(client):
    response = client.get("/kk/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_session_left_idle_ends(client, settings):
    settings.ESEP_SESSION_IDLE_MINUTES = 30
    user = f.staff(Role.STAFF_UNIT)
    with time_machine.travel("2026-03-02 09:00:00+05:00", tick=False) as clock:
        client.force_login(user)
        assert client.get("/kk/staff/").status_code == 200
        clock.move_to("2026-03-02 09:25:00+05:00")
        assert client.get("/kk/staff/").status_code == 200  # active: the idle clock restarts
        clock.move_to("2026-03-02 09:50:00+05:00")
        assert client.get("/kk/staff/").status_code == 200
        clock.move_to("2026-03-02 10:21:00+05:00")
        response = client.get("/kk/staff/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert client.get("/kk/staff/").status_code == 302  # logged out, not just redirected once


def test_a_session_ends_after_a_shift_even_when_active(client, settings):
    settings.ESEP_SESSION_IDLE_MINUTES = 30
    settings.SESSION_COOKIE_AGE = 12 * 3600
    user = f.staff(Role.STAFF_UNIT)
    with time_machine.travel("2026-03-02 08:00:00+05:00", tick=False) as clock:
        client.force_login(user)
        for minutes in range(20, 12 * 60, 20):  # a request every 20 minutes: never idle
            clock.move_to(f"2026-03-02 {8 + minutes // 60:02d}:{minutes % 60:02d}:00+05:00")
            assert client.get("/kk/staff/").status_code == 200
        clock.move_to("2026-03-02 20:30:00+05:00")  # 12 h after the first request of the session
        assert client.get("/kk/staff/").status_code == 302
