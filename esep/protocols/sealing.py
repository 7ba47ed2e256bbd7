"""Canonical content of minutes, the SHA-256 chain that seals it, and the verifier.

Canonical JSON: sorted keys, no insignificant whitespace, UTF-8 kept as is, datetimes in UTC ISO 8601.
sha256(version) = H(sha256(previous version of the same minutes) + content + seal), the first version
chained to GENESIS. Personal data enter only as salted hashes (see ProtocolItem.pd_salt), so retention can
anonymise the rows without breaking the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from esep.protocols import witness
from esep.protocols.models import Decision, Protocol, ProtocolItem, ProtocolVersion

GENESIS = "0" * 64
SCHEMA = 1


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value.isoformat()


def commitment(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\x1f{value}".encode()).hexdigest() if value else ""


def item_data(item: ProtocolItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "kind": item.kind,
        "text": item.text,
        "person": commitment(item.pd_salt, item.person_name),
        "contact": commitment(item.pd_salt, item.person_contact),
        "contact_consent": item.contact_consent,
        "answered_in_full": item.answered_in_full,
        "answer": item.answer,
        "competence": item.competence,
        "subject": item.subject,
        "target_agency": item.target_agency_id,
        "reporter": item.reporter_id,
    }


def decision_data(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "text": decision.text,
        "responsible": decision.responsible,
        "due_date": _iso(decision.due_date),
        "reporter": decision.reporter_id,
    }


def protocol_data(protocol: Protocol, participants: int) -> dict[str, Any]:
    """Order 608 p.13; Order 652 p.32: time, date, place, number of participants (decisions and
    complaints, proposals and remarks are listed beside it)."""
    meeting = protocol.meeting
    return {
        "id": protocol.pk,
        "meeting": {"id": meeting.pk, "code": meeting.code, "kind": meeting.kind, "body": meeting.body_id},
        "started_at": _iso(protocol.started_at),
        "ended_at": _iso(protocol.ended_at),
        "place": protocol.place,
        "participants": participants,
        "participants_override_reason": protocol.participants_override_reason,
        "agenda": protocol.agenda,
        "secretary": {"user": protocol.secretary_id, "name": protocol.secretary_name},
        "language": protocol.language,
    }


def version_content(
    *, protocol: Protocol, number: int, items: list[ProtocolItem], decisions: list[Decision], addendum: Any = None
) -> dict[str, Any]:
    content: dict[str, Any] = {
        "schema": SCHEMA,
        "number": number,
        "items": [item_data(i) for i in sorted(items, key=lambda i: i.pk)],
        "decisions": [decision_data(d) for d in sorted(decisions, key=lambda d: d.pk)],
    }
    if addendum is None:
        content["kind"] = "original"
        content["protocol"] = protocol_data(protocol, protocol.participants_count)
    else:
        content["kind"] = "addendum"
        content["protocol"] = {"id": protocol.pk}
        content["addendum"] = {"id": addendum.pk, "text": addendum.text}
    return content


def signatures_data(version: ProtocolVersion) -> list[dict[str, Any]]:
    return signature_entries(version.signatures.all())


def signature_entries(signatures) -> list[dict[str, Any]]:
    """The seal's record of the given signatures (rows of one version, saved or not), in slot order."""
    return [
        {"slot": s.slot, "role": s.role, "user": s.user_id, "name": s.signer_name, "signed_at": _iso(s.signed_at)}
        for s in sorted(signatures, key=lambda s: s.slot)
    ]


def chain_hash(prev: str, content: str, seal: str) -> str:
    return hashlib.sha256((prev + content + seal).encode("utf-8")).hexdigest()


# --- verification ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    record: str  # e.g. "protocols.protocolitem #12"
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.message}"


def _diff(stored: dict[str, Any], live: dict[str, Any]) -> list[str]:
    return sorted(k for k in set(stored) | set(live) if stored.get(k) != live.get(k))


