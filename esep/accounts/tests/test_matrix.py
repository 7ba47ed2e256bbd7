"""The permission matrix (docs/permissions.md) is generated from the table in esep.accounts.permissions, is
never stale, and says what ``can()`` does on real rows: for every role, every action a sample of models
registers, its own body (territory, state body) and another."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from esep.accounts.matrix import NO, ROLE_ORDER, cell, markdown
from esep.accounts.models import OUTSIDE_ROLES, Role, RoleAssignment
from esep.accounts.permissions import Action, can, policies, policy_for
from esep.appeals.models import AppealForward
from esep.conf import BASE_DIR
from esep.meetings.models import MeetingKind, MeetingStatus, Participant
from esep.planning.models import Schedule
from esep.police.models import PoliceBody, StateAgency
from esep.protocols.models import Decision, Protocol, ProtocolItem
from esep.testing import appeals as af
from esep.testing import factories as f
from esep.testing import feedback as ff


def test_docs_permissions_md_is_the_generated_matrix():
    """Regenerate with `esep permissions matrix --write` after changing the table."""
    on_disk = (BASE_DIR / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert on_disk == markdown(), "docs/permissions.md is stale: run `esep permissions matrix --write`"


def test_every_scoped_model_has_a_policy():
    """A model that reaches a police body must say who may do what to it; without a policy it fails closed
    (restrict() returns nothing), which is safe but surely not what its author meant."""
    missing = [
        m._meta.label_lower
        for m in apps.get_models()
        if getattr(m, "scope_body_field", None) is not None and policy_for(m) is None
    ]
    assert missing == []


# --- the matrix against can() on real rows --------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, Any]
    own: dict[tuple[str, str], Any]  # (model label, role) -> a row in the role's scope
    other: dict[str, Any]  # model label -> a row of another body and territory


AGENCY_KINDS = {
    Role.AKIMAT: StateAgency.Kind.AKIMAT_DEPARTMENT,
    Role.MASLIKHAT: StateAgency.Kind.MASLIKHAT,
    Role.PUBLIC_COUNCIL: StateAgency.Kind.OTHER,
}


def _rows(body: PoliceBody, agency: StateAgency | None, kind: str = MeetingKind.INSPECTOR) -> dict[str, Any]:
    """One row of each sample model in ``body``; appeals and minutes items forwarded to ``agency``."""
    officer, precinct = f.inspector_with_precinct(body)
    meeting = f.meeting(
        kind=kind,
        body_=body,
        reporters=[(officer, precinct)],
        starts_at=timezone.now() - dt.timedelta(days=2),
        status=MeetingStatus.HELD,
    )
    protocol = Protocol.objects.create(meeting=meeting, started_at=meeting.starts_at, place="Мәдениет үйі")
    item = ProtocolItem.objects.create(
        protocol=protocol,
        kind="complaint",
        text="Көшеде жарық жоқ.",
        person_name="Асқаров Бауыржан",
        competence="other" if agency else "police",
        subject="housing" if agency else "police",
        target_agency=agency,
    )
    decision = Decision.objects.create(
        protocol=protocol, text="Рейд өткізу.", responsible="УИП", due_date=dt.date(2030, 1, 1)
    )
    appeal = af.appeal(body=body, meeting=meeting)
    if agency is not None:
        now = timezone.now()
        AppealForward.objects.create(
            appeal=appeal, agency=agency, agency_name=agency.name_ru, forwarded_at=now, forwarded_on=now.date()
        )
    return {
        "police.policebody": body,
        "police.precinct": precinct,
        "planning.schedule": Schedule.objects.create(
            body=body, kind="inspector", period_year=2030 + Schedule.objects.count(), period_quarter=1
        ),
        "meetings.meeting": meeting,
        "meetings.participant": Participant.objects.create(
            meeting=meeting, full_name="Жұмабаева Гүлнар", residence="Абай к-сі 1", person_key=f"k{meeting.pk}"
        ),
        "questions.question": af.question(meeting),
        "feedback.rating": ff.rating(meeting, comment="Жақсы есеп."),
        "appeals.appeal": appeal,
        "protocols.protocol": protocol,
        "protocols.protocolitem": item,
        "protocols.decision": decision,
    }


@pytest.fixture
def world(db) -> World:
    region = f.region_body(f.region(41))
    own_body = f.body(terr=f.district(region.territory, 11), parent=region)
    other_body = f.body(terr=f.district(region.territory, 22), parent=region)
    users: dict[str, Any] = {}
    own: dict[tuple[str, str], Any] = {}
    for role in ROLE_ORDER:
        if role in OUTSIDE_ROLES:
            user = f.user(role, terr=own_body.territory)
            agency = None
            if role in AGENCY_KINDS:
                agency = f.agency(own_body.territory, kind=AGENCY_KINDS[role], name_ru=f"Орган {role}")
                if role == Role.PUBLIC_COUNCIL:
                    RoleAssignment.objects.filter(user=user).update(agency=agency)
            rows = _rows(own_body, agency)
        else:
            user = f.staff(role, own_body)
            rows = _rows(own_body, None)
        users[role] = user
        for label, row in rows.items():
            own[(label, role)] = row
    # Another body on another territory, its appeals and items forwarded to a state body there.
    other = _rows(other_body, f.agency(other_body.territory, kind=StateAgency.Kind.AKIMAT_DEPARTMENT))
    return World(users, own, other)


def test_the_matrix_says_what_can_does(world):
    checked = 0
    wrong = []
    for label in world.other:
        policy = policies()[label]
        for action in policy.actions:
            for role in ROLE_ORDER:
                if callable(policy.where.get((action, role))):
                    continue  # depends on other rows (no public council): esep/feedback/tests/test_council.py
                user = world.users[role]
                expected = cell(policy, action, role)
                for where, row, want in (
                    ("own", world.own[(label, role)], expected.own != NO),
                    ("other", world.other[label], expected.other != NO),
                ):
                    checked += 1
                    if can(user, action, row) != want:
                        wrong.append(f"{label} {action} {role} {where}: matrix says {want}")
    assert wrong == []
    assert checked > 300


def test_an_outside_body_never_sees_what_was_not_sent_to_it(world):
    """Issue 14 item 10: every appeal, question and minutes item not sent to an akimat, maslikhat or public
    council is out of its reach, even on its own territory and in its own body's meetings."""
    for role in (Role.AKIMAT, Role.MASLIKHAT, Role.PUBLIC_COUNCIL):
        user = world.users[role]
        for other_role in ROLE_ORDER:
            for label in ("appeals.appeal", "protocols.protocolitem", "questions.question"):
                row = world.own[(label, other_role)]
                sent_to_it = other_role == role and label != "questions.question"
                assert can(user, Action.VIEW, row) == sent_to_it, (role, other_role, label)


