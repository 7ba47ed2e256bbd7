"""The official forms import reproduces the published totals; bad files are refused with their line number
and change nothing; reruns change nothing; demo never mixes silently with official figures."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from esep.statistics import selectors, services
from esep.statistics.importer import ImportRefused
from esep.statistics.models import Dataset, Figure, Population

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are read in English here; their kk and ru translations are checked by the i18n tests."""
    with translation.override("en"):
        yield


Y2022 = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
HEADER = "kato,period_start,period_end,form,indicator_code,value\n"


def _snapshot():
    return sorted(Figure.objects.values_list("indicator__code", "kato", "period_start", "value", "demo")), sorted(
        Population.objects.values_list("kato", "year", "population")
    )


def test_official_import_reproduces_national_totals_and_rerun_changes_nothing():
    first = services.official_import()
    assert first["figures"].created > 8000
    # Form 1-М section 1, row 1 column 2 and row 3 column 2, summed over the 20 regions (data README, check 2).
    assert selectors.national_total("1M.S1.001.g02", *Y2022) == 155_200
    assert selectors.national_total("1M.S1.003.g02", *Y2022) == 135_029
    # СНГ-1 "Всего" counts crimes only: equal to 1-М row 3.
    assert selectors.national_total("SNG1.R1.01.g1", *Y2022) == 135_029
    before, datasets = _snapshot(), Dataset.objects.count()
    again = services.official_import()
    assert (again["figures"].created, again["figures"].updated) == (0, 0)
    assert (again["population"].created, again["population"].updated) == (0, 0)
    assert _snapshot() == before and Dataset.objects.count() == datasets


def test_independent_count_of_the_wide_form_matches_the_import():
    services.official_import()
    path = services.DATA_DIR / "form_1M_section1_by_region.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["row_code"] == "1"]
    for col in ("g06", "g07", "g26", "g28"):
        expected = sum(int(r[col]) for r in rows)
        assert selectors.national_total(f"1M.S1.001.{col}", *Y2022) == expected


def test_malformed_file_is_refused_with_line_number_and_nothing_changes():
    good = HEADER + "110000000,2023-01-01,2023-12-31,1-М,1M.S1.001.g02,100\n"
    services.figures_import(good, name="good.csv")
    before = _snapshot()
    bad = (
        HEADER
        + "110000000,2024-01-01,2024-12-31,1-М,1M.S1.001.g02,120\n"
        + "110000000,2024-01-01,2024-12-31,1-М,1M.S1.003.g02,twelve\n"
        + "11000,2024-01-01,2024-13-31,1-М,1M.S1.002.g02,5\n"
    )
    with pytest.raises(ImportRefused) as exc:
        services.figures_import(bad, name="bad.csv")
    lines = exc.value.lines()
    assert any(line.startswith("line 3:") and "value" in line for line in lines)
    assert any(line.startswith("line 4:") and "kato" in line for line in lines)
    assert any(line.startswith("line 4:") and "period_end" in line for line in lines)
    assert _snapshot() == before


def test_command_refuses_with_line_number_and_exit_code_2(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "110000000,2024-01-01,2024-12-31,1-М,1M.S1.001.g02,-4\n", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("statistics", "import", str(path))
    assert exc.value.returncode == 2
    assert "line 2: value" in str(exc.value)
    assert not Figure.objects.exists()


def test_same_figure_twice_with_two_values_is_refused():
    text = HEADER + "110000000,2024-01-01,2024-12-31,1-М,1M.S1.001.g02,1\n"
    text += "110000000,2024-01-01,2024-12-31,1-М,1M.S1.001.g02,2\n"
    with pytest.raises(ImportRefused) as exc:
        services.figures_import(text, name="dup.csv")
    assert exc.value.errors == [(3, exc.value.errors[0][1])]
    assert "line 2" in exc.value.errors[0][1]


def test_demo_never_replaces_official_and_is_flagged():
    services.figures_import(HEADER + "110000000,2023-01-01,2023-12-31,1-М,1M.S1.001.g02,100\n", name="a.csv")
    with pytest.raises(ImportRefused) as exc:
        services.figures_import(
            HEADER + "110000000,2023-01-01,2023-12-31,1-М,1M.S1.001.g02,90\n", name="demo.csv", demo=True
        )
    assert exc.value.errors[0][0] == 2
    services.figures_import(
        HEADER + "110000000,2024-01-01,2024-12-31,1-М,1M.S1.001.g02,90\n", name="demo.csv", demo=True
    )
    (change,) = selectors.territory_changes("110000000", dt.date(2024, 1, 1), dt.date(2024, 12, 31), ["1M.S1.001.g02"])
    assert change.demo and change.previous == 100 and change.delta == -10


def _long(rows):
    out = io.StringIO()
    out.write(HEADER)
    for r in rows:
        out.write(",".join(str(x) for x in r) + "\n")
    return out.getvalue()


def test_change_only_between_identical_periods():
    services.official_import()
    # January–March 2023 has no January–March 2022: no comparable period, even though 2022 exists.
    changes = selectors.territory_changes("110000000", dt.date(2023, 1, 1), dt.date(2023, 3, 31), ["SNG1.R1.01.g1"])
    assert changes[0].previous is None and changes[0].reason == selectors.NO_PREVIOUS and changes[0].delta is None
    # A further full year for Akmola (unchanged boundaries) compares with 2022: 712 -> 800 style.
    akmola_2022 = Figure.objects.get(indicator__code="1M.S1.001.g02", kato="110000000", period_start=Y2022[0]).value
    services.figures_import(
        _long([("110000000", "2023-01-01", "2023-12-31", "1-М", "1M.S1.001.g02", akmola_2022 + 50)]), name="2023.csv"
    )
    (change,) = selectors.territory_changes("110000000", dt.date(2023, 1, 1), dt.date(2023, 12, 31), ["1M.S1.001.g02"])
    assert (change.previous, change.delta) == (akmola_2022, 50)
    assert abs(float(change.percent) - 50 * 100 / akmola_2022) <= 0.05
    pop = Population.objects.get(kato="110000000", year=2023).population
    assert abs(float(change.rate) - (akmola_2022 + 50) * 10000 / pop) < 0.05


def test_no_change_across_the_2022_boundary_break():
    services.official_import()
    services.figures_import(
        _long([("350000000", "2023-01-01", "2023-12-31", "1-М", "1M.S1.001.g02", 9000)]), name="2023.csv"
    )
    (change,) = selectors.territory_changes("350000000", dt.date(2023, 1, 1), dt.date(2023, 12, 31), ["1M.S1.001.g02"])
    assert change.previous is not None and change.reason == selectors.BOUNDARY and change.delta is None
