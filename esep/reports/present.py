"""A report as people read it, in one language: the same view for the public page, the staff workspace, the
PDF and the slides."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from esep.core.i18n import localized
from esep.law.ruleset.report_sections import SECTIONS, section_citation
from esep.reports import prefill
from esep.reports.charts import Series, bar_chart
from esep.reports.services import required_sections
from esep.reports.sources import SOURCES

# The paragraph listing the sources a report is prepared from.
SOURCES_PARAGRAPH = {"order_608": "p.10", "order_652": "p.29", "decree_723": "p.9"}

ATTRIBUTION = (
    "Legal statistics: Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office "
    "(qamqor.gov.kz), via open-data-kazakhstan, PDDL 1.0"
)


def _figure_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for r in data.get("rows", []):
        out.append(
            {
                "label": prefill.indicator_label(r["code"]),
                "value": formats.number_format(r["value"], use_l10n=True, force_grouping=True),
                "previous": formats.number_format(r["previous"], use_l10n=True, force_grouping=True)
                if r.get("previous") is not None
                else "",
                "change": prefill.change_short(r),
                "rate": formats.number_format(r["rate"], 1, use_l10n=True) if r.get("rate") else "",
                "demo": r.get("demo", False),
                "raw": r,
            }
        )
    return out


def _chart(title: str, data: dict[str, Any], rows: list[dict[str, Any]], font: str):
    if not rows:
        return None
    start, end = (dt.date.fromisoformat(d) for d in data["period"])
    prev_label = _("a year earlier")
    cur_label = f"{formats.date_format(start, 'Y')}" if start.month == 1 and end.month == 12 else _("this period")
    if start.month == 1 and end.month == 12:
        prev_label = str(start.year - 1)
    series = []
    if any(r["raw"].get("previous") is not None and not r["raw"].get("reason") for r in rows):
        series.append(Series(prev_label, [r["raw"]["previous"] if not r["raw"].get("reason") else None for r in rows]))
    series.append(Series(cur_label, [r["raw"]["value"] for r in rows]))
    demo = any(r["demo"] for r in rows)
    description = _(
        "Bars compare each figure with the same period a year earlier where a comparable period exists; "
        "the table that follows gives the same numbers."
    )
    if demo:
        description += " " + _("Demo figures, not official statistics.")
    return bar_chart(
        title + (" [" + _("demo") + "]" if demo else ""), description, [r["label"] for r in rows], series, font=font
    )


def report_view(report, lang: str, *, blocks=None, font: str = "sans-serif") -> dict[str, Any]:
    meeting = report.meeting
    rule, _keys = required_sections(meeting)
    blocks = blocks if blocks is not None else list(report.blocks.order_by("position"))
    with translation.override(lang):
        start, end = prefill.report_period(meeting)
        if meeting.kind == "chief":
            period = _("the year %(year)s") % {"year": meeting.period_year}
        else:
            period = _("quarter %(quarter)s of %(year)s") % {
                "quarter": meeting.period_quarter,
                "year": meeting.period_year,
            }
        shown = []
        for b in blocks:
            section = SECTIONS.get(b.section)
            title = section.title(lang) if section else b.section
            rows = _figure_rows(b.data) if b.data.get("kind") == "figures" else []
            shown.append(
                {
                    "key": b.section,
                    "title": title,
                    "citation": section_citation(rule, b.section, lang) if b.section in rule.value else "",
                    "text": b.text(lang),
                    "complete": b.complete,
                    "rows": rows,
                    "chart": _chart(title, b.data, rows, font),
                    "block": b,
                }
            )
        demo = any(r["demo"] for s in shown for r in s["rows"])
        used = {s for b in blocks for s in b.sources}
        return {
            "lang": lang,
            "title": _("Report of the chief of the police body to the population")
            if meeting.kind == "chief"
            else _("Report of the district police inspector to the population"),
            "body": localized(meeting.body, "name"),
            "period": period,
            "period_dates": prefill.period_text(start, end),
            "date": formats.date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT"),
            "rule": rule.citation(lang),
            "sources_rule": replace(rule, paragraph=SOURCES_PARAGRAPH.get(rule.act, "")).citation(lang),
            "blocks": shown,
            "sources": [str(label) for key, label in SOURCES.items() if key in used],
            "statistics_used": "statistics" in used,
            "attribution": ATTRIBUTION,
            "demo": demo,
            "complete": sum(1 for s in shown if s["complete"]),
            "total": len(shown),
        }
