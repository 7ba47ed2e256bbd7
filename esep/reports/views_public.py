"""The published report as a page of its own, a PDF (A4) and slides (landscape), in Kazakh and Russian.
Cached like every public page (esep.public.cache)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from esep.public import selectors as public_selectors
from esep.public.cache import public_page
from esep.reports import selectors
from esep.reports.present import report_view


def _published(code: str):
    meeting = public_selectors.meeting_by_code(code)
    if meeting is None or not meeting.is_public:
        raise Http404(_("No such meeting."))
    report = selectors.published_report(meeting)
    if report is None:
        raise Http404(_("No report is published for this meeting."))
    return meeting, report


@require_safe
@public_page
def report_page(request, code: str):
    meeting, report = _published(code)
    lang = get_language() if get_language() in ("kk", "ru") else "kk"
    return render(
        request,
        "reports/public_report.html",
        {
            "meeting": meeting,
            "r": report_view(report, get_language(), blocks=report.block_list),
            "pdf_lang": lang,
            "previous": selectors.previous_published(meeting),
            "publications": list(meeting.media_publications.all()),
        },
    )


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@public_page
def report_pdf(request, code: str, lang: str):
    from esep.reports.pdf import report_pdf as build

    if lang not in ("kk", "ru"):
        raise Http404(_("The report is printed in Kazakh and Russian."))
    meeting, report = _published(code)
    return _pdf(build(report, lang=lang, blocks=report.block_list), f"esep-report-{meeting.code}-{lang}.pdf")


@require_safe
@public_page
def slides_pdf(request, code: str, lang: str):
    from esep.reports.pdf import slides_pdf as build

    if lang not in ("kk", "ru"):
        raise Http404(_("The report is printed in Kazakh and Russian."))
    meeting, report = _published(code)
    return _pdf(build(report, lang=lang, blocks=report.block_list), f"esep-slides-{meeting.code}-{lang}.pdf")
