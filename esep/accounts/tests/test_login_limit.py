"""Issue 14 items 1 and 11: logins are limited by failures, per account and per address separately, on the
staff login page, /admin/login/ and the API token endpoint; successful logins never lock an office out."""

from __future__ import annotations

import pytest
from django.test import Client

from esep.accounts import login_limit
from esep.accounts.models import Role
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

OFFICE_NAT = {"REMOTE_ADDR": "192.0.2.77"}
LOGIN_PAGES = ["/kk/accounts/login/", "/admin/login/"]


def _post(path, username, password, **meta):
    return Client().post(path, {"username": username, "password": password}, **{**OFFICE_NAT, **meta})


@pytest.mark.parametrize("path", LOGIN_PAGES)
def test_a_whole_shift_logging_in_from_one_address_is_never_locked_out(path):
    officers = [f.staff(Role.STAFF_UNIT, is_staff=True, username=f"officer{n}") for n in range(40)]
    statuses = [_post(path, officer.username, "pass-word-123").status_code for officer in officers]
    assert statuses == [302] * len(officers)


@pytest.mark.parametrize("path", LOGIN_PAGES)
def test_guessing_one_accounts_password_is_stopped_even_from_many_addresses(path):
    f.staff(Role.STAFF_UNIT, is_staff=True, username="chief")
    statuses = [
        _post(path, "chief", f"g{n}", REMOTE_ADDR=f"198.51.100.{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(login_limit.ACCOUNT_FAILURES + 2)
    ]
    assert statuses[: login_limit.ACCOUNT_FAILURES] == [200] * login_limit.ACCOUNT_FAILURES
    assert statuses[login_limit.ACCOUNT_FAILURES :] == [429, 429]
    # The right password is refused too while the account is locked: the guesser cannot tell it was right.
    assert _post(path, "chief", "pass-word-123", REMOTE_ADDR="198.51.100.250").status_code == 429


@pytest.mark.parametrize("path", LOGIN_PAGES)
def test_guessing_many_accounts_from_one_address_is_stopped_whatever_the_forwarded_header(path):
    statuses = [
        _post(path, f"user-{n}", "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(login_limit.ADDRESS_FAILURES + 2)
    ]
    assert set(statuses[: login_limit.ADDRESS_FAILURES]) == {200}
    assert statuses[login_limit.ADDRESS_FAILURES :] == [429, 429]


def test_the_refusal_says_what_happened_in_the_readers_language():
    for n in range(login_limit.ADDRESS_FAILURES):
        _post("/ru/accounts/login/", f"u{n}", "guess")
    response = _post("/ru/accounts/login/", "someone", "guess")
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_one_officers_typos_do_not_lock_a_colleague_at_the_same_address():
    f.staff(Role.STAFF_UNIT, is_staff=True, username="colleague")
    for n in range(login_limit.ACCOUNT_FAILURES + 1):
        _post("/kk/accounts/login/", "typist", f"typo{n}")
    assert _post("/kk/accounts/login/", "colleague", "pass-word-123").status_code == 302


def test_api_token_failures_count_per_account():
    f.staff(Role.STAFF_UNIT, username="script")
    client = Client()
    statuses = [
        client.post(
            "/api/v1/auth/token/", {"username": "script", "password": f"g{n}"}, REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(login_limit.ACCOUNT_FAILURES + 1)
    ]
    assert statuses[-1] == 429
    assert statuses[:-1] == [401] * login_limit.ACCOUNT_FAILURES
