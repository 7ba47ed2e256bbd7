"""The only code that writes statistics: file imports (one transaction, idempotent) and the staff entry of
prevention work per precinct and quarter."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can
from esep.statistics.importer import ImportRefused, Row, form_1m_rows, read_figures
from esep.statistics.models import Dataset, Figure, Indicator, Population, PreventionReport

DATA_DIR = Path(settings.DATA_DIR) / "statistics"  # shipped in the package (esep/data links to data/)
OFFICIAL_LICENCE = "PDDL 1.0"
OFFICIAL_SOURCE = (
    "Legal statistics: Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office "
    "(qamqor.gov.kz), via open-data-kazakhstan, PDDL"
)
POPULATION_SOURCE = (
    "Population on 1 January: Bureau of National Statistics (stat.gov.kz), via open-data-kazakhstan, PDDL"
)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: ImportResult) -> ImportResult:
        return ImportResult(
            self.created + other.created, self.updated + other.updated, self.unchanged + other.unchanged
        )

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def figures_import(
    text: str, *, name: str, source: str = "", licence: str = "", demo: bool | None = None
) -> ImportResult:
    """Import figures in the documented CSV format (docs/statistics.md). All or nothing: any bad line
    refuses the whole file (ImportRefused, with line numbers). Rerunning the same file changes nothing.
    ``demo`` forces the demo flag of every row; a demo figure never replaces an official one or back."""
    rows = read_figures(text)
    if demo is not None:
        rows = [Row(**{**r.__dict__, "demo": demo}) for r in rows]
    with transaction.atomic():
        return _write(rows, name=name, sha=hashlib.sha256(text.encode()).hexdigest(), source=source, licence=licence)


def _write(rows: list[Row], *, name: str, sha: str, source: str, licence: str) -> ImportResult:
    from esep.police.models import Precinct

    errors: list[tuple[int, str]] = []
    precincts: dict[str, Precinct] = {}
    wanted = {r.precinct for r in rows if r.precinct}
    for p in Precinct.objects.filter(body__slug__in={w.split(":")[0] for w in wanted}).select_related("body"):
        precincts[f"{p.body.slug}:{p.number}"] = p
    for r in rows:
        if r.precinct and r.precinct not in precincts:
            errors.append((r.line, _("precinct: no precinct %(precinct)s") % {"precinct": r.precinct}))
    if errors:
        raise ImportRefused(errors)

    indicators = {i.code: i for i in Indicator.objects.filter(code__in={r.indicator_code for r in rows})}
    for r in rows:
        ind = indicators.get(r.indicator_code)
        if ind is None:
            ind = indicators[r.indicator_code] = Indicator.objects.create(
                code=r.indicator_code, form=r.form, name_ru=r.indicator_ru.split(" | ")[0]
            )
        elif ind.form != r.form:
            errors.append(
                (r.line, _("form: %(code)s belongs to form %(form)s") % {"code": r.indicator_code, "form": ind.form})
            )
    if errors:
        raise ImportRefused(errors)

    existing: dict[tuple, Figure] = {}
    qs = Figure.objects.filter(indicator__code__in=indicators.keys()).select_related("indicator", "precinct__body")
    qs = qs.filter(kato__in={r.kato for r in rows})
    for f in qs:
        unit = f"{f.precinct.body.slug}:{f.precinct.number}" if f.precinct_id else f.kato
        existing[(f.indicator.code, unit, f.period_start, f.period_end)] = f

    result = ImportResult()
    dataset: Dataset | None = None
    to_create: list[Figure] = []
    to_update: list[Figure] = []
    for r in rows:
        old = existing.get(r.key)
        if old is not None and old.demo != r.demo:
            errors.append((r.line, _("a demo figure cannot replace an official one, nor the reverse")))
            continue
        if old is not None and old.value == r.value and old.kato == r.kato:
            result.unchanged += 1
            continue
        if dataset is None:
            dataset = Dataset.objects.create(
                name=name[:200], sha256=sha, source=source or r.source, licence=licence, demo=r.demo, rows=len(rows)
            )
        if old is not None:
            old.value, old.kato, old.dataset, old.source_path = r.value, r.kato, dataset, r.source_path
            to_update.append(old)
            result.updated += 1
        else:
            to_create.append(
                Figure(
                    indicator=indicators[r.indicator_code],
                    kato=r.kato,
                    precinct=precincts.get(r.precinct),
                    period_start=r.period_start,
                    period_end=r.period_end,
                    value=r.value,
                    demo=r.demo,
                    dataset=dataset,
                    source_path=r.source_path,
                )
            )
            result.created += 1
    if errors:
        raise ImportRefused(errors)
    Figure.objects.bulk_create(to_create, batch_size=2000)
    Figure.objects.bulk_update(to_update, ["value", "kato", "dataset", "source_path"], batch_size=2000)
    return result


def population_import(text: str, *, name: str, source: str = POPULATION_SOURCE) -> ImportResult:
    """Population on 1 January (columns kato_region, year, population), idempotent, all or nothing."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    errors, values = [], {}
    for record in reader:
        kato, year, pop = record.get("kato_region", ""), record.get("year", ""), record.get("population", "")
        if not (kato.isdigit() and len(kato) == 9 and year.isdigit() and pop.isdigit()):
            errors.append((reader.line_num, _("expected a 9-digit KATO code, a year and a whole number")))
            continue
        values[(kato, int(year))] = int(pop)
    if errors:
        raise ImportRefused(errors)
    result = ImportResult()
    with transaction.atomic():
        existing = {(p.kato, p.year): p for p in Population.objects.all()}
        dataset = None
        for key, pop in values.items():
            old = existing.get(key)
            if old is not None and old.population == pop:
                result.unchanged += 1
                continue
            dataset = dataset or Dataset.objects.create(
                name=name, sha256=hashlib.sha256(text.encode()).hexdigest(), source=source, licence=OFFICIAL_LICENCE
            )
            if old is None:
                Population.objects.create(kato=key[0], year=key[1], population=pop, dataset=dataset)
                result.created += 1
            else:
                old.population, old.dataset = pop, dataset
                old.save(update_fields=["population", "dataset"])
                result.updated += 1
    return result


