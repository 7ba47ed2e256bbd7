"""Prefilling each section of a report from what Esep already knows, so nothing is typed twice.

- crime situation (608 p.6 sub.1; 652 p.30): statistics of the territory or precinct for the period, with the
  change against the same period one year before;
- 608 p.6 sub.3 and sub.4: results of investigation and where offences happen, from the same statistics;
- appeals and complaints (608 p.6 sub.6; 652 p.30): Esep's own appeals of the period (received, answered on time,
  late, overdue, sent on, by subject) and the previous report's decisions with their execution;
- public opinion (608 p.6 sub.7): residents' ratings of the body's reports in the period;
- legislation (608 p.6 sub.8; 652 p.30): the rules of esep.law that took force during the period;
- local problems (608 p.6 sub.9): items sent to the akimat, grouped by subject and settlement;
- prevention work (652 p.30): the precinct's quarterly figures entered by staff.

Each builder returns the figures (``data``, JSON) and a first text in Kazakh and in Russian; staff edit the text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Avg, Count, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from esep.law import rules
from esep.law.ruleset.report_sections import SECTIONS
from esep.statistics import selectors as stats
from esep.statistics.indicators import BY_CODE, HEADLINES

LANGS = ("kk", "ru")


def report_period(meeting) -> tuple[dt.date, dt.date]:
    """The period reported on: the year for a chief (Order 608 p.4), the quarter for an inspector (652 p.26)."""
    year = meeting.period_year
    if meeting.kind == "chief" or not meeting.period_quarter:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    q = meeting.period_quarter
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)
    return start, end


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, day after end 00:00) in Almaty time: a range the database can use an index for."""
    tz = timezone.get_default_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def _n(value) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} – {formats.date_format(end, 'SHORT_DATE_FORMAT')}"


def change_text(row: dict[str, Any]) -> str:
    """ "800 (712 → 800, +12.4%)" or "800 (no comparable period)" in the active language."""
    value = _n(row["value"])
    if row.get("reason") == stats.BOUNDARY:
        tail = _("not comparable: the region's boundaries changed in 2022")
    elif row.get("previous") is None:
        tail = _("no comparable period")
    else:
        pct = row.get("percent")
        sign = "+" if row["delta"] > 0 else ("−" if row["delta"] < 0 else "±")
        pct_text = f"{sign}{_n(abs(float(pct)))}%" if pct is not None else ""
        tail = f"{_n(row['previous'])} → {value}" + (f", {pct_text}" if pct_text else "")
    demo = " [" + _("demo") + "]" if row.get("demo") else ""
    return f"{value} ({tail}){demo}"


def change_short(row: dict[str, Any]) -> str:
    """ "+88 (+12.4%)" for the table's change column, or why there is no change."""
    if row.get("reason") == stats.BOUNDARY:
        return _("not comparable: the region's boundaries changed in 2022")
    if row.get("previous") is None or row.get("delta") is None:
        return _("no comparable period")
    delta = row["delta"]
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    pct = row.get("percent")
    tail = f" ({sign}{_n(abs(float(pct)))}%)" if pct is not None else ""
    return f"{sign}{_n(abs(delta))}{tail}"


def indicator_label(code: str, name_ru: str = "") -> str:
    headline = BY_CODE.get(code)
    return str(headline.label) if headline else (name_ru or code)


# -- statistics ----------------------------------------------------------------------------------------------


def _unit(meeting):
    """(kato, precinct) the figures are read for: the body's territory; an inspector's single precinct."""
    precincts = list(meeting.precincts.all()) if meeting.kind == "inspector" else []
    precinct = precincts[0] if len(precincts) == 1 else None
    return meeting.body.territory.kato, precinct


def _stat_rows(meeting, groups: tuple[str, ...]) -> dict[str, Any]:
    start, end = report_period(meeting)
    kato, precinct = _unit(meeting)
    codes = [h.code for h in HEADLINES if h.group in groups]
    changes = stats.territory_changes(kato, start, end, codes, precinct=precinct)
    if not changes and precinct is not None:
        changes = stats.territory_changes(kato, start, end, codes)
    rows = [
        {
            "code": c.code,
            "value": c.value,
            "previous": c.previous,
            "delta": c.delta,
            "percent": str(c.percent) if c.percent is not None else None,
            "reason": c.reason,
            "demo": c.demo,
            "rate": str(c.rate) if c.rate is not None else None,
        }
        for c in changes
    ]
    return {"kind": "figures", "kato": kato, "period": [start.isoformat(), end.isoformat()], "rows": rows}


