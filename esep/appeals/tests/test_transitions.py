import pytest

from esep.appeals.models import AppealKind, AppealStatus
from esep.appeals.transitions import can_transition

S = AppealStatus
A = AppealKind.APPEAL
C = AppealKind.CRIME_REPORT


@pytest.mark.parametrize(
    ("kind", "status_from", "status_to", "ok"),
    [
        pytest.param(A, S.REGISTERED, S.IN_PROGRESS, True, id="taken into work"),
        pytest.param(A, S.IN_PROGRESS, S.ANSWERED, True, id="АППК art. 77: answered"),
        pytest.param(A, S.IN_PROGRESS, S.EXTENDED, True, id="АППК art. 76 p.3: extended"),
        pytest.param(A, S.EXTENDED, S.EXTENDED, False, id="АППК art. 76 p.3: one extension"),
        pytest.param(A, S.REGISTERED, S.FORWARDED, True, id="АППК art. 65: forwarded"),
        pytest.param(A, S.FORWARDED, S.ANSWERED, True, id="competent body answered"),
        pytest.param(A, S.FORWARDED, S.IN_PROGRESS, False, id="forwarded does not come back silently"),
        pytest.param(A, S.REGISTERED, S.ENDED_WITHOUT_ANSWER, True, id="АППК art. 88: ended"),
        pytest.param(A, S.ANSWERED, S.CLOSED, True, id="closed after answer"),
        pytest.param(A, S.CLOSED, S.IN_PROGRESS, False, id="closed is final"),
        pytest.param(A, S.REGISTERED, S.CRIME_REGISTERED, False, id="appeal is not a crime report"),
        pytest.param(C, S.REGISTERED, S.CRIME_REGISTERED, True, id="АППК art. 3 p.4: crime register"),
        pytest.param(C, S.REGISTERED, S.FORWARDED, False, id="АППК art. 3 p.4: not forwarded under АППК"),
        pytest.param(C, S.IN_PROGRESS, S.ANSWERED, False, id="АППК art. 3 p.4: no АППК answer"),
        pytest.param(C, S.CRIME_REGISTERED, S.CLOSED, True, id="crime report closed"),
    ],
)
def test_transition_table(kind, status_from, status_to, ok):
    assert can_transition(kind, status_from, status_to) is ok
