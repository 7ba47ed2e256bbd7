import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from esep.protocols import services
from esep.protocols.sealing import verify_all
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
        protocol = minutes(meeting, secretary)
        services.protocol_sign(protocol=protocol, user=inspector)
    return protocol


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_untouched_minutes_verify(signed, capsys):
    call_command("protocols", "verify")
    assert "all signed minutes verify" in capsys.readouterr().out


def test_an_item_changed_directly_in_the_database_is_named(signed, capsys):
    item = signed.items.get()
    _sql("UPDATE protocols_protocolitem SET answered_in_full = %s WHERE id = %s", [True, item.pk])

    problems = verify_all()
    assert [p.record for p in problems] == [f"protocols.protocolitem #{item.pk}"]
    assert "answered_in_full" in problems[0].message
    with pytest.raises(CommandError):
        call_command("protocols", "verify")
    assert f"protocols.protocolitem #{item.pk}" in capsys.readouterr().out


def test_a_person_name_changed_directly_is_caught_through_its_salted_hash(signed):
    item = signed.items.get()
    _sql("UPDATE protocols_protocolitem SET person_name = %s WHERE id = %s", ["Басқа Адам", item.pk])
    assert [p.record for p in verify_all()] == [f"protocols.protocolitem #{item.pk}"]


def test_a_rewritten_version_row_breaks_the_chain(signed):
    version = signed.versions.get()
    _sql(
        "UPDATE protocols_protocolversion SET content = REPLACE(content, %s, %s) WHERE id = %s",
        ["Түнгі", "Күндізгі", version.pk],
    )
    messages = [str(p) for p in verify_all()]
    assert f"protocols.protocolversion #{version.pk}: content or signatures differ from the sealed hash" in messages


def test_the_protocol_place_and_a_signature_changed_directly_are_named(signed):
    _sql("UPDATE protocols_protocol SET place = %s WHERE id = %s", ["Басқа орын", signed.pk])
    signature = signed.versions.get().signatures.get()
    _sql(
        "UPDATE protocols_signature SET signed_at = signed_at - INTERVAL '1 day' WHERE id = %s"
        if connection.vendor == "postgresql"
        else "UPDATE protocols_signature SET signed_at = '2026-03-09 10:00:00' WHERE id = %s",
        [signature.pk],
    )
    records = {p.record for p in verify_all()}
    assert f"protocols.protocol #{signed.pk}" in records
    assert f"protocols.protocolversion #{signed.versions.get().pk}" in records


def test_a_deleted_decision_is_named(signed):
    decision = signed.decisions.get()
    _sql("DELETE FROM protocols_decision WHERE id = %s", [decision.pk])
    assert f"protocols.decision #{decision.pk}: deleted or moved out of the signed minutes" in [
        str(p) for p in verify_all()
    ]
