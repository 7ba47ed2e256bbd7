"""Races on PostgreSQL: the same form sent twice at once, two staff signing at once."""

import threading

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from esep.meetings import services as meeting_services
from esep.meetings.models import MeetingKind, Participant
from esep.protocols import services
from esep.protocols.models import MinutesRegister, Protocol, ProtocolStatus, ProtocolVersion, Signature
from esep.testing import factories
from esep.testing.protocols import at, chief_user, held_meeting, minutes, secretary_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/esep_protocols")


def _race(*targets):
    """Start every target at the same instant, each in its own thread and database connection."""
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []
    results: list = [None] * len(targets)

    def run(i, fn):
        try:
            barrier.wait()
            results[i] = fn()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


def test_the_same_registration_sent_twice_at_once_is_one_row():
    meeting = held_meeting(starts_at=timezone.now())

    def register():
        return meeting_services.participant_register(
            meeting=meeting,
            full_name="Әлиева Ғазиза",
            residence="Абай к-сі 4",
            method="self",
            eligibility_declared=True,
        )

    for _round in range(3):
        results, errors = _race(*([register] * 4))
        assert errors == []
    assert Participant.objects.filter(meeting=meeting).count() == 1
    assert sum(1 for _p, created in results if created) <= 1


@time_machine.travel(at(2026, 2, 20, 20), tick=True)
def test_secretary_and_chief_signing_at_once_make_one_version_with_both_signatures():
    body = factories.body()
    meeting = held_meeting(
        starts_at=at(2026, 2, 20, 15), kind=MeetingKind.CHIEF, reporters=[(factories.officer(body), None)]
    )
    secretary, chief = secretary_user(body), chief_user(body)
    protocol = minutes(meeting, secretary)

    _results, errors = _race(
        lambda: services.protocol_sign(protocol=protocol, user=secretary),
        lambda: services.protocol_sign(protocol=protocol, user=chief),
    )
    assert errors == []
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNED
    assert ProtocolVersion.objects.filter(protocol=protocol).count() == 1
    assert sorted(Signature.objects.values_list("slot", flat=True)) == ["chief", "secretary"]
    assert protocol.items.get().version_id is not None


@time_machine.travel(at(2026, 2, 20, 20), tick=True)
def test_the_same_signature_clicked_twice_at_once_is_one_signature():
    body = factories.body()
    meeting = held_meeting(
        starts_at=at(2026, 2, 20, 15), kind=MeetingKind.CHIEF, reporters=[(factories.officer(body), None)]
    )
    secretary = secretary_user(body)
    protocol = minutes(meeting, secretary)

    _results, errors = _race(*([lambda: services.protocol_sign(protocol=protocol, user=secretary)] * 3))
    assert len(errors) == 2 and all(isinstance(e, ValidationError) for e in errors)  # "already signed"
    assert Signature.objects.count() == 1
    assert ProtocolVersion.objects.count() == 1


@time_machine.travel(at(2026, 2, 20, 20), tick=True)
def test_minutes_of_one_body_sealed_at_once_get_different_register_numbers():
    from esep.testing.protocols import inspector_user

    body = factories.body()
    protocols, inspectors = [], []
    for _n in range(4):
        officer = factories.officer(body)
        meeting = held_meeting(starts_at=at(2026, 2, 20, 15), kind=MeetingKind.INSPECTOR, reporters=[(officer, None)])
        protocols.append(minutes(meeting, secretary_user(body)))
        inspectors.append(inspector_user(officer))

    _results, errors = _race(
        *[
            lambda p=p, u=u: services.protocol_sign(protocol=p, user=u)
            for p, u in zip(protocols, inspectors, strict=True)
        ]
    )
    assert errors == []
    numbers = sorted(
        Protocol.objects.filter(pk__in=[p.pk for p in protocols]).values_list("register_number", flat=True)
    )
    assert numbers == [1, 2, 3, 4]
    assert MinutesRegister.objects.get(body=body, year=2026).last_number == 4
