"""Gatherings of the local community: the Law of 23.01.2001 No. 148-II on local state administration and
self-government, art. 39-3."""

from __future__ import annotations

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.meetings import _s

register_act(
    Act(
        "local_admin_law",
        "Law on local state administration",
        "Жергілікті мемлекеттік басқару туралы заң",
        "Закон о местном государственном управлении",
        "Law of 23.01.2001 No. 148-II on local state administration and self-government",
    )
)

NOTE_GATHERING = "Art. 39-3 has been in force throughout the period modelled; its exact date of force is not recorded."
register(
    Rule(
        "gathering.notice_days",
        "local_admin_law",
        "art. 39-3 p.8",
        10,
        None,
        None,
        NOTE_GATHERING,
        unit="calendar_days",
        direction="before",
        start_event="meeting",
        **_s(
            "Members of the local community are told of a gathering at least 10 calendar days ahead.",
            "Жергілікті қауымдастық мүшелеріне жиын туралы кемінде 10 күнтізбелік күн бұрын хабарланады.",
            "Члены местного сообщества оповещаются о сходе не позднее чем за 10 календарных дней.",
        ),
    ),
    Rule(
        "gathering.quorum_percent",
        "local_admin_law",
        "art. 39-3 p.9",
        (("gathering", 10), ("assembly", 50)),
        None,
        None,
        NOTE_GATHERING,
        **_s(
            "Quorum: a gathering needs 10% of the members living there; a meeting, half of the delegated members.",
            "Кворум: жиынға тұратын мүшелердің 10%-ы, жиналысқа өкілетті мүшелердің жартысы қажет.",
            "Кворум: сходу нужно 10% проживающих членов, собранию половина делегированных членов.",
        ),
    ),
    Rule(
        "gathering.participants",
        "local_admin_law",
        "art. 39-3 p.1",
        ("registered_resident", "adult", "capable", "not_imprisoned"),
        None,
        None,
        NOTE_GATHERING,
        **_s(
            "Gathering participants are residents of the territory; not minors, persons found incapable by a "
            "court, or prisoners.",
            "Жиынға аумақта тіркелген тұрғындар қатысады; кәмелетке толмағандар, әрекетке қабілетсіз деп "
            "танылғандар және бас бостандығынан айырылғандар қатыспайды.",
            "Участники схода: жители территории; кроме несовершеннолетних, недееспособных по решению суда и "
            "лиц в местах лишения свободы.",
        ),
    ),
)
