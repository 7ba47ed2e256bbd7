"""What a public meeting page shows of accountability: the published report and the public council's
observer notes (held meetings), the measures on earlier decisions and the answers to "was it fixed?" (every
public meeting), and the follow links."""

from __future__ import annotations

from django import template

from esep.accountability import observers, selectors

register = template.Library()


@register.inclusion_tag("accountability/_meeting_report.html")
def meeting_accountability(meeting):
    return {
        "meeting": meeting,
        "report": selectors.public_report(meeting),
        "observer_notes": observers.public_notes(meeting),
        "carried": selectors.carried_decisions(meeting),
        "fixed": selectors.fixed_counts(meeting),
    }
