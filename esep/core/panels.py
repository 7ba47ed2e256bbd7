"""The registry of the staff "Today" page's panels: each app registers a function that says what needs doing in
the user's scope (esep.backoffice.dashboard shows them). In the kernel, so that domain apps register panels without
importing the back office.

A panel function takes the user and returns a Panel, or None when it has nothing for that user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PanelRow:
    label: str
    url: str = ""
    note: str = ""
    # Direct links to the next step (e.g. the door registration of today's meeting): (label, url).
    actions: list[tuple[str, str]] = field(default_factory=list)


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
