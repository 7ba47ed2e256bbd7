"""The Today-page panel: residents' comments waiting for the staff of the meeting's body."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from esep.core.panels import Panel, PanelRow


def comments_to_moderate(user: Any) -> Panel | None:
    from esep.feedback.selectors import moderation_queue

    qs = moderation_queue(user)
    rows = list(qs[:11])
    if not rows:
        return None
    count = len(rows) if len(rows) <= 10 else qs.count()
    url = reverse("feedback_staff:moderation")
    return Panel(
        _("Residents' comments on reports to moderate"),
        count,
        [
            PanelRow(r.comment[:90], url, formats.date_format(timezone.localtime(r.meeting.starts_at), "d.m.Y"))
            for r in rows[:10]
        ],
        url=url,
        severity="warn",
        order=26,
    )
