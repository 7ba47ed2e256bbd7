"""Reads of minutes for staff pages, always through ``restrict``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from esep.accounts.permissions import Action, restrict
from esep.protocols.models import Decision, Protocol, ProtocolVersion
from esep.protocols.services import pending_version, version_slots
from esep.protocols.signatories import required_slots, user_may_fill


def protocols_for(user: Any, action: Action = Action.VIEW) -> QuerySet[Protocol]:
    return restrict(Protocol.objects.all(), user, action).select_related("meeting", "meeting__body")


def decisions_under_control(user: Any) -> QuerySet[Decision]:
    return restrict(Decision.objects.filter(version__sha256__gt=""), user).select_related("protocol__meeting")


def signing_state(protocol: Protocol, user: Any) -> dict[str, Any]:
    """Which signatures the rules of the meeting's date require, who has signed, and what ``user`` may sign."""
    version: ProtocolVersion | None = pending_version(protocol)
    slots = version_slots(version) if version else required_slots(protocol.meeting)
    signed = {s.slot: s for s in version.signatures.all()} if version else {}
    rows = [
        {
            "slot": slot,
            "signature": signed.get(slot.key),
            "mine": slot.key not in signed and user_may_fill(user, slot, protocol.meeting, protocol.secretary_id),
        }
        for slot in slots
    ]
    return {"version": version, "rows": rows, "can_sign": any(r["mine"] for r in rows)}
