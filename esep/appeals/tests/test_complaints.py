"""Complaints against an act or inaction (АППК art. 99): 20 working days from registration, no extension."""

import datetime as dt

import pytest
import time_machine
from django.utils import translation

from esep.accounts.models import Role
from esep.appeals import services
from esep.appeals.describe import _appeal_facts
from esep.appeals.models import AppealKind, AppealStatus, EventKind
from esep.appeals.selectors import appeals_for_staff
from esep.appeals.sweep import appeals_sweep
from esep.appeals.transitions import can_transition
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db
S = AppealStatus
D = dt.date


@pytest.mark.parametrize(
    ("received", "registered", "due"),
    [
        pytest.param(ta.almaty(2026, 2, 2, 11), D(2026, 2, 2), D(2026, 3, 2), id="АППК-art.99-20-working-days"),
        # АППК art. 64 p.2: after hours on Friday, registered on Monday; art. 99 counts from registration;
        # 8 March 2026 is a Sunday, so Monday 9 March is the day off carried over.
        pytest.param(
            ta.almaty(2026, 2, 6, 19, 30), D(2026, 2, 9), D(2026, 3, 10), id="АППК-art.99-art.64p2-after-hours"
        ),
        pytest.param(ta.almaty(2026, 3, 10, 11), D(2026, 3, 10), D(2026, 4, 10), id="АППК-art.99-Nauryz-not-counted"),
    ],
)
def test_complaint_term_is_20_working_days_from_registration(received, registered, due):
    with time_machine.travel(received, tick=False):
        complaint = ta.appeal(kind=AppealKind.COMPLAINT, received_at=received)
        appeal = ta.appeal(received_at=received)
    assert complaint.registered_on == registered
    assert complaint.due_on == due
    assert complaint.due_basis["rule"] == "appk.complaint_term_days"
    assert complaint.due_basis["citation"] == "АППК art. 99"
    assert complaint.due_basis["value"] == 20
    assert appeal.due_on < complaint.due_on  # an ordinary appeal: 15 working days (art. 76 p.1)


@pytest.mark.parametrize(
    ("status_from", "status_to", "allowed"),
    [
        pytest.param(S.REGISTERED, S.EXTENDED, False, id="АППК-art.99-no-extension-from-registered"),
        pytest.param(S.IN_PROGRESS, S.EXTENDED, False, id="АППК-art.99-no-extension-in-progress"),
        pytest.param(S.IN_PROGRESS, S.ANSWERED, True, id="АППК-art.99-answered"),
        pytest.param(S.REGISTERED, S.FORWARDED, True, id="АППК-art.65-forwarded"),
        pytest.param(S.IN_PROGRESS, S.ENDED_WITHOUT_ANSWER, True, id="АППК-art.70-ended"),
        pytest.param(S.ANSWERED, S.CLOSED, True, id="closed-after-answer"),
    ],
)
def test_complaint_transitions(status_from, status_to, allowed):
    assert can_transition(AppealKind.COMPLAINT, status_from, status_to) is allowed
    # An ordinary appeal may be extended (АППК art. 76 p.3).
    assert can_transition(AppealKind.APPEAL, S.IN_PROGRESS, S.EXTENDED)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param("en", "АППК art. 99", id="АППК-art.99-en"),
        pytest.param("ru", "АППК, ст. 99", id="АППК-art.99-ru"),
        pytest.param("kk", "ӘРПК, 99-бап", id="АППК-art.99-kk"),
    ],
)
def test_extending_a_complaint_is_refused_with_the_citation(lang, expected):
    body = f.body()
    chief = f.staff(Role.CHIEF, body)
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        complaint = ta.appeal(body=body, kind=AppealKind.COMPLAINT)
        with translation.override(lang), pytest.raises(services.AppealError) as refused:
            services.appeal_extend(appeal=complaint, actor=chief, until=D(2026, 3, 20), reason="Тексеру керек")
    assert expected in str(refused.value)
    assert "20" in str(refused.value)
    complaint.refresh_from_db()
    assert complaint.extended_until is None and complaint.status == S.REGISTERED
    assert EventKind.EXTENDED not in complaint.events.values_list("kind", flat=True)


def test_complaint_is_answered_and_goes_overdue_like_an_appeal():
    body = f.body()
    staff = f.staff(Role.STAFF_UNIT, body)
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        late = ta.appeal(body=body, kind=AppealKind.COMPLAINT)
        on_time = ta.appeal(body=body, kind=AppealKind.COMPLAINT)
    with time_machine.travel(ta.almaty(2026, 2, 27, 11), tick=False):
        services.appeal_answer(appeal=on_time, actor=staff, text="Тексерілді, инспекторға тәртіптік шара қолданылды.")
    # 2 March 2026 is the last day (art. 99); on 3 March it is overdue, frozen once.
    with time_machine.travel(ta.almaty(2026, 3, 3, 9), tick=False):
        result = appeals_sweep()
        ids = [a.pk for a in appeals_for_staff(staff, status="overdue")]
    assert result.marked_overdue == 1 and ids == [late.pk]
    late.refresh_from_db()
    on_time.refresh_from_db()
    assert late.overdue_since == D(2026, 3, 3)
    assert on_time.answered_late is False and on_time.status == S.ANSWERED
    # The compliance engine judges it by art. 99, not art. 76.
    assert _appeal_facts(late)["appeal"]["kind"] == "complaint_against_action"
    assert _appeal_facts(ta.appeal(body=body))["appeal"]["kind"] == "appeal"


def test_anonymous_complaint_ends_without_an_answer():
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        complaint = ta.appeal(kind=AppealKind.COMPLAINT, applicant_name="", applicant_contact="", contact_consent=False)
    # АППК art. 88 p.1 sub.2 applies to complaints too.
    assert complaint.status == S.ENDED_WITHOUT_ANSWER


def test_unknown_kind_is_refused():
    with pytest.raises(services.AppealError):
        ta.appeal(kind="petition")
