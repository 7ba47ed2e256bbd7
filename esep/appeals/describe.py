"""What appeals add to a stored meeting's compliance description (docs/compliance.md, ``items``):
when each item was forwarded and its person notified, and the АППК procedure it started.

If another describer (the minutes) already listed ``items`` with their ``id`` (the ProtocolItem's pk),
those items are completed; otherwise the items are listed here from the minutes. Read only.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from esep.appeals.models import CLOCKED_KINDS, Appeal, AppealKind, AppealStatus, EventKind


def _appeal_facts(appeal: Appeal) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    forward = appeal.current_forward
    if forward is not None:
        facts["forwarded_on"] = forward.forwarded_on.isoformat()
        notices = [e for e in appeal.events.all() if e.kind == EventKind.NOTICE and e.data.get("about") == "forwarded"]
        if notices:
            facts["applicant_notified_on"] = timezone.localtime(notices[0].at).date().isoformat()
    # Two facts, kept apart: nobody to notify (no contact given with consent) and anonymous in the sense of
    # АППК art. 88 p.1 sub.2 (no name): a named person without a phone is not anonymous. A contact or name
    # destroyed by retention was there to be used: the item is not anonymous after the fact.
    facts["anonymous"] = not (appeal.contact_consent and (appeal.applicant_contact or appeal.applicant_erased_at))
    facts["identified"] = not appeal.is_anonymous
    if appeal.kind in CLOCKED_KINDS and appeal.registered_on:
        procedure: dict[str, Any] = {
            # АППК art. 76 for an appeal, art. 99 for a complaint against an act or inaction.
            "kind": "complaint_against_action" if appeal.kind == AppealKind.COMPLAINT else "appeal",
            "received_at": timezone.localtime(appeal.received_at).isoformat(),
            "registered_on": appeal.registered_on.isoformat(),
        }
        if appeal.answered_on:
            procedure["answered_on"] = appeal.answered_on.isoformat()
        if appeal.extended_until and appeal.extension_decided_on:
            procedure["extended_on"] = appeal.extension_decided_on.isoformat()
            procedure["extended_until"] = appeal.extended_until.isoformat()
            told = [
                e.at for e in appeal.events.all() if e.kind == EventKind.NOTICE and e.data.get("about") == "extended"
            ]
            if told:  # АППК art. 76 p.3, art. 70 p.3
                procedure["extension_notified_on"] = timezone.localtime(min(told)).date().isoformat()
        if appeal.status == AppealStatus.ENDED_WITHOUT_ANSWER and not appeal.answered_on:
            # Ended without an answer (e.g. АППК art. 88): closed, not overdue.
            ended = appeal.finished_at or next((e.at for e in appeal.events.all() if e.kind == EventKind.ENDED), None)
            if ended is not None:
                procedure["ended_on"] = max(timezone.localtime(ended).date(), appeal.registered_on).isoformat()
        if appeal.competence == "police" or forward is None:
            facts["appeal"] = procedure
    return facts


def describe_appeals(meeting: Any, description: dict) -> None:
    appeals = {
        a.source_key: a
        for a in Appeal.objects.filter(meeting=meeting, source="protocol").prefetch_related("forwards", "events")
    }
    if isinstance(description.get("items"), list):
        for item in description["items"]:
            if isinstance(item, dict) and item.get("id") is not None:
                appeal = appeals.get(f"protocols.protocolitem:{item['id']}")
                if appeal is not None:
                    item.update(_appeal_facts(appeal))
        return
    protocol = getattr(meeting, "protocol", None)  # RelatedObjectDoesNotExist is an AttributeError
    if protocol is None:
        return
    items = []
    received_on = timezone.localtime(meeting.starts_at).date().isoformat()
    for item in protocol.items.all():
        row: dict[str, Any] = {
            "kind": item.kind,
            "answered_in_full": bool(item.answered_in_full),
            "in_minutes": True,
            "police_competence": item.competence == "police",
            "received_on": received_on,
            "anonymous": not (item.contact_consent and item.person_contact),
            "identified": bool(item.person_name.strip()) or item.anonymised_at is not None,
        }
        appeal = appeals.get(f"{item._meta.label_lower}:{item.pk}")
        if appeal is not None:
            row.update(_appeal_facts(appeal))
        items.append(row)
    description["items"] = items