def test_the_akimat_sees_the_applicant_only_while_it_owes_the_answer(world):
    akimat = world.users[Role.AKIMAT]
    appeal = world.own[("appeals.appeal", Role.AKIMAT)]
    assert can(akimat, Action.PERSONAL_DATA, appeal)
    AppealForward.objects.filter(appeal=appeal).update(replied_at=timezone.now())
    assert can(akimat, Action.VIEW, appeal)
    assert not can(akimat, Action.PERSONAL_DATA, appeal)
    assert not can(world.users[Role.OVERSIGHT], Action.PERSONAL_DATA, appeal)


@pytest.mark.parametrize(
    "label",
    ["appeals.appeal", "questions.question", "protocols.protocolitem", "meetings.participant", "police.precinct"],
)
def test_empty_paths_and_missing_territories_fail_closed(db, label):
    body = f.body()
    rows = _rows(body, None)
    # A body whose path was never computed: its staff unit sees nothing, not everything.
    pathless = f.body()
    PoliceBody.objects.filter(pk=pathless.pk).update(path="")
    nowhere_staff = f.staff(Role.STAFF_UNIT, pathless)
    # An akimat, a maslikhat and a public council with no territory and no state body: nothing.
    homeless = [f.user(role) for role in (Role.AKIMAT, Role.MASLIKHAT, Role.PUBLIC_COUNCIL)]
    for user in [nowhere_staff, *homeless]:
        assert not can(user, Action.VIEW, rows[label]), (user, label)
    # Oversight without a territory is the ministry or the General Prosecutor's Office: the whole country,
    # read only, and never a person's contact.
    prosecutor = f.user(Role.OVERSIGHT)
    assert can(prosecutor, Action.VIEW, rows["police.precinct"])
    assert not can(prosecutor, Action.CHANGE, rows["police.precinct"])


def test_a_row_of_a_model_with_no_policy_is_refused(db, monkeypatch):
    from esep.accounts import permissions

    body = f.body()
    precinct = f.precinct(body)
    staff = f.staff(Role.STAFF_UNIT, body)
    assert can(staff, Action.VIEW, precinct)
    monkeypatch.delitem(permissions._POLICIES, "police.precinct")
    assert not can(staff, Action.VIEW, precinct)


def test_an_unregistered_action_is_refused(db):
    body = f.body()
    staff = f.staff(Role.STAFF_UNIT, body)
    precinct = f.precinct(body)
    assert can(staff, Action.EDIT_REGISTRY, precinct)
    assert not can(staff, Action.EXTEND, precinct)
