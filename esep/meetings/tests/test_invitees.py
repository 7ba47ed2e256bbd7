"""The invitee categories staff choose from are exactly those the law names, in every version of the rules."""

import pytest

from esep.law.rules import versions
from esep.meetings.describe import LAW_CATEGORY, describe_holding
from esep.meetings.models import Invitation, InviteeCategory
from esep.testing import factories as f


def test_invitee_choices_match_the_law():
    named = set()
    for code in ("meeting.invitees", "meeting.participants_required"):
        for rule in versions(code):
            value = rule.value
            named |= set(value) if isinstance(value, (tuple, list)) else set()
    # Order 608 p.11, Order 652 p.28, Decree 723 p.10; Order 608 p.4 and Order 652 p.26 for those taking part.
    # A public council is recorded apart but is, for the law, one of "the public" (Order 608 p.11).
    assert set(InviteeCategory.values) - set(LAW_CATEGORY) == named
    assert set(LAW_CATEGORY.values()) <= named


@pytest.mark.django_db
def test_inviting_the_public_council_counts_as_inviting_the_public():
    """Order 608 p.11 / Order 652 p.28 invite "representatives of the public"; a public council is one."""
    meeting = f.meeting()
    Invitation.objects.create(meeting=meeting, category=InviteeCategory.PUBLIC_COUNCIL, name="Облыстық қоғамдық кеңес")
    description: dict = {}
    describe_holding(meeting, description)
    assert description["invited"] == ["public"]
