"""The report as a PDF (A4, portrait) and as slides (landscape), in Kazakh or Russian, typeset by Typst with
its embedded fonts (every Kazakh letter). Text goes in as JSON data and is inserted as plain text, never as
markup; charts go in as the same SVG the page shows."""

from __future__ import annotations

import json
from pathlib import Path

import typst
from django.utils import translation
from django.utils.translation import gettext as _

from esep.reports.present import report_view

ROOT = Path(__file__).parent / "typst"
PDF_FONT = "Libertinus Serif"


def _data(report, lang: str, blocks) -> str:
    view = report_view(report, lang, blocks=blocks, font=PDF_FONT)
    with translation.override(lang):
        labels = {
            "indicator": _("Indicator"),
            "current": _("This period"),
            "previous": _("Same period a year earlier"),
            "change": _("Change, year on year"),
            "rate": _("Per 10,000 residents"),
            "sources": _("Sources used"),
            "empty": _("This section is not written yet."),
            "demo": _("Some figures are demo data generated for the demonstration, not official statistics."),
            "page": _("Esep · report %(code)s") % {"code": report.meeting.code},
        }
    payload = {
        "lang": lang,
        "title": view["title"],
        "subtitle": f"{view['body']} · {view['period']} ({view['period_dates']})",
        "rule": view["rule"],
        "sources_rule": view["sources_rule"],
        "sources": view["sources"],
        "attribution": view["attribution"] if view["statistics_used"] else "",
        "demo": view["demo"],
        "labels": labels,
        "blocks": [
            {
                "title": f"{n}. {b['title']}",
                "citation": b["citation"],
                "text": b["text"],
                "chart": str(b["chart"] or ""),
                "rows": [
                    {
                        "label": r["label"] + (" [demo]" if r["demo"] else ""),
                        "value": r["value"],
                        "previous": r["previous"] or "—",
                        "change": r["change"],
                        "rate": r["rate"] or "—",
                    }
                    for r in b["rows"]
                ],
            }
            for n, b in enumerate(view["blocks"], start=1)
        ],
    }
    return json.dumps(payload, ensure_ascii=False)


def _compile(template: str, data: str) -> bytes:
    return typst.compile(str(ROOT / template), root=str(ROOT), sys_inputs={"data": data}, ignore_system_fonts=True)


def report_pdf(report, *, lang: str, blocks=None) -> bytes:
    if lang not in ("kk", "ru"):
        raise ValueError("reports are printed in kk and ru")
    return _compile("report.typ", _data(report, lang, blocks))


def slides_pdf(report, *, lang: str, blocks=None) -> bytes:
    if lang not in ("kk", "ru"):
        raise ValueError("slides are printed in kk and ru")
    return _compile("slides.typ", _data(report, lang, blocks))
