"""Staff login: Django's view with a limit on attempts per address, so passwords cannot be guessed fast."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _

from esep.public import ratelimit

# A person mistypes a password a few times; a script tries thousands.
LOGIN_LIMIT = 10
LOGIN_WINDOW_SECONDS = 600


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    http_method_names = ["get", "post", "head", "options"]

    def post(self, request, *args, **kwargs):
        if not ratelimit.allow(request, "login", limit=LOGIN_LIMIT, window=LOGIN_WINDOW_SECONDS):
            return render(
                request,
                "public/error.html",
                {
                    "title": _("Too many attempts"),
                    "message": _("Too many attempts from your connection. Please try again later."),
                },
                status=429,
            )
        return super().post(request, *args, **kwargs)
