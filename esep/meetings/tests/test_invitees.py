"""The invitee categories staff choose from are exactly those the law names, in every version of the rules."""

from esep.law.rules import versions
from esep.meetings.models import InviteeCategory


def test_invitee_choices_match_the_law():
    named = set()
    for code in ("meeting.invitees", "meeting.participants_required"):
        for rule in versions(code):
            value = rule.value
            named |= set(value) if isinstance(value, (tuple, list)) else set()
    # Order 608 p.11, Order 652 p.28, Decree 723 p.10; Order 608 p.4 and Order 652 p.26 for those taking part.
    assert set(InviteeCategory.values) == named
