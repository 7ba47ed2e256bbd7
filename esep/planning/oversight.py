"""Reads for oversight: who did not report (with percentages), what each report still lacks (the compliance
findings' codes), the trend over the last eight quarters, findings counted per body and code, and the rows
of every table as plain data for the CSV, XLSX and print versions (one source, so the files and the page
always hold the same rows and numbers).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from esep.accounts.permissions import Action, restrict
from esep.core import clock
from esep.core.collation import collation_key
from esep.law.compliance import period_window
from esep.meetings.models import Meeting, MeetingStatus
from esep.planning.selectors import (
    BodyCounts,
    Obligation,
    ObligationStatus,
    chief_obligations,
    counts_by_body,
    inspector_counts,
    obligations,
    rolled_up,
)
from esep.police.models import PoliceBody

# What a report must show to be proven, by finding-code prefix (esep/law/compliance, docs/compliance.md).
EVIDENCE_PREFIXES = (
    ("notice.", gettext_lazy("announcement")),
    ("invitees.", gettext_lazy("invitations")),
    ("participants.", gettext_lazy("invitations")),
    ("registration.", gettext_lazy("registration")),
    ("video.", gettext_lazy("video")),
    ("minutes.signature_missing", gettext_lazy("signatures")),
    ("minutes.missing", gettext_lazy("minutes")),
    ("minutes.late", gettext_lazy("minutes")),
)
EVIDENCE_LIMIT = 200  # reports whose evidence is checked on one page; a smaller body shows the rest


def status_labels() -> list[tuple[str, str]]:
    return [
        (ObligationStatus.MISSING, _("not held")),
        (ObligationStatus.UNPROVEN, _("held, minutes not signed")),
        (ObligationStatus.LATE, _("held late")),
        (ObligationStatus.PLANNED, _("planned")),
        (ObligationStatus.UPCOMING, _("period not over")),
        (ObligationStatus.ON_TIME, _("held on time")),
    ]


def body_rows(
    user: Any, *, kind: str, year: int, quarter: int | None, root: PoliceBody | None, as_of: dt.date | None = None
) -> list[BodyCounts]:
    """Counts per body one level below ``root`` (worst first). Inspectors' counts come from one GROUP BY
    query; chiefs' reports are one per body, few enough to read."""
    if kind == "chief":
        counts = counts_by_body(chief_obligations(user, year=year, root=root, as_of=as_of))
    else:
        counts = inspector_counts(user, year=year, quarter=quarter, root=root, as_of=as_of)
    return rolled_up(counts, root=root)


def totals(rows: list[BodyCounts]) -> BodyCounts | None:
    if not rows:
        return None
    summed = dict.fromkeys(ObligationStatus.ALL, 0)
    for row in rows:
        for key, value in row.counts.items():
            summed[key] += value
    return BodyCounts(None, summed)  # type: ignore[arg-type]


@dataclass
class ListedReport:
    obligation: Obligation
    missing: list[tuple[str, list[str]]]  # (what, finding codes)


def evidence_missing(meeting: Meeting, *, today: dt.date | None = None) -> list[tuple[str, list[str]]]:
    """What a held report lacks, grouped as a reader names it, with the findings' codes."""
    from esep.law.describe import evaluate_meeting

    try:
        findings = evaluate_meeting(meeting, today=today)
    except Exception:
        return [(_("evidence could not be checked"), [])]
    grouped: dict[str, list[str]] = defaultdict(list)
    for f in findings:
        for prefix, label in EVIDENCE_PREFIXES:
            if f.code.startswith(prefix):
                if f.code not in grouped[str(label)]:
                    grouped[str(label)].append(f.code)
                break
    return sorted(grouped.items())


def listed_reports(
    user: Any, *, kind: str, year: int, quarter: int | None, root: PoliceBody, status: str
) -> tuple[list[ListedReport], int]:
    """The reports of one status under ``root``, each with what it lacks (for the first EVIDENCE_LIMIT)."""
    items = [ob for ob in obligations(user, kind=kind, year=year, quarter=quarter, root=root) if ob.status == status]
    out = []
    for i, ob in enumerate(items):
        missing: list[tuple[str, list[str]]] = []
        if i < EVIDENCE_LIMIT:
            for m in ob.meetings:
                if m.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
                    missing.extend(evidence_missing(m))
        out.append(ListedReport(ob, missing))
    return out, max(0, len(items) - EVIDENCE_LIMIT)


# --- trend ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    year: int
    quarter: int
    owed: int
    done: int
    not_done: int

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}"

    @property
    def percent_done(self) -> float:
        return round(100 * self.done / self.owed, 1) if self.owed else 0.0


