"""Guards that answer bad requests with a clear page in the reader's language instead of a traceback or an
empty technical answer."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _


def _has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists())


class RequestGuardMiddleware:
    """Place after LocaleMiddleware, so that the pages it answers with speak the language of the address.

    - A NUL character in the address or the query string is refused with 400 before any view runs:
      PostgreSQL cannot compare text with NUL, so it would otherwise end in a server error.
    - A 405 answer without a body (Django's ``require_http_methods``) gets a page saying what happened.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            raise BadRequest("NUL character in the request address")
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not request.path.startswith("/api/"):
            page = render(
                request,
                "public/error.html",
                {
                    "title": _("This action is not possible here"),
                    "message": _(
                        "This page cannot be used this way (%(method)s). Nothing was saved. "
                        "Go back and use the page's own links and buttons."
                    )
                    % {"method": request.method[:10]},
                },
                status=405,
            )
            page["Allow"] = response.get("Allow", "")
            return page
        return response


# No inline script or style anywhere in Esep (scripts are files in esep/static/esep/): the policy allows
# only our own origin. Django's admin sets a few inline styles, so it alone may use them.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
ADMIN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
# The home page's "use my location" needs geolocation from our own origin; nothing needs the rest.
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()"
)
_PRIVATE_PREFIXES = ("staff/", "admin/", "accounts/")


def _unprefixed(path: str) -> str:
    parts = path.lstrip("/").split("/", 1)
    if parts[0] in {"kk", "ru", "en"}:
        return parts[1] if len(parts) > 1 else ""
    return path.lstrip("/")


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not set itself: Content-Security-Policy, Permissions-Policy, and
    ``Cache-Control: no-store`` on every back-office page, admin page and answer to a signed-in user or a
    token, so that personal data is never kept by a shared computer's browser or a proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = _unprefixed(request.path)
        if "Content-Security-Policy" not in response:
            policy = ADMIN_CONTENT_SECURITY_POLICY if path.startswith("admin/") else CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if (
            path.startswith(_PRIVATE_PREFIXES)
            or (user is not None and user.is_authenticated)
            or "HTTP_AUTHORIZATION" in request.META
        ):
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response


class IdleSessionMiddleware:
    """Log a signed-in person out after ESEP_SESSION_IDLE_MINUTES without a request (a station computer left
    open at a gathering or in a duty room), and ESEP_SESSION_MAX_HOURS after the session began. The last
    activity is written at most once a minute, so a busy officer does not cost a session write per click.
    Place after AuthenticationMiddleware."""

    KEY = "esep_last_seen"
    STARTED = "esep_session_started"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(self.KEY)
            started = request.session.setdefault(self.STARTED, now)
            idle = isinstance(last, int) and now - last > settings.ESEP_SESSION_IDLE_MINUTES * 60
            too_old = isinstance(started, int) and now - started > settings.SESSION_COOKIE_AGE
            if idle or too_old:
                logout(request)
                if not request.path.startswith("/api/"):
                    return redirect_to_login(request.get_full_path())
            elif not isinstance(last, int) or now - last >= self.WRITE_EVERY:
                request.session[self.KEY] = now
        return self.get_response(request)
