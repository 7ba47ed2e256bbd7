"""The staff menu: each app's AppConfig may declare ``staff_menu = [(label, url_name), ...]``."""

from __future__ import annotations

from functools import wraps

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from esep.accounts.permissions import is_staff_user


def staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def staff_menu() -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        for label, url_name in getattr(config, "staff_menu", []):
            try:
                items.append((str(label), reverse(url_name)))
            except NoReverseMatch:
                continue
    return items
