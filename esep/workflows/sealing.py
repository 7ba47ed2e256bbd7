"""Signed minutes hand what was not answered in full to appeals (Order 608 pp.16-17, Order 652 p.32).

esep.protocols seals the minutes and sends ``minutes_sealed`` inside its transaction; this module receives it
(connected in WorkflowsConfig.ready) and opens the appeals through esep.appeals' services, so signed minutes
and their appeals are committed together or not at all, and neither app imports the other.
"""

from __future__ import annotations

from typing import Any

from esep.appeals.models import Appeal, AppealKind, AppealSource
from esep.appeals.services import appeal_register
from esep.police.models import Competence, Subject
from esep.protocols.models import ItemKind, Protocol


def appeals_open_for_protocol(*, protocol, actor) -> list[Appeal]:
    """Order 608 pp.16-17, Order 652 p.32: for each item of the signed minutes not answered in full, and
    each item outside police competence, open an appeal (a crime report for reported offences) and forward
    what is outside competence. Safe to call again: items already opened return their appeal."""
    meeting = protocol.meeting
    first_precinct = meeting.precincts.order_by("pk").first()
    result = []
    for item in protocol.items.select_related("reporter__precinct", "target_agency").order_by("pk"):
        outside = item.competence == Competence.OTHER
        crime = item.kind == ItemKind.CRIME_REPORT
        if not crime and item.answered_in_full and not outside:
            continue
        precinct = item.reporter.precinct if item.reporter is not None and item.reporter.precinct else first_precinct
        result.append(
            appeal_register(
                body=meeting.body,
                text=item.text,
                source=AppealSource.PROTOCOL,
                actor=actor,
                kind=AppealKind.CRIME_REPORT if crime else AppealKind.APPEAL,
                subject=item.subject or Subject.POLICE,
                competence=item.competence,
                applicant_name=item.person_name,
                applicant_contact=item.person_contact,
                contact_consent=item.contact_consent,
                language=protocol.language or "kk",
                received_at=meeting.starts_at,
                # None: appeal_register names the actor.
                received_by_name=protocol.secretary_name
                or (str(protocol.secretary) if protocol.secretary else "")
                or None,
                meeting=meeting,
                precinct=precinct,
                agency=item.target_agency,
                source_key=f"{item._meta.label_lower}:{item.pk}",
            )
        )
    return result


def on_minutes_sealed(sender: Any, *, protocol: Protocol, actor: Any, **kwargs: Any) -> None:
    appeals_open_for_protocol(protocol=protocol, actor=actor)
