"""CSV exchange of the register with the national appeals system (format: docs/complaints.md).

Export writes one row per complaint the user may see; applicants' names only for users allowed to see
personal data (esep.accounts.permissions.can_see_personal_data). Import reads the same columns, checks every
line first (errors name the line), then writes everything in one transaction or nothing. It is idempotent on
``external_id``: a line already imported changes nothing, except that an outcome given for a complaint still
without one is recorded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can_decide_complaint, can_see_personal_data, restrict
from esep.complaints import services
from esep.complaints.models import ComplaintSource, Measure, OfficerComplaint, Outcome
from esep.core import clock
from esep.core.errors import EsepError
from esep.police.models import Officer, PoliceBody, Precinct

COLUMNS = [
    "external_id",
    "number",
    "received_on",
    "body",
    "precinct",
    "officer_ids",
    "source",
    "text",
    "applicant_name",
    "outcome",
    "measures",
    "decision_number",
    "decision_date",
]
REQUIRED = {"external_id", "received_on", "body", "officer_ids", "source", "text"}
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


def export_csv(queryset, user) -> str:
    personal = can_see_personal_data(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for c in queryset:
        appeal = c.appeal
        writer.writerow(
            [
                c.external_id or f"esep:{c.pk}",
                appeal.number or "",
                c.received_on.isoformat(),
                c.body.slug,
                c.precinct.number if c.precinct_id else "",
                ";".join(str(o.pk) for o in c.officers.all()),
                c.source,
                appeal.text,
                appeal.applicant_name if personal and not appeal.applicant_erased_at else "",
                c.outcome,
                c.measures,
                c.decision_number,
                c.decision_date.isoformat() if c.decision_date else "",
            ]
        )
    return out.getvalue()


@dataclass
class ImportResult:
    created: int = 0
    decided: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    external_id: str
    received_on: dt.date
    body: PoliceBody
    precinct: Precinct | None
    officers: list[Officer]
    source: str
    text: str
    applicant_name: str
    outcome: str
    measures: str
    decision_number: str
    decision_date: dt.date | None


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _parse(data: bytes, user) -> tuple[list[_Row], list[tuple[int, str]]]:
    errors: list[tuple[int, str]] = []
    if len(data) > MAX_BYTES:
        return [], [(0, _("The file is larger than 5 MB."))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(0, _("The file is not in UTF-8."))]
    reader = csv.DictReader(io.StringIO(text))
    missing = REQUIRED - set(reader.fieldnames or [])
    if missing:
        return [], [(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))})]
    bodies = {b.slug: b for b in restrict(PoliceBody.objects.all(), user, Action.CHANGE)}
    rows: list[_Row] = []
    seen: set[str] = set()
    for n, raw in enumerate(reader, start=2):
        if n - 1 > MAX_ROWS:
            errors.append((n, _("At most %(n)s lines in one file.") % {"n": MAX_ROWS}))
            break
        raw = {k: (v or "").strip() for k, v in raw.items() if k}
        problems: list[str] = []
        ext = raw.get("external_id", "")
        if not ext or len(ext) > 80:
            problems.append(_("external_id is required (at most 80 characters)."))
        elif ext in seen:
            problems.append(_("external_id %(id)s appears twice in the file.") % {"id": ext})
        seen.add(ext)
        received = _date(raw.get("received_on", ""))
        if received is None or received > clock.localdate():
            problems.append(_("received_on must be a date YYYY-MM-DD, not in the future."))
        body = bodies.get(raw.get("body", ""))
        if body is None:
            problems.append(_("Unknown police body %(slug)s, or not yours.") % {"slug": raw.get("body", "")})
        precinct = None
        if body is not None and raw.get("precinct"):
            precinct = Precinct.objects.filter(body=body, number=raw["precinct"]).select_related("point").first()
            if precinct is None:
                problems.append(_("Unknown precinct %(n)s in this body.") % {"n": raw["precinct"]})
        officers: list[Officer] = []
        try:
            ids = [int(x) for x in raw.get("officer_ids", "").split(";") if x.strip()]
        except ValueError:
            ids = []
        if not ids:
            problems.append(_("officer_ids: one or more officer numbers separated by ';'."))
        elif body is not None:
            officers = list(Officer.objects.filter(pk__in=ids, body__path__startswith=body.path).select_related("body"))
            if len(officers) != len(set(ids)):
                problems.append(_("Some officer_ids are not officers of this body."))
        source = raw.get("source", "")
        if source not in (ComplaintSource.LETTER, ComplaintSource.STAFF, ComplaintSource.NATIONAL):
            problems.append(_("source must be letter, staff or national."))
        if not raw.get("text") or len(raw["text"]) > 10_000:
            problems.append(_("text is required (at most 10000 characters)."))
        outcome = raw.get("outcome", "")
        measures = raw.get("measures", "")
        decision_date = None
        if outcome:
            if outcome not in Outcome.values:
                problems.append(_("outcome must be confirmed, partly or not_confirmed."))
            if measures not in Measure.values:
                problems.append(_("measures must be disciplinary, training or none."))
            if not raw.get("decision_number"):
                problems.append(_("decision_number is required with an outcome."))
            decision_date = _date(raw.get("decision_date", ""))
            if decision_date is None:
                problems.append(_("decision_date must be a date YYYY-MM-DD."))
            if body is not None and not can_decide_complaint(user, body.path, set(ids)):
                problems.append(_("You may not record outcomes for this body."))
        if problems:
            errors.extend((n, p) for p in problems)
            continue
        rows.append(
            _Row(
                line=n,
                external_id=ext,
                received_on=received,
                body=body,
                precinct=precinct,
                officers=officers,
                source=source,
                text=raw["text"],
                applicant_name=raw.get("applicant_name", "")[:200],
                outcome=outcome,
                measures=measures,
                decision_number=raw.get("decision_number", "")[:60],
                decision_date=decision_date,
            )
        )
    return rows, errors


def import_csv(data: bytes, user) -> ImportResult:
    """Check the whole file, then write it in one transaction; on any error nothing is written."""
    rows, errors = _parse(data, user)
    result = ImportResult(errors=errors)
    if errors:
        return result
    try:
        with transaction.atomic():
            for row in rows:
                existing = OfficerComplaint.objects.filter(external_id=row.external_id).first()
                if existing is None:
                    received_at = dt.datetime.combine(row.received_on, dt.time(12, 0), tzinfo=clock.localtime().tzinfo)
                    complaint = services.complaint_register(
                        body=row.body,
                        officers=row.officers,
                        text=row.text,
                        source=row.source,
                        actor=user,
                        precinct=row.precinct,
                        applicant_name=row.applicant_name,
                        received_at=received_at,
                        external_id=row.external_id,
                    )
                    result.created += 1
                else:
                    complaint = existing
                if row.outcome and not complaint.outcome:
                    services.complaint_record_outcome(
                        complaint=complaint,
                        actor=user,
                        outcome=row.outcome,
                        measures=row.measures,
                        decision_number=row.decision_number,
                        decision_date=row.decision_date,
                    )
                    result.decided += 1
                elif existing is not None:
                    result.unchanged += 1
    except EsepError as exc:  # a refusal of the register or of the appeals app: the whole file is rolled back
        result.created = result.decided = result.unchanged = 0
        result.errors = [(row.line, exc.message)]
    return result
