"""The staff "Today" page is made of panels that apps register: each says what needs doing in the user's scope.

A panel function takes the user and returns a Panel, or None when it has nothing for that user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, restrict


@dataclass
class PanelRow:
    label: str
    url: str = ""
    note: str = ""


@dataclass
class Panel:
    title: str
    count: int
    rows: list[PanelRow] = field(default_factory=list)
    url: str = ""
    severity: str = "info"  # info, warn, bad
    order: int = 50


PANELS: list[Callable[[Any], Panel | None]] = []


def register_panel(fn: Callable[[Any], Panel | None]) -> Callable[[Any], Panel | None]:
    if fn not in PANELS:
        PANELS.append(fn)
    return fn


def panels_for(user: Any) -> list[Panel]:
    result = [panel for fn in PANELS if (panel := fn(user)) is not None]
    return sorted(result, key=lambda p: (p.order, p.title))


@register_panel
def vacant_precincts(user: Any) -> Panel | None:
    """Precincts nobody serves today: residents there have no inspector to turn to."""
    from esep.police.models import Assignment, Precinct

    today = timezone.localdate()
    covered = Assignment.objects.on(today).values("precinct_id")
    qs = restrict(Precinct.objects.select_related("body"), user, Action.VIEW).exclude(pk__in=covered)
    count = qs.count()
    if not count:
        return None
    rows = [
        PanelRow(f"№ {p.number} {p.name}", reverse("backoffice:precinct_detail", args=[p.pk]), str(p.body))
        for p in qs.order_by("body__path", "number")[:10]
    ]
    return Panel(_("Precincts without an inspector today"), count, rows, severity="warn", order=80)
