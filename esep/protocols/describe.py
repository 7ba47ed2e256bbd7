"""What the minutes add to the compliance description of a stored meeting (docs/compliance.md): when they
were completed (the day the original version was sealed, in Almaty), their fields, signatures, secretary,
and each complaint, proposal or remark as an item (the appeals part adds what became of it)."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone

from esep.accounts.models import POLICE_ROLES
from esep.protocols.models import Protocol


def describe_minutes(meeting: Any, description: dict) -> None:
    protocol = Protocol.objects.filter(meeting=meeting).first()
    if protocol is None:
        return
    received_on = timezone.localtime(meeting.starts_at).date().isoformat()
    description["items"] = [
        {
            "id": item.pk,
            "kind": item.kind,
            "answered_in_full": item.answered_in_full,
            "in_minutes": True,
            "police_competence": item.competence == "police",
            "received_on": received_on,
            # Nobody to notify without a contact given with consent.
            "anonymous": not (item.contact_consent and item.person_contact) and not item.anonymised_at,
            # АППК art. 88 p.1 sub.2: anonymous means no name; a name destroyed by retention was given.
            "identified": bool(item.person_name.strip()) or item.anonymised_at is not None,
        }
        for item in protocol.items.order_by("id")
    ]
    original = protocol.versions.filter(number=1).exclude(sha256="").prefetch_related("signatures").first()
    if original is None:
        return  # not signed: in Esep, minutes are completed when they are signed
    content = json.loads(original.content)["protocol"]
    fields = {
        "time": bool(content.get("started_at")),
        "date": bool(content.get("started_at")),
        "place": bool(content.get("place")),
        "participants_count": bool(content.get("participants")),
        "decisions": protocol.decisions.exists(),
        "citizen_items": True,  # the section is always present, empty when nobody raised anything
    }
    secretary = protocol.secretary
    police = secretary is not None and secretary.roles.filter(role__in=list(POLICE_ROLES)).exists()
    signatures = []
    for signature in original.signatures.all():
        entry: dict[str, Any] = {"role": signature.role}
        if signature.slot.startswith("inspector:"):
            entry["officer"] = int(signature.slot.split(":", 1)[1])
        signatures.append(entry)
    participants = content.get("participants")
    description["minutes"] = {
        # The moment the original was sealed, with its offset: the evaluation takes its Almaty day and checks it
        # is not before the meeting began (608 pp.12-14; 652 p.32).
        "completed_at": timezone.localtime(original.sealed_at).isoformat(),
        "fields": fields,
        "signatures": signatures,
        "secretary_from": "police" if police else "akimat",
    }
    if isinstance(participants, int) and not isinstance(participants, bool) and participants >= 0:
        description["minutes"]["participants"] = participants  # compared with the registration (652 p.32)
    description["actual_attendance"] = content.get("participants") or description.get("actual_attendance")