def _figures_text(data: dict[str, Any], intro: str) -> str:
    if not data["rows"]:
        return ""
    start, end = (dt.date.fromisoformat(d) for d in data["period"])
    lines = [intro % {"period": period_text(start, end)}]
    lines += [f"— {indicator_label(r['code'])}: {change_text(r)}" for r in data["rows"]]
    return "\n".join(lines)


def crime_situation(meeting) -> dict[str, Any]:
    data = _stat_rows(meeting, ("registered", "categories"))
    return {
        "data": data,
        "texts": _texts(
            lambda: _figures_text(data, _("The crime situation, %(period)s, against the same period a year earlier:"))
        ),
        "sources": ["statistics"],
    }


def rights_and_investigation(meeting) -> dict[str, Any]:
    data = _stat_rows(meeting, ("results",))
    return {
        "data": data,
        "texts": _texts(lambda: _figures_text(data, _("Investigation results, %(period)s:"))),
        "sources": ["statistics"],
    }


def public_order(meeting) -> dict[str, Any]:
    data = _stat_rows(meeting, ("where",))
    return {
        "data": data,
        "texts": _texts(lambda: _figures_text(data, _("Where offences were committed, %(period)s:"))),
        "sources": ["statistics"],
    }


# -- appeals -------------------------------------------------------------------------------------------------


def _appeals(meeting):
    from esep.appeals.models import Appeal

    start, end = report_period(meeting)
    since, until = _bounds(start, end)
    qs = Appeal.objects.filter(received_at__gte=since, received_at__lt=until)
    if meeting.kind == "inspector":
        qs = qs.filter(precinct__in=meeting.precincts.all())
    else:
        qs = qs.filter(body__path__startswith=meeting.body.path)
    return qs


def appeal_counts(meeting) -> dict[str, Any]:
    """Counts of the period's appeals (АППК terms are frozen on each appeal when its clock stops)."""
    qs = _appeals(meeting)
    totals = qs.aggregate(
        received=Count("pk"),
        answered_on_time=Count("pk", filter=Q(answered_on__isnull=False, answered_late=False)),
        answered_late=Count("pk", filter=Q(answered_late=True)),
        overdue=Count("pk", filter=Q(overdue_since__isnull=False, finished_at__isnull=True)),
        forwarded=Count("pk", filter=Q(forwards__withdrawn=False), distinct=True),
    )
    by_subject = dict(qs.order_by().values_list("subject").annotate(n=Count("pk")).values_list("subject", "n"))
    return {**totals, "by_subject": by_subject}


def previous_decisions(meeting) -> list[dict[str, Any]]:
    """The decisions of the previous report of the same precinct(s) or body, with their execution."""
    from esep.meetings.models import Meeting, MeetingStatus
    from esep.protocols.models import Decision

    earlier = Meeting.objects.filter(starts_at__lt=meeting.starts_at, kind=meeting.kind).exclude(
        status=MeetingStatus.CANCELLED
    )
    if meeting.kind == "inspector":
        earlier = earlier.filter(precincts__in=meeting.precincts.all()).distinct()
    else:
        earlier = earlier.filter(body=meeting.body)
    previous = earlier.order_by("-starts_at").first()
    if previous is None:
        return []
    return [
        {
            "text": d.text,
            "responsible": d.responsible,
            "due": d.due_date.isoformat(),
            "status": d.control_status,
            "progress": d.progress,
            "meeting_date": timezone.localtime(previous.starts_at).date().isoformat(),
        }
        for d in Decision.objects.filter(protocol__meeting=previous).order_by("pk")
    ]


