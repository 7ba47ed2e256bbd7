"""Who must sign the minutes, by the rules in force on the meeting's date (esep.law rule
``meeting.signatories``): Order 608 p.15 the secretary and the chief; Order 652 p.32 the inspector; under
Decree 723 p.14 the secretary and the police officer. Each required signature is a "slot"; at a joint
gathering every reporting inspector has a slot of their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esep.accounts.permissions import may_sign_slot
from esep.meetings.lawrules import rule_value
from esep.meetings.models import Meeting

SIGNATORIES_RULE = "meeting.signatories"

ROLE_LABELS = {
    "secretary": _("secretary"),
    "chief": _("chief of the police body"),
    "inspector": _("district inspector"),
    "police_officer": _("police officer"),
    # Decree 723 p.14: the minutes were sealed with the akimat's stamp; staff confirm it is on the original.
    "akimat_stamp": _("akimat's stamp on the paper original (confirmed by staff)"),
}


@dataclass(frozen=True)
class Slot:
    key: str
    role: str
    officer_id: int | None = None
    officer_name: str = ""

    @property
    def label(self) -> str:
        base = str(ROLE_LABELS.get(self.role, self.role))
        return f"{base}: {self.officer_name}" if self.officer_name else base


def _roles_for(meeting: Meeting, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [str(role) for role in value]


def required_slots(meeting: Meeting) -> list[Slot]:
    return slots_for(meeting, meeting.reporters.select_related("officer").order_by("id"))


def slots_for(meeting: Meeting, reporters) -> list[Slot]:
    """The slots of ``meeting`` given its reporters (MeetingReporter rows with their officer, in id order),
    so that minutes made in bulk (esep.demo) name the same slots without a query per meeting."""
    day = timezone.localtime(meeting.starts_at).date()
    slots: list[Slot] = []
    for role in _roles_for(meeting, rule_value(SIGNATORIES_RULE, on=day, kind=meeting.kind)):
        if role == "inspector":
            for reporter in reporters:
                slots.append(
                    Slot(f"inspector:{reporter.officer_id}", role, reporter.officer_id, reporter.officer.full_name)
                )
        else:
            slots.append(Slot(role, role))
    return slots


def user_may_fill(user: Any, slot: Slot, meeting: Meeting, secretary_id: int | None) -> bool:
    """Whether ``user`` may sign in ``slot``: decided by esep.accounts.permissions.may_sign_slot."""
    return may_sign_slot(
        user, slot_role=slot.role, officer_id=slot.officer_id, body_path=meeting.body.path, secretary_id=secretary_id
    )