def last_quarters(today: dt.date, n: int = 8) -> list[tuple[int, int]]:
    """The last ``n`` finished quarters, oldest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    out = []
    for _i in range(n):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        out.append((year, quarter))
    return list(reversed(out))


def trend(user: Any, *, root: PoliceBody | None, today: dt.date | None = None) -> list[TrendPoint]:
    """Inspectors' reports done (signed minutes) per quarter over the last eight finished quarters: one
    GROUP BY query per quarter."""
    today = today or clock.localdate()
    points = []
    for year, quarter in last_quarters(today):
        rows = inspector_counts(user, year=year, quarter=quarter, root=root, as_of=today)
        owed = sum(r.owed for r in rows)
        done = sum(r.done for r in rows)
        points.append(TrendPoint(year, quarter, owed, done, sum(r.not_reported for r in rows)))
    return points


def trend_svg(points: list[TrendPoint], *, width: int = 640, height: int = 240) -> dict[str, Any]:
    """Coordinates for a server-rendered line chart of the share done (0-100 %)."""
    left, right, top, bottom = 48, 16, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)
    dots = []
    for i, p in enumerate(points):
        x = round(left + i * step, 1)
        y = round(top + plot_h * (1 - p.percent_done / 100), 1)
        dots.append({"x": x, "y": y, "point": p})
    grid = [{"y": round(top + plot_h * (1 - v / 100), 1), "value": v} for v in (0, 25, 50, 75, 100)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "bottom": height - bottom,
        "label_y": height - bottom + 18,
        "polyline": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
        "grid": grid,
    }


# --- findings per body and code ------------------------------------------------------------------------------

FINDINGS_LIMIT = 400


@dataclass
class FindingsMatrix:
    codes: list[str]
    rows: list[tuple[PoliceBody, list[tuple[str, int]], int]]  # body, (code, count) in the order of codes, total
    checked: int
    left_out: int
    meetings_by_cell: dict[tuple[int, str], list[Meeting]]


def findings_matrix(user: Any, *, kind: str, year: int, quarter: int | None, root: PoliceBody | None) -> FindingsMatrix:
    """Findings of the held reports of the period, counted per body (the body that held them) and code."""
    from esep.law.describe import evaluate_meeting

    qs = restrict(Meeting.objects.filter(kind=kind, period_year=year), user, Action.VIEW).filter(
        status__in=[MeetingStatus.HELD, MeetingStatus.CLOSED]
    )
    if kind == "inspector":
        qs = qs.filter(period_quarter=quarter)
    if root is not None:
        qs = qs.filter(body__path__startswith=root.path)
    total = qs.count()
    meetings = list(
        qs.select_related("body", "settlement")
        .prefetch_related("reporters__officer", "reporters__precinct")
        .order_by("body__path", "starts_at")[:FINDINGS_LIMIT]
    )
    per_body: dict[int, Counter] = defaultdict(Counter)
    bodies: dict[int, PoliceBody] = {}
    cells: dict[tuple[int, str], list[Meeting]] = defaultdict(list)
    window = period_window(kind, year, quarter)
    today = max(clock.localdate(), window[1])
    for m in meetings:
        bodies[m.body_id] = m.body
        try:
            findings = evaluate_meeting(m, today=today)
        except Exception:  # noqa: S112 - one bad description must not hide the rest
            continue
        for code in sorted({f.code for f in findings}):
            per_body[m.body_id][code] += 1
            cells[(m.body_id, code)].append(m)
    codes = sorted({c for counter in per_body.values() for c in counter})
    rows = [
        (bodies[pk], [(c, counter.get(c, 0)) for c in codes], sum(counter.values()))
        for pk, counter in sorted(per_body.items(), key=lambda kv: collation_key(bodies[kv[0]].name))
    ]
    return FindingsMatrix(codes, rows, len(meetings), max(0, total - len(meetings)), cells)


# --- rows for files -------------------------------------------------------------------------------------------


def not_reported_table(rows: list[BodyCounts], total: BodyCounts | None) -> tuple[list[str], list[list[Any]]]:
    """The "who did not report" table as header and rows, exactly as the page shows it."""
    header = [
        str(_("Police body")),
        str(_("Owed")),
        str(_("Not held")),
        str(_("Held, minutes not signed")),
        str(_("Held late")),
        str(_("Held on time")),
        str(_("Planned")),
        str(_("Not reported, %")),
        str(_("Done, %")),
    ]
    out = []
    for row in [*rows, *([total] if total else [])]:
        out.append(
            [
                str(row.body) if row.body is not None else str(_("Total")),
                row.owed,
                row.counts[ObligationStatus.MISSING],
                row.counts[ObligationStatus.UNPROVEN],
                row.counts[ObligationStatus.LATE],
                row.counts[ObligationStatus.ON_TIME],
                row.counts[ObligationStatus.PLANNED],
                row.percent_not_reported,
                row.percent_done,
            ]
        )
    return header, out
