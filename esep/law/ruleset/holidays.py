"""Public holidays: the Law of 13.12.2001 No. 267-II on holidays, art. 5 (and Labour Code arts. 84-85)."""

from __future__ import annotations

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.meetings import _s

register_act(
    Act(
        "holidays_law",
        "Law on holidays",
        "Мерекелер туралы заң",
        "Закон о праздниках",
        "Law of 13.12.2001 No. 267-II on holidays; Labour Code arts. 84-85",
    )
)

register(
    Rule(
        "calendar.public_holidays",
        "holidays_law",
        "art. 5",
        # (month, day, key, carried over when it falls on a day off)
        (
            (1, 1, "new_year", True),
            (1, 2, "new_year", True),
            (1, 7, "orthodox_christmas", False),
            (3, 8, "womens_day", True),
            (3, 21, "nauryz", True),
            (3, 22, "nauryz", True),
            (3, 23, "nauryz", True),
            (5, 1, "unity_day", True),
            (5, 7, "defender_day", True),
            (5, 9, "victory_day", True),
            (7, 6, "capital_day", True),
            (8, 30, "constitution_day", True),
            (10, 25, "republic_day", True),
            (12, 16, "independence_day", True),
        ),
        None,
        None,
        "List as in DOMAIN.md (texts to January 2026). Used for years the `holidays` package does not cover with "
        "confirmed data (from 2026); earlier years come from the package.",
        note="The first day of Kurban Ait is a holiday without carry-over; its lunar date comes from the "
        "calendar table (CalendarDay), as do each year's transfers of days off (Labour Code art. 85).",
        **_s(
            "Public holidays are days off; a holiday on a day off moves the day off to the next working day, "
            "except 7 January and the first day of Kurban Ait.",
            "Мереке күндері демалыс; демалыс күніне сәйкес келген мереке келесі жұмыс күніне ауысады, 7 қаңтар "
            "мен Құрбан айттың бірінші күнінен басқа.",
            "Праздники являются выходными; выходной при совпадении праздника с выходным переносится на "
            "следующий рабочий день, кроме 7 января и первого дня Курбан айта.",
        ),
    )
)