def _compare_rows(label: str, stored: list[dict], live_rows: list, to_data, anonymised=None) -> list[Problem]:
    problems: list[Problem] = []
    live = {row.pk: row for row in live_rows}
    for entry in stored:
        row = live.pop(entry["id"], None)
        if row is None:
            problems.append(Problem(f"{label} #{entry['id']}", "deleted or moved out of the signed minutes"))
            continue
        data = to_data(row)
        if anonymised is not None and anonymised(row):
            # Retention cleared the personal data under a destruction record; the salted hashes cannot be
            # recomputed any more and are not compared.
            data["person"], data["contact"] = entry.get("person"), entry.get("contact")
        changed = _diff(entry, data)
        if changed:
            problems.append(Problem(f"{label} #{row.pk}", "changed after signing: " + ", ".join(changed)))
    for pk in sorted(live):
        problems.append(Problem(f"{label} #{pk}", "added to signed minutes outside Esep"))
    return problems


def _check_mac(label: str, protocol: Protocol, version: ProtocolVersion) -> list[Problem]:
    """The version's MAC under the seal key: a chain recomputed without the key does not have it."""
    if not version.mac:
        return [Problem(label, "sealed without the seal key's MAC (no witness)")]
    if version.key_id != witness.key_id():
        return [Problem(label, f"sealed under another seal key (key id {version.key_id})")]
    if not witness.mac_matches(witness.version_mac(protocol.pk, version.number, version.sha256), version.mac):
        return [Problem(label, "the seal's MAC does not match: the chain was recomputed without the seal key")]
    return []


def verify_protocol(protocol: Protocol) -> list[Problem]:
    """Recompute the chain of one protocol and compare every sealed version with the live rows."""
    problems: list[Problem] = []
    versions = list(
        ProtocolVersion.objects.filter(protocol=protocol)
        .select_related("addendum")
        .prefetch_related("signatures", "items", "decisions")
        .order_by("number")
    )
    if protocol.status == "signed" and not any(v.sha256 for v in versions):
        problems.append(Problem(f"protocols.protocol #{protocol.pk}", "marked signed but has no sealed version"))
    prev = GENESIS
    for expected, version in enumerate(versions, start=1):
        label = f"protocols.protocolversion #{version.pk}"
        if version.number != expected:
            problems.append(Problem(label, f"version {expected} is missing from the chain"))
        if not version.sha256:
            if version is not versions[-1]:
                problems.append(Problem(label, "an unsealed version is followed by others"))
            continue
        if version.prev_sha256 != prev:
            problems.append(Problem(label, "not chained to the previous version"))
        if chain_hash(version.prev_sha256, version.content, version.seal) != version.sha256:
            problems.append(Problem(label, "content or signatures differ from the sealed hash"))
        problems += _check_mac(label, protocol, version)
        prev = version.sha256
        try:
            stored = json.loads(version.content)
            stored_signatures = json.loads(version.seal)
        except ValueError:
            problems.append(Problem(label, "sealed content is not valid JSON"))
            continue
        problems += _compare_rows(
            "protocols.protocolitem",
            stored.get("items", []),
            list(version.items.all()),
            item_data,
            anonymised=lambda row: row.anonymised_at is not None,
        )
        problems += _compare_rows(
            "protocols.decision", stored.get("decisions", []), list(version.decisions.all()), decision_data
        )
        live_signatures = signatures_data(version)
        if live_signatures != stored_signatures:
            problems.append(Problem(label, "signatures changed after sealing"))
        if stored.get("kind") == "original":
            live = protocol_data(protocol, stored["protocol"]["participants"])
            if protocol.participants_override is not None and protocol.participants_override != live["participants"]:
                live["participants"] = protocol.participants_override
            changed = _diff(stored["protocol"], live)
            if changed:
                problems.append(
                    Problem(f"protocols.protocol #{protocol.pk}", "changed after signing: " + ", ".join(changed))
                )
        elif version.addendum is not None and version.addendum.text != stored.get("addendum", {}).get("text"):
            problems.append(Problem(f"protocols.addendum #{version.addendum_id}", "changed after signing: text"))
    return problems


def verify_all(outside_heads: list | tuple = ()) -> list[Problem]:
    """Every protocol's chain and MACs, every published chain head (and those given from outside), and the
    audit log's record of each seal."""
    problems: list[Problem] = []
    for protocol in Protocol.objects.select_related("meeting").order_by("pk").iterator(chunk_size=200):
        problems += verify_protocol(protocol)
    problems += witness.verify_heads(list(outside_heads))
    problems += witness.verify_audit()
    return problems
