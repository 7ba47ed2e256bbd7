"""Guards that answer bad requests with a clear page in the reader's language instead of a traceback or an
empty technical answer."""

from __future__ import annotations

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
