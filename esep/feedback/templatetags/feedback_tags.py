"""What the public meeting and precinct pages show of the ratings: count, average, approved comments."""

from __future__ import annotations

from django import template

from esep.feedback import selectors, services

register = template.Library()


@register.inclusion_tag("feedback/_meeting_results.html")
def meeting_feedback(meeting):
    """Two queries for a held or closed meeting (summary, approved comments), none otherwise."""
    state = services.rating_state(meeting)
    if state == services.NOT_YET:
        return {"show": False}
    summary = selectors.summaries([meeting.pk]).get(meeting.pk, selectors.EMPTY)
    return {
        "show": state == services.OPEN or summary.count > 0,
        "meeting": meeting,
        "open": state == services.OPEN,
        "summary": summary,
        "comments": selectors.approved_comments(meeting.pk) if summary.count else [],
    }


@register.inclusion_tag("feedback/_precinct_results.html")
def precinct_feedback(past_meetings, last: int = 4):
    """Ratings of the precinct's last ``last`` held reports, one query."""
    recent = list(past_meetings)[:last]
    by_meeting = selectors.summaries([m.pk for m in recent])
    rows = [(m, by_meeting.get(m.pk, selectors.EMPTY)) for m in recent]
    return {"rows": rows, "total": selectors.combined([s for _m, s in rows])}