def _appeals_text(data: dict[str, Any]) -> str:
    from esep.police.models import Subject
    from esep.protocols.models import ControlStatus

    c = data["counts"]
    lines = [
        _(
            "Appeals received: %(received)s; answered on time: %(on_time)s; answered late: %(late)s; "
            "overdue now: %(overdue)s; sent to the competent body: %(forwarded)s."
        )
        % {
            "received": _n(c["received"]),
            "on_time": _n(c["answered_on_time"]),
            "late": _n(c["answered_late"]),
            "overdue": _n(c["overdue"]),
            "forwarded": _n(c["forwarded"]),
        }
    ]
    labels = dict(Subject.choices)
    for key, count in sorted(c["by_subject"].items(), key=lambda kv: -kv[1]):
        lines.append(f"— {labels.get(key, key)}: {_n(count)}")
    if data["decisions"]:
        lines.append(_("Decisions of the previous report and their execution:"))
        statuses = dict(ControlStatus.choices)
        for d in data["decisions"]:
            lines.append(f"— {d['text']} ({d['responsible']}): {statuses.get(d['status'], d['status'])}")
    if data["measures"]:
        lines.append(_("Complaints from previous reports and what was done:"))
        for m in data["measures"]:
            done = f" — {m['measures']}" if m.get("measures") else ""
            lines.append(f"— {m['number']} {m['text'][:200]}: {m['status_label']}{done}".replace("—  ", "— "))
    return "\n".join(lines)


def appeals(meeting) -> dict[str, Any]:
    from esep.appeals.selectors import previous_report_measures

    measures = [
        {
            "number": m["number"] or "",
            "text": m["text"],
            "status": m["status"],
            "measures": m.get("measures") or "",
            "finished": m["finished"],
        }
        for m in previous_report_measures(meeting)
    ]
    data = {
        "kind": "appeals",
        "counts": appeal_counts(meeting),
        "decisions": previous_decisions(meeting),
        "measures": measures,
    }

    def text():
        from esep.appeals.models import AppealStatus

        statuses = dict(AppealStatus.choices)
        shown = {**data, "measures": [{**m, "status_label": statuses.get(m["status"], m["status"])} for m in measures]}
        return _appeals_text(shown)

    return {"data": data, "texts": _texts(text), "sources": ["appeals", "esep"]}


# -- ratings, law, akimat --------------------------------------------------------------------------------------


def public_opinion(meeting) -> dict[str, Any]:
    from esep.feedback.models import Answered, Rating

    since, until = _bounds(*report_period(meeting))
    qs = Rating.objects.filter(
        meeting__body__path__startswith=meeting.body.path,
        meeting__starts_at__gte=since,
        meeting__starts_at__lt=until,
    )
    agg = qs.aggregate(
        count=Count("pk"),
        average=Avg("score"),
        yes=Count("pk", filter=Q(answered=Answered.YES)),
        no=Count("pk", filter=Q(answered=Answered.NO)),
        meetings=Count("meeting", distinct=True),
    )
    average = round(float(agg["average"]), 2) if agg["average"] is not None else None
    data = {"kind": "ratings", **agg, "average": average}

    def text():
        if not agg["count"]:
            return _("Residents have not rated the reports of this period in Esep.")
        return _(
            "Residents rated %(meetings)s reports of the period %(count)s times; average score %(average)s of 5; "
            "%(yes)s said their question was answered, %(no)s said it was not."
        ) % {
            "meetings": _n(agg["meetings"]),
            "count": _n(agg["count"]),
            "average": formats.number_format(average, 2, use_l10n=True),
            "yes": _n(agg["yes"]),
            "no": _n(agg["no"]),
        }

    return {"data": data, "texts": _texts(text), "sources": ["public_opinion", "esep"]}


def legislation(meeting) -> dict[str, Any]:
    start, end = report_period(meeting)
    changed = {}
    for r in rules.all_rules():
        if r.valid_from and start <= r.valid_from <= end and r.kind in (None, meeting.kind):
            changed.setdefault((r.act, r.paragraph, r.valid_from), r)
    items = [
        {"code": r.code, "act": r.act, "paragraph": r.paragraph, "from": r.valid_from.isoformat()}
        for r in sorted(changed.values(), key=lambda r: (r.valid_from, r.act, r.code))
    ]
    data = {"kind": "law", "rules": items}

    def text():
        lang = translation.get_language()
        if not items:
            return ""
        lines = [_("Changes in force during the period:")]
        for i in items:
            r = rules.find(i["code"], dt.date.fromisoformat(i["from"]), kind=meeting.kind)
            if r is not None:
                lines.append(
                    f"— {formats.date_format(r.valid_from, 'SHORT_DATE_FORMAT')}: {r.citation(lang)}. {r.summary(lang)}"
                )
        return "\n".join(lines)

    return {"data": data, "texts": _texts(text), "sources": ["law"]}