def official_import(data_dir: Path = DATA_DIR) -> dict[str, ImportResult]:
    """Everything shipped in data/statistics, in one transaction: the long file, the Form 1-М headline
    cells of 2022 and the population. Rerunning it changes nothing."""
    long_text = (data_dir / "crime_by_region_periods.csv").read_text(encoding="utf-8")
    wide_path = "form_1M_section1_by_region.csv"
    wide = form_1m_rows(
        (data_dir / wide_path).read_text(encoding="utf-8"),
        period_start=dt.date(2022, 1, 1),
        period_end=dt.date(2022, 12, 31),
        source="https://github.com/open-data-kazakhstan/city-crime",
        path=wide_path,
    )
    with transaction.atomic():
        return {
            "figures": figures_import(
                long_text, name="crime_by_region_periods.csv", source=OFFICIAL_SOURCE, licence=OFFICIAL_LICENCE
            )
            + figures_import(wide, name=wide_path, source=OFFICIAL_SOURCE, licence=OFFICIAL_LICENCE),
            "population": population_import(
                (data_dir / "population_by_region_start_of_year_2000_2023.csv").read_text(encoding="utf-8"),
                name="population_by_region_start_of_year_2000_2023.csv",
            ),
        }


PREVENTION_FIELDS = ("visits", "talks", "protocols", "registered_persons")


def prevention_report_save(*, precinct, year: int, quarter: int, values: dict[str, int], actor) -> PreventionReport:
    """Staff enter (or correct) a precinct's prevention work for one quarter."""
    if not can(actor, Action.CHANGE, precinct):
        raise PermissionDenied(_("You cannot change this precinct's figures."))
    if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100:
        raise ValidationError(_("Choose a year and a quarter."))
    for field in PREVENTION_FIELDS:
        if not isinstance(values.get(field), int) or values[field] < 0:
            raise ValidationError(_("Every figure is a whole number of 0 or more."))
    with transaction.atomic():
        report, _created = PreventionReport.objects.select_for_update().get_or_create(
            precinct=precinct, year=year, quarter=quarter, defaults={"updated_by": actor}
        )
        for field in PREVENTION_FIELDS:
            setattr(report, field, values[field])
        report.updated_by = actor
        report.save()
    return report
