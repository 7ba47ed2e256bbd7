"""Token authentication for scripts: POST a login and password, get a token to send as
``Authorization: Token <key>``. Limited like every login: failures per account and per address
(esep.accounts.login_limit), and at most LoginThrottle's rate of requests per client address."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny

from esep.accounts import login_limit
from esep.api.throttling import AnonRateThrottle
from esep.core.errors import EsepError


class LoginThrottle(AnonRateThrottle):
    scope = "login"
    rate = "10/minute"


_CREDENTIAL = {"type": "string", "minLength": 1, "maxLength": 150, "pattern": "\\S"}
_TOKEN_REQUEST = {
    "type": "object",
    "required": ["username", "password"],
    "properties": {"username": _CREDENTIAL, "password": {**_CREDENTIAL, "maxLength": 4096}},
}
_TOKEN_RESPONSE = {"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}}}


@extend_schema(
    description="Exchange a staff login and password for an API token. Wrong credentials: 401.",
    request={"application/json": _TOKEN_REQUEST, "application/x-www-form-urlencoded": _TOKEN_REQUEST},
    responses={200: _TOKEN_RESPONSE, 400: OpenApiTypes.OBJECT, 401: OpenApiTypes.OBJECT},
)
class TokenView(ObtainAuthToken):
    permission_classes = [AllowAny]
    throttle_classes = [LoginThrottle]

    def post(self, request, *args, **kwargs):
        username = request.data.get("username", "") if hasattr(request.data, "get") else ""
        username = username if isinstance(username, str) else ""
        if login_limit.blocked(request, username):
            raise EsepError(
                _("Too many failed logins for this account or from your connection. Try again later."),
                code="throttled",
                status=429,
            )
        try:
            return super().post(request, *args, **kwargs)
        except exceptions.ValidationError as exc:
            login_limit.record_failure(request, username)
            codes = exc.get_codes()
            if isinstance(codes, dict) and "authorization" in codes.get("non_field_errors", []):
                # Wrong login or password: the credentials are refused (401), the request itself was well formed.
                raise exceptions.AuthenticationFailed(_("Wrong login or password.")) from None
            raise

    def get_authenticate_header(self, request):
        return "Token"
