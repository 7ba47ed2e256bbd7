import pytest

from esep.meetings.models import MeetingStatus as S
from esep.meetings.workflow import TRANSITIONS, can_move

CASES = [
    ("draft-to-scheduled", S.DRAFT, S.SCHEDULED, True),
    ("scheduled-to-announced", S.SCHEDULED, S.ANNOUNCED, True),
    ("announced-to-held", S.ANNOUNCED, S.HELD, True),
    ("held-to-closed-after-minutes", S.HELD, S.CLOSED, True),
    ("announced-to-cancelled", S.ANNOUNCED, S.CANCELLED, True),
    ("held-cannot-be-cancelled", S.HELD, S.CANCELLED, False),
    ("closed-is-final", S.CLOSED, S.HELD, False),
    ("cancelled-is-final", S.CANCELLED, S.SCHEDULED, False),
    ("draft-cannot-be-held", S.DRAFT, S.HELD, False),
]


@pytest.mark.parametrize(("current", "target", "allowed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_transition_table(current, target, allowed):
    assert can_move(current, target) is allowed


def test_every_status_has_a_row():
    assert set(TRANSITIONS) == set(S.values)
