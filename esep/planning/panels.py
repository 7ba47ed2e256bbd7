"""The "Today" panel: inspectors' reports of the last quarter that were not held."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from esep.core import clock
from esep.core.panels import Panel, PanelRow, register_panel
from esep.planning.selectors import ObligationStatus, inspector_counts


@register_panel
def missing_inspector_reports(user: Any) -> Panel | None:
    today = clock.localdate()
    quarter = (today.month - 1) // 3  # the last finished quarter
    year = today.year if quarter else today.year - 1
    quarter = quarter or 4
    rows = [r for r in inspector_counts(user, year=year, quarter=quarter) if r.counts[ObligationStatus.MISSING]]
    total = sum(r.counts[ObligationStatus.MISSING] for r in rows)
    if not total:
        return None
    url = reverse("planning_staff:not_reported") + f"?kind=inspector&year={year}&quarter={quarter}"
    return Panel(
        _("Inspectors' reports not held last quarter"),
        total,
        [PanelRow(str(r.body), f"{url}&body={r.body.pk}", str(r.counts[ObligationStatus.MISSING])) for r in rows[:10]],
        url=url,
        severity="bad",
        order=40,
    )
