"""The seal has witnesses outside the rows it protects (issue 14 item 4): a MAC under a key held outside the
database, and a chain head per body per day published on a public page, in an Atom feed and in the printed
minutes. Each of the four attacks of a database writer who recomputes the SHA-256 chain is detected."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from esep.core.models import AuditEntry
from esep.protocols import services, witness
from esep.protocols.checks import seal_key_is_set
from esep.protocols.models import ChainHead, Protocol, ProtocolItem, ProtocolStatus, ProtocolVersion, Signature
from esep.protocols.pdf import minutes_data
from esep.protocols.sealing import GENESIS, canonical, chain_hash, verify_all
from esep.testing import factories as f
from esep.testing.protocols import at, inspector_meeting_with_people, minutes, secretary_user

pytestmark = pytest.mark.django_db

SEALED_DAY = dt.date(2026, 3, 10)


@pytest.fixture
def signed():
    """Minutes of an inspector's report signed on 10.03.2026, and the heads published the next night."""
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
        protocol = minutes(meeting, secretary)
        services.protocol_item_add(
            protocol=protocol, actor=secretary, kind="proposal", text="Бейнебақылау камерасын орнату."
        )
        services.protocol_sign(protocol=protocol, user=inspector)
    witness.heads_publish(today=SEALED_DAY + dt.timedelta(days=1))
    return protocol


def recompute_chain(protocol: Protocol) -> None:
    """What a database writer without the key does after an edit: recompute every SHA-256 of the chain."""
    prev = GENESIS
    for version in ProtocolVersion.objects.filter(protocol=protocol).order_by("number"):
        version.prev_sha256 = prev
        version.sha256 = chain_hash(prev, version.content, version.seal)
        version.save(update_fields=["prev_sha256", "sha256"])
        prev = version.sha256


def recompute_heads(body_id: int) -> None:
    """...and the published heads in the database, as far as they can be recomputed without the key."""
    groups = witness.versions_by_day(body_id)
    prev = witness.body_genesis(body_id)
    for head in ChainHead.objects.filter(body_id=body_id).order_by("day"):
        head.prev_head = prev
        head.head = witness.head_hash(prev, head.day, groups.get(head.day, []))
        head.versions = len(groups.get(head.day, []))
        head.save()
        prev = head.head


def edit_content(version: ProtocolVersion, change) -> None:
    content = json.loads(version.content)
    change(content)
    version.content = canonical(content)
    version.save(update_fields=["content"])


def messages() -> list[str]:
    return [str(p) for p in verify_all()]


def test_untouched_minutes_and_heads_verify(signed):
    assert ChainHead.objects.filter(body=signed.meeting.body, day=SEALED_DAY, versions=1).exists()
    assert verify_all() == []


def test_attack_1_rewriting_a_signed_item_with_the_chain_recomputed_is_detected(signed):
    item = signed.items.order_by("id").first()
    ProtocolItem.objects.filter(pk=item.pk).update(text="Шағым болған жоқ.")
    version = signed.versions.get()
    edit_content(version, lambda c: c["items"][0].update(text="Шағым болған жоқ."))
    recompute_chain(signed)
    recompute_heads(signed.meeting.body_id)
    found = messages()
    assert any("MAC does not match" in m for m in found), found
    assert any("head's MAC does not match" in m for m in found), found


def test_attack_2_forging_a_signer_with_the_chain_recomputed_is_detected(signed):
    version = signed.versions.get()
    impostor = f.user(username="impostor", first_name="Жалған", last_name="Қол қоюшы")
    Signature.objects.filter(version=version).update(user=impostor, signer_name="Жалған Қол қоюшы")
    from esep.protocols.sealing import signatures_data

    version.seal = canonical(signatures_data(version))
    version.save(update_fields=["seal"])
    recompute_chain(signed)
    found = messages()
    assert any("MAC does not match" in m for m in found), found
    assert any("differ from the published head" in m for m in found), found


def test_attack_3_deleting_an_item_with_the_chain_recomputed_is_detected(signed):
    version = signed.versions.get()
    gone = signed.items.order_by("id").last().pk
    AuditEntry.objects.filter(object_type="protocols.protocolitem", object_id=str(gone)).delete()
    ProtocolItem.objects.filter(pk=gone).delete()
    edit_content(version, lambda c: c.update(items=[i for i in c["items"] if i["id"] != gone]))
    recompute_chain(signed)
    found = messages()
    assert any("MAC does not match" in m for m in found), found
    assert any("differ from the published head" in m for m in found), found


def test_attack_4_unsigning_minutes_and_erasing_the_traces_is_detected(signed):
    """The writer removes the signatures and the sealed version, returns the minutes to a draft and deletes the
    audit entries: no chain is left to recompute, but the published head remembers the version."""
    ProtocolItem.objects.filter(protocol=signed).update(version=None)
    signed.decisions.update(version=None)
    Signature.objects.filter(version__protocol=signed).delete()
    ProtocolVersion.objects.filter(protocol=signed).delete()
    Protocol.objects.filter(pk=signed.pk).update(status=ProtocolStatus.DRAFT, signed_at=None)
    AuditEntry.objects.filter(action__in=["protocol.seal", "protocol.sign"]).delete()
    found = messages()
    assert any("differ from the published head (0 live version(s), 1 published)" in m for m in found), found
    # Recomputing the published heads without the key does not help either.
    recompute_heads(signed.meeting.body_id)
    assert any("head's MAC does not match" in m for m in messages())


