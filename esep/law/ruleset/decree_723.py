"""Government Decree No. 723 of 06.11.2018: the rules of chiefs' and inspectors' reports until the 2023
orders (Russian text)."""

from __future__ import annotations

from esep.law.rules import Act, register, register_act
from esep.law.ruleset.dates import CHIEF, D723_CHIEF_TO, D723_FROM, D723_INSPECTOR_TO, INSPECTOR, NOTE_723
from esep.law.ruleset.meetings import IN_PERSON, INVITEES, MINUTES_FIELDS, REGIONAL_MEDIA, versions

register_act(
    Act(
        "decree_723",
        "Decree 723",
        "№ 723 қаулы",
        "Постановление № 723",
        "Government Decree No. 723 of 06.11.2018 (lost force by Decree No. 758 of 01.09.2023)",
        "Постановление Правительства РК от 06.11.2018 № 723",
    )
)

RULES = [
    ("meeting.format_allowed", None, "p.2", IN_PERSON),
    ("meeting.chief_period", CHIEF, "p.21", "yearly_q1_next_year"),
    ("meeting.inspector_period", INSPECTOR, "p.24", "quarterly"),
    ("meeting.notice_days", None, "p.7.2", 10),
    ("meeting.notice_content", None, "p.7.2", ("time", "place", "schedule", "questions_channel")),
    ("meeting.notice_channels", None, "p.7.2", REGIONAL_MEDIA),
    ("meeting.venue_capacity", None, "p.8", True),
    ("meeting.invitees", None, "p.10", INVITEES, {"modality": "may"}),
    ("meeting.participants_required", CHIEF, "p.21", ("akimat",)),
    ("meeting.participants_required", INSPECTOR, "p.24", ("police_leadership", "akimat")),
    ("meeting.secretary_from", None, "p.11", "akimat"),
    ("meeting.minutes_fields", None, "p.12", MINUTES_FIELDS),
    ("meeting.minutes_same_day", None, "p.13", True),
    ("meeting.signatories", CHIEF, "p.14", ("secretary", "chief", "akimat_stamp")),
    ("meeting.signatories", INSPECTOR, "p.14", ("secretary", "inspector", "akimat_stamp")),
    ("meeting.video_required", None, "", False),
    ("meeting.registration_required", None, "", False),
    ("meeting.unanswered_recorded", None, "p.15", "law_on_appeals"),
    ("meeting.outside_competence", None, "p.16", True),
    ("meeting.materials_keeper", None, "p.17", "akimat"),
]

register(
    *versions(
        "decree_723",
        RULES,
        valid_from=D723_FROM,
        valid_to={CHIEF: D723_CHIEF_TO, INSPECTOR: D723_INSPECTOR_TO},
        date_note=NOTE_723,
    )
)