def local_problems(meeting) -> dict[str, Any]:
    from esep.appeals.models import AppealForward
    from esep.police.models import StateAgency, Subject

    since, until = _bounds(*report_period(meeting))
    qs = AppealForward.objects.filter(
        withdrawn=False,
        appeal__received_at__gte=since,
        appeal__received_at__lt=until,
        agency__kind__in=[StateAgency.Kind.AKIMAT, StateAgency.Kind.AKIMAT_DEPARTMENT],
        appeal__body__path__startswith=meeting.body.path,
    )
    groups = Counter(
        (subject, kato or "", name_kk or "", name_ru or "")
        for subject, kato, name_kk, name_ru in qs.values_list(
            "appeal__subject", "appeal__territory__kato", "appeal__territory__name_kk", "appeal__territory__name_ru"
        )
    )
    rows = [
        {"subject": s, "kato": k, "settlement_kk": nk, "settlement_ru": nr, "count": n}
        for (s, k, nk, nr), n in sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    data = {"kind": "akimat", "rows": rows}

    def text():
        if not rows:
            return ""
        labels = dict(Subject.choices)
        lang = translation.get_language()
        lines = [_("Sent to the akimat for a decision, by subject and settlement:")]
        for r in rows:
            place = r["settlement_ru"] if lang == "ru" else r["settlement_kk"]
            lines.append(f"— {labels.get(r['subject'], r['subject'])}, {place or '—'}: {_n(r['count'])}")
        return "\n".join(lines)

    return {"data": data, "texts": _texts(text), "sources": ["esep", "resources"]}


def prevention(meeting) -> dict[str, Any]:
    from esep.statistics.models import PreventionReport
    from esep.statistics.services import PREVENTION_FIELDS

    precincts = list(meeting.precincts.all())
    q = meeting.period_quarter or 1
    now = PreventionReport.objects.filter(precinct__in=precincts, year=meeting.period_year, quarter=q)
    before = PreventionReport.objects.filter(precinct__in=precincts, year=meeting.period_year - 1, quarter=q)

    def total(qs):
        rows = list(qs)
        return {f: sum(getattr(r, f) for r in rows) for f in PREVENTION_FIELDS} if rows else None

    current, previous = total(now), total(before)
    data = {"kind": "prevention", "current": current, "previous": previous}

    def text():
        if current is None:
            return ""
        labels = {
            "visits": _("door-to-door visits"),
            "talks": _("preventive talks"),
            "protocols": _("administrative protocols"),
            "registered_persons": _("persons on preventive register"),
        }
        lines = [_("Prevention work in the quarter, against the same quarter a year earlier:")]
        for f in PREVENTION_FIELDS:
            row = {"value": current[f], "previous": previous[f] if previous else None}
            if previous:
                row["delta"] = current[f] - previous[f]
                row["percent"] = round(row["delta"] * 100 / previous[f], 1) if previous[f] else None
            lines.append(f"— {labels[f]}: {change_text(row)}")
        return "\n".join(lines)

    return {"data": data, "texts": _texts(text), "sources": ["statistics", "esep"]}


def free_text(meeting) -> dict[str, Any]:
    return {"data": {}, "texts": {"kk": "", "ru": ""}, "sources": []}


def _texts(build) -> dict[str, str]:
    out = {}
    for lang in LANGS:
        with translation.override(lang):
            out[lang] = build()
    return out


BUILDERS = {
    "crime_situation": crime_situation,
    "programmes": free_text,
    "rights_and_investigation": rights_and_investigation,
    "public_order": public_order,
    "anti_corruption": free_text,
    "appeals": appeals,
    "public_opinion": public_opinion,
    "legislation": legislation,
    "local_problems": local_problems,
    "other": free_text,
    "precinct_crime_situation": crime_situation,
    "prevention": prevention,
    "citizen_involvement": free_text,
    "prevention_legislation": legislation,
    "complaints": appeals,
}
assert set(BUILDERS) == set(SECTIONS)


def build(meeting, section: str) -> dict[str, Any]:
    return BUILDERS[section](meeting)
