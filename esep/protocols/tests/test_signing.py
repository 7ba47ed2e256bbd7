import json

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from esep.meetings.models import MeetingKind
from esep.protocols import services
from esep.protocols.models import ProtocolStatus, ProtocolVersion
from esep.protocols.sealing import GENESIS, chain_hash, verify_protocol
from esep.testing import factories
from esep.testing.protocols import (
    at,
    chief_user,
    held_meeting,
    inspector_meeting_with_controller,
    inspector_meeting_with_people,
    minutes,
    secretary_user,
)

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 10, 18)


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_inspector_signs_and_the_minutes_are_sealed_and_frozen():
    # Order 652 p.32: an inspector's minutes are signed by the inspector.
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary)

    services.protocol_sign(protocol=protocol, user=inspector)

    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNED
    version = protocol.versions.get()
    assert version.prev_sha256 == GENESIS
    assert version.sha256 == chain_hash(GENESIS, version.content, version.seal)
    content = json.loads(version.content)
    assert content["protocol"]["participants"] == 3
    assert content["items"][0]["text"] == "Кіреберісте жарық жоқ, түнде қорқынышты."
    assert "Жұмабаева" not in version.content  # personal data enter the seal only as salted hashes
    assert verify_protocol(protocol) == []
    with pytest.raises(ValidationError):
        services.protocol_update(protocol=protocol, actor=secretary, place="басқа жер")
    with pytest.raises(ValidationError):
        services.protocol_item_add(protocol=protocol, actor=secretary, text="кеш", kind="remark")
    with pytest.raises(ValidationError):
        services.protocol_item_delete(item=protocol.items.get(), actor=secretary)


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_someone_the_rules_do_not_name_cannot_sign():
    meeting, _inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary)
    with pytest.raises(ValidationError, match="do not ask you"):
        services.protocol_sign(protocol=protocol, user=secretary)
    other_inspector = factories.officer(meeting.body)
    from esep.testing.protocols import inspector_user

    with pytest.raises(ValidationError):
        services.protocol_sign(protocol=protocol, user=inspector_user(other_inspector))
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT
    assert not ProtocolVersion.objects.exists()


@time_machine.travel(at(2026, 2, 20, 20), tick=False)
def test_chief_report_needs_secretary_and_chief_and_the_first_signature_freezes_the_text():
    # Order 608 p.15: signed by the secretary and the chief of the territorial police body.
    body = factories.body()
    chief_officer = factories.officer(body)
    meeting = held_meeting(starts_at=at(2026, 2, 20, 15), kind=MeetingKind.CHIEF, reporters=[(chief_officer, None)])
    secretary, chief = secretary_user(body), chief_user(body)
    protocol = minutes(meeting, secretary)

    services.protocol_sign(protocol=protocol, user=secretary)
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNING
    with pytest.raises(ValidationError):
        services.protocol_item_add(protocol=protocol, actor=secretary, text="кеш қосылған", kind="remark")
    with pytest.raises(ValidationError, match="already signed"):
        services.protocol_sign(protocol=protocol, user=secretary)

    services.protocol_sign(protocol=protocol, user=chief)
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNED
    version = protocol.versions.get()
    assert [s["slot"] for s in json.loads(version.seal)] == ["chief", "secretary"]


@time_machine.travel(at(2026, 3, 12, 20), tick=False)
def test_joint_gathering_every_inspector_signs_and_each_item_names_its_inspector():
    body = factories.body()
    first, second = factories.inspector_with_precinct(body), factories.inspector_with_precinct(body)
    meeting = held_meeting(starts_at=at(2026, 3, 12, 18), reporters=[first, second])
    from esep.testing.protocols import inspector_user

    secretary = secretary_user(body)
    services.protocol_start(meeting=meeting, actor=secretary)
    with pytest.raises(ValidationError, match="joint gathering"):
        minutes(meeting, secretary)
    protocol = meeting.protocol
    reporter = meeting.reporters.get(officer=second[0])
    services.protocol_item_add(protocol=protocol, actor=secretary, kind="remark", text="Ит көп", reporter=reporter.pk)
    assert protocol.items.get().reporter == reporter

    services.protocol_sign(protocol=protocol, user=inspector_user(first[0]))
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNING
    services.protocol_sign(protocol=protocol, user=inspector_user(second[0]))
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNED


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_a_correction_is_a_signed_addendum_chained_to_the_minutes():
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary)
    services.protocol_sign(protocol=protocol, user=inspector)

    addendum = services.addendum_start(protocol=protocol, text="Қатысушылар тізіміне түзету", actor=secretary)
    late = services.protocol_item_add(protocol=protocol, actor=secretary, kind="proposal", text="Камера орнату")
    assert late.addendum == addendum
    services.protocol_sign(protocol=protocol, user=inspector)

    first, second = protocol.versions.order_by("number")
    assert second.addendum == addendum
    assert second.prev_sha256 == first.sha256
    assert json.loads(second.content)["items"][0]["text"] == "Камера орнату"
    assert verify_protocol(protocol) == []
    with pytest.raises(ValidationError, match="already signed"):
        services.protocol_sign(protocol=protocol, user=inspector)


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_minutes_without_participants_or_place_cannot_be_signed():
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary, participants=0)
    with pytest.raises(ValidationError, match="number of participants"):
        services.protocol_sign(protocol=protocol, user=inspector)
    services.protocol_update(
        protocol=protocol,
        actor=secretary,
        participants_override=40,
        participants_override_reason="тіркеу парағы жоғалды",
    )
    services.protocol_sign(protocol=protocol, user=inspector)
    assert json.loads(protocol.versions.get().content)["protocol"]["participants"] == 40


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_item_outside_police_competence_needs_the_competent_body():
    # Order 608 p.17; Order 652 p.32: sent to the competent state body.
    meeting, _inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = services.protocol_start(meeting=meeting, actor=secretary)
    with pytest.raises(ValidationError, match="competent"):
        services.protocol_item_add(
            protocol=protocol, actor=secretary, text="Жол шұңқыр", competence="other", subject="roads"
        )
    agency = factories.agency(meeting.body.territory, subjects=["roads"])
    item = services.protocol_item_add(
        protocol=protocol,
        actor=secretary,
        text="Жол шұңқыр",
        competence="other",
        subject="roads",
        target_agency=agency.pk,
    )
    assert item.target_agency == agency


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_decision_execution_is_controlled_after_signing():
    # Order 608 p.19; Order 652 p.33.
    meeting, inspector, secretary = inspector_meeting_with_controller(DAY)
    protocol = minutes(meeting, secretary)
    decision = protocol.decisions.get()
    with pytest.raises(ValidationError):
        services.decision_control(decision=decision, status="in_progress", actor=inspector)
    # The secretary keeps the minutes; control of execution is not theirs (Order 652 p.33).
    with pytest.raises(PermissionDenied):
        services.decision_control(decision=decision, status="in_progress", actor=secretary)
    services.protocol_sign(protocol=protocol, user=inspector)
    with pytest.raises(ValidationError, match="Describe"):
        services.decision_control(decision=decision, status="done", actor=inspector)
    services.decision_control(decision=decision, status="done", progress="3 рейд өтті", actor=inspector)
    decision.refresh_from_db()
    assert decision.control_status == "done" and decision.executed_at is not None
    assert verify_protocol(protocol) == []  # control fields are outside the seal
