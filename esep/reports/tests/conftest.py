import datetime as dt

import pytest

from esep.testing import factories as f
from esep.testing.protocols import at

HEADER = "kato,period_start,period_end,form,indicator_code,value\n"


@pytest.fixture
def chief_case(tree):
    """A chief's report (Order 608) of the Bukhar-Zhyrau district body for 2024, held in February 2025, with
    district figures for 2024 and 2023 (district level: no 2022 boundary break)."""
    from esep.statistics import services

    body = tree["body"]
    chief = f.officer(body, position="chief", last_name="Бастықов")
    meeting = f.meeting(
        kind="chief", body_=body, reporters=[(chief, None)], starts_at=at(2025, 2, 20, 15), status="held"
    )
    rows = [
        ("1M.S1.001.g02", 712, 800),
        ("1M.S1.003.g02", 600, 690),
        ("1M.S1.002.g02", 112, 110),
        ("1M.S1.001.g06", 300, 350),
        ("1M.S1.001.g07", 200, 210),
        ("1M.S1.001.g26", 90, 70),
        ("1M.S1.001.g28", 40, 55),
        ("SNG1.R1.13.g1", 250, 240),
    ]
    form = {"1M": "1-М", "SN": "СНГ-1"}
    text = HEADER + "".join(
        f"354000000,{y}-01-01,{y}-12-31,{form[code[:2]]},{code},{v}\n"
        for code, v2023, v2024 in rows
        for y, v in ((2023, v2023), (2024, v2024))
    )
    services.figures_import(text, name="district.csv")
    return {
        **tree,
        "meeting": meeting,
        "chief": chief,
        "rows": rows,
        "period": (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    }
