from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults


def csrf_failure(request, reason: str = ""):
    """An expired or forged form: say so in the reader's language, never Django's technical page."""
    return render(request, "403_csrf.html", status=403)


def _api_error(code: str, message: str, status: int) -> JsonResponse:
    """The API's one error format (esep.api.errors) for answers Django gives before a view runs."""
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception=None):
    if _is_api(request):
        return _api_error("malformed", _("The request could not be understood. Nothing was saved."), 400)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception=None):
    if _is_api(request):
        return _api_error("not_found", _("There is no such address in the API."), 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _api_error(
            "server_error", _("Sorry, the request could not be handled. Try again later; nothing sent was lost."), 500
        )
    return defaults.server_error(request)
