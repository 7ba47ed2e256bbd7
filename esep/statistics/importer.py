"""Reading statistics files: the documented CSV format (docs/statistics.md) and the full Form 1-М table.

Every problem is collected with its line number; a file with any problem is refused as a whole
(:class:`ImportRefused`) and nothing is written. Writing is :func:`esep.statistics.services.figures_import`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from esep.statistics.indicators import FORM_1M_COLUMNS, FORM_1M_ROWS

MAX_ERRORS = 50
MAX_BYTES = 50 * 1024 * 1024
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
KATO_RE = re.compile(r"^\d{9}$")
PRECINCT_RE = re.compile(r"^[a-z0-9-]{1,80}:[^:\s]{1,20}$")
REQUIRED = ("kato", "period_start", "period_end", "form", "indicator_code", "value")
ALIASES = {"kato_region": "kato", "source_repo": "source"}


class ImportRefused(ValueError):
    """The file was refused; ``errors`` are (line, message) pairs. Nothing was changed."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(self.lines()))

    def lines(self) -> list[str]:
        return [_("line %(line)s: %(message)s") % {"line": n, "message": m} for n, m in self.errors]


@dataclass(frozen=True)
class Row:
    line: int
    kato: str
    precinct: str  # "<body slug>:<number>" or ""
    period_start: dt.date
    period_end: dt.date
    form: str
    indicator_code: str
    indicator_ru: str
    value: int
    source: str
    source_path: str
    demo: bool

    @property
    def key(self) -> tuple:
        return (self.indicator_code, self.precinct or self.kato, self.period_start, self.period_end)


def _date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        return None


def read_figures(text: str) -> list[Row]:
    """Rows of the documented CSV format. Raises ImportRefused with every problem and its line number."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ImportRefused([(0, _("The file is larger than 50 MB."))])
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [ALIASES.get(h.strip(), h.strip()) for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportRefused([(1, _("missing columns: %(columns)s") % {"columns": ", ".join(missing)})])
    reader.fieldnames = header
    errors: list[tuple[int, str]] = []
    rows: list[Row] = []
    seen: dict[tuple, tuple[int, int]] = {}
    for record in reader:
        line = reader.line_num
        if len(errors) >= MAX_ERRORS:
            break
        if None in record:
            errors.append((line, _("more cells than columns")))
            continue
        get = {k: (v or "").strip() for k, v in record.items()}
        problems = _row_problems(get)
        if problems:
            errors.extend((line, p) for p in problems)
            continue
        row = Row(
            line=line,
            kato=get["kato"],
            precinct=get.get("precinct", ""),
            period_start=_date(get["period_start"]),
            period_end=_date(get["period_end"]),
            form=get["form"],
            indicator_code=get["indicator_code"],
            indicator_ru=get.get("indicator_ru", "")[:2000],
            value=int(get["value"]),
            source=get.get("source", "")[:500],
            source_path=get.get("source_path", "")[:300],
            demo=get.get("source", "").upper() == "DEMO" or get.get("demo", "").lower() in ("1", "true", "yes"),
        )
        earlier = seen.get(row.key)
        if earlier is not None and earlier[1] != row.value:
            errors.append((line, _("the same figure is on line %(line)s with another value") % {"line": earlier[0]}))
            continue
        seen[row.key] = (line, row.value)
        rows.append(row)
    if errors:
        raise ImportRefused(errors)
    if not rows:
        raise ImportRefused([(1, _("the file has no figures"))])
    return rows


def _row_problems(get: dict[str, str]) -> list[str]:
    out = []
    if not KATO_RE.match(get["kato"]):
        out.append(_("kato: a KATO code of 9 digits is expected"))
    if get.get("precinct") and not PRECINCT_RE.match(get["precinct"]):
        out.append(_("precinct: expected the police body's slug and the precinct number, as almaty-police:12"))
    start, end = _date(get["period_start"]), _date(get["period_end"])
    if start is None:
        out.append(_("period_start: a date as 2024-01-01 is expected"))
    if end is None:
        out.append(_("period_end: a date as 2024-12-31 is expected"))
    if start and end and end < start:
        out.append(_("period_end is before period_start"))
    if not get["form"] or len(get["form"]) > 20:
        out.append(_("form: the name of the form is expected (at most 20 characters)"))
    if not CODE_RE.match(get["indicator_code"]):
        out.append(_("indicator_code: letters, digits, dots and dashes, at most 40"))
    if not re.fullmatch(r"\d{1,15}", get["value"]):
        out.append(_("value: a whole number of 0 or more is expected"))
    return out


def form_1m_rows(text: str, *, period_start: dt.date, period_end: dt.date, source: str, path: str) -> str:
    """The headline cells of the full Form 1-М section 1 table (rows 1-3; columns 2, 6, 7, 26, 27, 28) as
    text in the documented CSV format, so that they pass through the same checks."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kato", "period_start", "period_end", "form", "indicator_code", "value", "source", "source_path"])
    for record in reader:
        row = int(record["row_code"])
        if row not in FORM_1M_ROWS:
            continue
        for col in FORM_1M_COLUMNS:
            writer.writerow(
                [
                    record["kato_region"],
                    period_start.isoformat(),
                    period_end.isoformat(),
                    "1-М",
                    f"1M.S1.{row:03d}.g{col:02d}",
                    record[f"g{col:02d}"],
                    source,
                    path,
                ]
            )
    return out.getvalue()
