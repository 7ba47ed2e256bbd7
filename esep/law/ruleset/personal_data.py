"""The Law of 21.05.2013 No. 94-V on personal data and their protection."""

from __future__ import annotations

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.meetings import _s

register_act(
    Act(
        "personal_data_law",
        "Law on personal data",
        "Дербес деректер туралы заң",
        "Закон о персональных данных",
        "Law of 21.05.2013 No. 94-V on personal data and their protection",
    )
)

register(
    Rule(
        "personal_data.withdrawal_days",
        "personal_data_law",
        "art. 8",
        15,
        None,
        None,
        "Value as in the text in force in January 2026; earlier versions are not tracked.",
        unit="working_days",
        start_event="request",
        note="DOMAIN.md cites arts. 7-9, 12, 18 together; the paragraph of the 15-day term should be checked.",
        **_s(
            "A withdrawal of consent is honoured within 15 working days.",
            "Келісімді кері қайтарып алу 15 жұмыс күні ішінде орындалады.",
            "Отзыв согласия исполняется в течение 15 рабочих дней.",
        ),
    )
)
