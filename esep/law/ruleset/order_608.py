"""MVD Order No. 608 of 31.07.2023: the rules of a police chief's report (Russian and Kazakh texts)."""

from __future__ import annotations

from esep.law.rules import Act, register, register_act
from esep.law.ruleset.dates import CHIEF, NOTE_608, O608_FROM
from esep.law.ruleset.meetings import IN_PERSON, INVITEES, MINUTES_FIELDS, REGIONAL_MEDIA, versions

register_act(
    Act(
        "order_608",
        "Order 608",
        "№ 608 бұйрық",
        "Приказ № 608",
        "MVD Order No. 608 of 31.07.2023 (p.18 amended by Order No. 87 of 30.01.2024)",
        "Приказ МВД РК от 31.07.2023 № 608",
    )
)

RULES = [
    ("meeting.format_allowed", CHIEF, "p.2", IN_PERSON),
    ("meeting.chief_period", CHIEF, "p.4", "yearly_q1_next_year"),
    (
        "meeting.notice_days",
        CHIEF,
        "p.8.2",
        10,
        {"note": "The text says 'not later than ten days'; calendar days, as in Order 652 p.27."},
    ),
    ("meeting.notice_content", CHIEF, "p.8.2", ("time", "place", "schedule", "questions_channel")),
    ("meeting.notice_channels", CHIEF, "p.8.2", REGIONAL_MEDIA),
    ("meeting.venue_capacity", CHIEF, "p.9", True),
    ("meeting.invitees", CHIEF, "p.11", INVITEES, {"modality": "must"}),
    ("meeting.participants_required", CHIEF, "p.4", ("akimat",), {"modality": "invite"}),
    ("meeting.secretary_from", CHIEF, "p.12", "police"),
    ("meeting.minutes_fields", CHIEF, "p.13", MINUTES_FIELDS),
    ("meeting.minutes_same_day", CHIEF, "p.14", True),
    ("meeting.signatories", CHIEF, "p.15", ("secretary", "chief")),
    ("meeting.video_required", CHIEF, "", False),
    ("meeting.registration_required", CHIEF, "", False),
    ("meeting.unanswered_recorded", CHIEF, "p.16", "appk"),
    ("meeting.outside_competence", CHIEF, "p.17", True),
    (
        "meeting.materials_keeper",
        CHIEF,
        "p.18",
        "police_staff_unit",
        {"note": "p.18 as amended by Order 87 of 30.01.2024 (documentation rules)."},
    ),
]

register(*versions("order_608", RULES, valid_from=O608_FROM, valid_to={CHIEF: None}, date_note=NOTE_608))
