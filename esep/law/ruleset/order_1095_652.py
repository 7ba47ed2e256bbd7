"""MVD Order No. 1095 of 29.12.2015, chapter 3, as added by Order No. 652 of 21.08.2023: the rules of a district
inspector's report (Kazakh text)."""

from __future__ import annotations

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.dates import INSPECTOR, NOTE_652, O652_FROM
from esep.law.ruleset.meetings import IN_PERSON, INVITEES, MINUTES_FIELDS, REGIONAL_MEDIA, _s, versions

register_act(
    Act(
        "order_652",
        "Order 652",
        "№ 652 бұйрық",
        "Приказ № 652",
        "MVD Order No. 1095 of 29.12.2015, chapter 3 (pp. 25-34), added by Order No. 652 of 21.08.2023",
        "Приказ МВД РК от 29.12.2015 № 1095, глава 3, в редакции приказа от 21.08.2023 № 652",
    )
)

RULES = [
    ("meeting.format_allowed", INSPECTOR, "p.27", (*IN_PERSON, "online")),
    # Order 652 names no secretary: a version that says so, not a gap.
    (
        "meeting.secretary_from",
        INSPECTOR,
        "",
        None,
        _s(
            "Order 652 names no secretary; the inspector signs the minutes (p.32).",
            "652 бұйрық хатшыны атамайды; хаттамаға учаскелік инспектор қол қояды (32-т.).",
            "Приказ 652 не называет секретаря; протокол подписывает участковый инспектор (п.32).",
        ),
    ),
    (
        "meeting.inspector_period",
        INSPECTOR,
        "p.26",
        "quarterly",
        {"note": "Also Order 1095 p.22 sub.13 as amended by Order 652."},
    ),
    ("meeting.notice_days", INSPECTOR, "p.27", 10),
    ("meeting.notice_content", INSPECTOR, "p.27", ("time", "place")),
    ("meeting.notice_channels", INSPECTOR, "p.27", (*REGIONAL_MEDIA, "social_network", "organisations")),
    ("meeting.venue_capacity", INSPECTOR, "p.27", True),
    ("meeting.invitees", INSPECTOR, "p.28", INVITEES, {"modality": "by_agreement"}),
    ("meeting.participants_required", INSPECTOR, "p.26", ("police_leadership", "akimat")),
    ("meeting.minutes_fields", INSPECTOR, "p.32", MINUTES_FIELDS),
    ("meeting.minutes_same_day", INSPECTOR, "p.32", True),
    ("meeting.signatories", INSPECTOR, "p.32", ("inspector",)),
    ("meeting.video_required", INSPECTOR, "p.32", True),
    ("meeting.registration_required", INSPECTOR, "p.32", True),
    ("meeting.unanswered_recorded", INSPECTOR, "p.32", "appk"),
    ("meeting.outside_competence", INSPECTOR, "p.32", True),
    ("meeting.materials_keeper", INSPECTOR, "p.32", "police_body"),
]

register(*versions("order_652", RULES, valid_from=O652_FROM, valid_to={INSPECTOR: None}, date_note=NOTE_652))

register(
    Rule(
        "retention.inspector_materials_days",
        "order_652",
        "p.32",
        1,
        O652_FROM,
        None,
        NOTE_652,
        unit="years",
        start_event="meeting",
        kind=INSPECTOR,
        note="The value is in years (1 year), despite the code's name; deadlines.compute() handles the unit.",
        **_s(
            "Inspector report materials are kept for 1 year by the police body of the territory.",
            "Инспектор есебінің материалдары аумақтың полиция органында 1 жыл сақталады.",
            "Материалы отчета инспектора хранятся 1 год в органе полиции территории.",
        ),
    )
)
