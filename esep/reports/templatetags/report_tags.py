"""The report block of the public meeting page: the published report, its PDFs, the previous year's report
and the media publications (three queries when a report is published, one otherwise)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from esep.reports import selectors
from esep.reports.present import report_view

register = template.Library()


@register.simple_tag
def published_report_block(meeting):
    report = selectors.published_report(meeting)
    if report is None:
        return None
    lang = get_language()
    return {
        "meeting": meeting,
        "r": report_view(report, lang, blocks=report.block_list),
        "pdf_lang": lang if lang in ("kk", "ru") else "kk",
        "previous": selectors.previous_published(meeting),
        "publications": list(meeting.media_publications.all()),
    }
