"""Token authentication for scripts: POST a login and password, get a token to send as
``Authorization: Token <key>``. Limited like every login: failures per account and per address
(esep.accounts.login_limit), and at most LoginThrottle's rate of requests per client address."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny

from esep.accounts import login_limit
from esep.api.errors import ApiError
from esep.api.throttling import AnonRateThrottle


class LoginThrottle(AnonRateThrottle):
    scope = "login"
    rate = "10/minute"


@extend_schema(
    description="Exchange a staff login and password for an API token.",
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT, 429: OpenApiTypes.OBJECT},
)
class TokenView(ObtainAuthToken):
    permission_classes = [AllowAny]
    throttle_classes = [LoginThrottle]

    def post(self, request, *args, **kwargs):
        username = request.data.get("username", "") if hasattr(request.data, "get") else ""
        username = username if isinstance(username, str) else ""
        if login_limit.blocked(request, username):
            raise ApiError(
                _("Too many failed logins for this account or from your connection. Try again later."),
                code="throttled",
                status_code=429,
            )
        try:
            return super().post(request, *args, **kwargs)
        except Exception:
            login_limit.record_failure(request, username)
            raise
