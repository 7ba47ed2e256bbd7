"""Token authentication for scripts: POST a login and password, get a token to send as
``Authorization: Token <key>``. Throttled like any login."""

from drf_spectacular.utils import extend_schema
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle


class LoginThrottle(AnonRateThrottle):
    scope = "login"
    rate = "10/minute"


@extend_schema(description="Exchange a staff login and password for an API token.")
class TokenView(ObtainAuthToken):
    permission_classes = [AllowAny]
    throttle_classes = [LoginThrottle]
