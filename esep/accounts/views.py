"""Staff login: Django's view under the shared limit on failed logins (esep.accounts.login_limit)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views

from esep.accounts import login_limit


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    http_method_names = ["get", "post", "head", "options"]

    def post(self, request, *args, **kwargs):
        return login_limit.guarded(request, lambda req: super(LoginView, self).post(req, *args, **kwargs))


def admin_login(request):
    """/admin/login/ under the same limit as the staff login page."""
    return login_limit.guarded(request, admin.site.login)
