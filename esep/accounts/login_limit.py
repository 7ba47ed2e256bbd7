"""The limit on password guessing, shared by every way to log in: the staff login page, /admin/login/ and
the API's token endpoint.

Only failures count, and they count twice, separately: per account (a keyed hash of the login name) and per
client address (esep.core.ratelimit.client_address). A guesser is stopped on one account after
ACCOUNT_FAILURES and from one address after ADDRESS_FAILURES, whichever comes first. Successful logins count
for nothing, so a police department whose whole shift logs in from one NAT address at 08:00 is never locked
out; and one officer's typos lock only that officer's account for at most one window.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from esep.core import ratelimit

WINDOW_SECONDS = 900
# A person mistypes a password a few times; a script tries thousands.
ACCOUNT_FAILURES = 10
# An office behind one address may have several people mistyping at once, hence higher than per account.
ADDRESS_FAILURES = 30


def _subjects(request, username: str) -> list[tuple[str, str, int]]:
    out = [("login-fail-address", ratelimit.client_id(request), ADDRESS_FAILURES)]
    if username:
        out.append(("login-fail-account", ratelimit.subject_id(username[:150]), ACCOUNT_FAILURES))
    return out


def blocked(request, username: str) -> bool:
    """True when this account or this address has used up its failures in the current window."""
    return any(
        ratelimit.count(scope, who, window=WINDOW_SECONDS) >= limit
        for scope, who, limit in _subjects(request, username)
    )


def record_failure(request, username: str) -> None:
    for scope, who, _limit in _subjects(request, username):
        ratelimit.hit(scope, who, window=WINDOW_SECONDS)


def username_of(request) -> str:
    value = request.POST.get("username", "")
    return value if isinstance(value, str) else ""


def too_many(request):
    return render(
        request,
        "public/error.html",
        {
            "title": _("Too many attempts"),
            "message": _(
                "Too many failed logins for this account or from your connection. "
                "Wait %(minutes)s minutes and try again, or ask your administrator to reset the password."
            )
            % {"minutes": WINDOW_SECONDS // 60},
        },
        status=429,
    )


def guarded(request, view):
    """Run a login ``view`` (GET or POST) under the limit: refuse a POST when blocked, count a failure when
    the view answers a POST with the form again instead of a redirect."""
    if request.method != "POST":
        return view(request)
    username = username_of(request)
    if blocked(request, username):
        return too_many(request)
    response = view(request)
    if response.status_code == 200:  # the form came back: wrong login or password
        record_failure(request, username)
    return response
