"""The staff menu: each app's AppConfig may declare ``staff_menu = [(label, url_name), ...]``; each role sees
only the entries it can use, as esep.accounts.permissions decides (``MENU_NEEDS``)."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from esep.accounts.permissions import Action, is_staff_user, may

# url name -> (model, action) the user must be able to do somewhere for the entry to be of use to them.
# An entry not listed here is for every staff user (reading the rules in force, who did not report).
MENU_NEEDS: dict[str, tuple[str, Action]] = {
    "planning_staff:schedule_list": ("planning.schedule", Action.APPROVE),  # Order 608 p.8.1
    "announcements_staff:list": ("meetings.meeting", Action.PUBLISH),
    "questions_staff:queue": ("questions.question", Action.MODERATE),
    "feedback_staff:moderation": ("feedback.rating", Action.MODERATE),
    "accountability_staff:waiting": ("accountability.waitingquestion", Action.VIEW),
    "accountability_staff:comments": ("accountability.fixcheck", Action.MODERATE),
    "accountability_staff:observer_list": ("meetings.meeting", Action.OBSERVE),  # public council members
    "protocols_staff:list": ("protocols.protocol", Action.VIEW),
    "meetings_staff:list": ("meetings.meeting", Action.VIEW),
    "appeals_staff:list": ("appeals.appeal", Action.VIEW),
    "backoffice:precinct_list": ("police.precinct", Action.VIEW),
    "backoffice:assignment_list": ("police.assignment", Action.EDIT_REGISTRY),
    "backoffice:causes": ("appeals.appeal", Action.COUNT),  # the akimat's causes and conditions; oversight
    # The evaluation: the chief and oversight read it; the region's public council sets its criteria.
    "evaluation_staff:scores": ("police.policebody", Action.EVALUATE),
    "evaluation_staff:criteria": ("police.policebody", Action.SET_CRITERIA),
}


def staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _usable(user: Any, url_name: str) -> bool:
    need = MENU_NEEDS.get(url_name)
    if need is None:
        return True
    label, action = need
    try:
        model = apps.get_model(label)
    except LookupError:
        return False
    return may(user, action, model)


def staff_menu(user: Any = None) -> list[tuple[str, str]]:
    """The menu entries ``user`` can use (every entry when ``user`` is None)."""
    entries: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        entries.extend(getattr(config, "staff_menu", []))
    items: list[tuple[str, str]] = []
    for label, url_name in entries:
        if user is not None and not _usable(user, url_name):
            continue
        try:
            items.append((str(label), reverse(url_name)))
        except NoReverseMatch:
            continue
    return items