def test_the_audit_log_is_a_witness_too(signed):
    """Before the next head is published, the audit log's record of the seal catches an un-signing."""
    ChainHead.objects.all().delete()
    ProtocolItem.objects.filter(protocol=signed).update(version=None)
    signed.decisions.update(version=None)
    Signature.objects.filter(version__protocol=signed).delete()
    ProtocolVersion.objects.filter(protocol=signed).delete()
    assert any("no longer: un-signed" in m for m in messages())


def test_a_key_holder_with_the_database_is_caught_only_by_copies_outside(signed, capsys):
    """What docs/minutes.md says: with the key and the database, everything inside can be made consistent;
    the heads already copied out (feed, print, an archive) still tell."""
    published = ChainHead.objects.get(body=signed.meeting.body, day=SEALED_DAY)
    outside = f"{signed.meeting.body.slug}:{SEALED_DAY.isoformat()}:{published.head}"
    item = signed.items.order_by("id").first()
    ProtocolItem.objects.filter(pk=item.pk).update(text="Басқа мәтін.")
    version = signed.versions.get()
    edit_content(version, lambda c: c["items"][0].update(text="Басқа мәтін."))
    recompute_chain(signed)
    version.refresh_from_db()
    version.mac = witness.version_mac(signed.pk, version.number, version.sha256)
    version.save(update_fields=["mac"])
    AuditEntry.objects.filter(action="protocol.seal").update(data={"version": 1, "sha256": version.sha256})
    recompute_heads(signed.meeting.body_id)
    for head in ChainHead.objects.all():
        head.mac = witness.head_mac(head.body_id, head.day, head.head)
        head.save(update_fields=["mac"])
    assert verify_all() == []
    with pytest.raises(CommandError):
        call_command("protocols", "verify", "--head", outside)
    assert "differs from the copy published outside" in capsys.readouterr().out


def test_publishing_heads_is_idempotent_and_waits_for_the_day_to_end(signed):
    body = signed.meeting.body
    assert witness.heads_publish(today=SEALED_DAY + dt.timedelta(days=5)).heads == 0
    assert ChainHead.objects.filter(body=body).count() == 1
    with time_machine.travel(at(2026, 3, 20, 12), tick=False):
        meeting, inspector, _other = inspector_meeting_with_people(at(2026, 3, 20, 10))
        meeting.body = body
        meeting.save(update_fields=["body"])
        second = minutes(meeting, secretary_user(body))
        services.protocol_sign(protocol=second, user=inspector)
        # Not before the day ends: a head covers a whole day.
        assert witness.heads_publish().heads == 0
    call_command("protocols", "publish-heads")
    heads = list(ChainHead.objects.filter(body=body).order_by("day"))
    assert [h.day for h in heads] == [SEALED_DAY, dt.date(2026, 3, 20)]
    assert heads[1].prev_head == heads[0].head
    assert verify_all() == []


def test_a_version_without_the_keys_mac_fails_until_adopted(signed):
    ProtocolVersion.objects.filter(protocol=signed).update(mac="", key_id="")
    assert any("no witness" in m for m in messages())
    ChainHead.objects.all().delete()
    assert witness.versions_adopt() == (1, 0)
    witness.heads_publish(today=SEALED_DAY + dt.timedelta(days=1))
    assert verify_all() == []


def test_another_key_is_told_apart(signed):
    with override_settings(ESEP_SEAL_KEY="another-seal-key-of-at-least-32-characters!!"):
        found = messages()
    assert any("sealed under another seal key" in m for m in found)
    assert any("published under another seal key" in m for m in found)


def test_production_requires_the_seal_key():
    with override_settings(ESEP_SEAL_KEY=""):
        assert [e.id for e in seal_key_is_set()] == ["esep.E101"]
    with override_settings(ESEP_SEAL_KEY="k" * 40):
        assert seal_key_is_set() == []


def test_the_head_is_on_the_public_page_in_the_feed_and_in_the_printed_minutes(signed, client):
    body = signed.meeting.body
    head = ChainHead.objects.get(body=body, day=SEALED_DAY)
    line = f"{body.slug}:{SEALED_DAY.isoformat()}:{head.head}"
    page = client.get(f"/kk/seal/?body={body.slug}")
    assert page.status_code == 200 and line in page.content.decode()
    feed = client.get("/ru/seal/feed.atom")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert line in feed.content.decode()
    assert client.get("/kk/seal/?body=no-such-body").status_code == 404
    printed = "\n".join(minutes_data(signed, "ru")["hashes"])
    assert line in printed and signed.versions.get().mac in printed


def test_verify_refuses_a_malformed_outside_head(signed):
    with pytest.raises(CommandError):
        call_command("protocols", "verify", "--head", "not-a-head")


def test_production_does_not_start_without_the_seal_key():
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "ESEP_SECURE": "1",
        "ESEP_SECRET_KEY": "a-long-random-production-key-" + "x7Qp2" * 10,
        "ESEP_ALLOWED_HOSTS": "esep.example.kz",
    }
    for name in ("ESEP_SEAL_KEY", "PYTEST_CURRENT_TEST"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "esep", "check"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "ESEP_SEAL_KEY must be set in production" in result.stderr
