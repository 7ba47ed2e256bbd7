"""Reading reports: the published report of a meeting for the public page, the previous year's report, and
the workspace of staff."""

from __future__ import annotations

from esep.reports.models import Block, Report, ReportStatus


def published_report(meeting) -> Report | None:
    """The meeting's published report with its blocks: no query when the meeting was read with
    ``select_related("report")`` and has no published report, one for the blocks when it has."""
    try:
        report = meeting.report
    except Report.DoesNotExist:
        return None
    if report.status != ReportStatus.PUBLISHED:
        return None
    report.block_list = list(Block.objects.filter(report=report).order_by("position"))
    return report


def previous_published(meeting):
    """The meeting of the previous period's published report of the same body and kind (and precincts)."""
    from esep.meetings.models import Meeting

    qs = Meeting.objects.filter(
        body=meeting.body,
        kind=meeting.kind,
        starts_at__lt=meeting.starts_at,
        report__status=ReportStatus.PUBLISHED,
    )
    if meeting.kind == "inspector":
        qs = qs.filter(precincts__in=meeting.precincts.all()).distinct()
    return qs.order_by("-starts_at").first()


def sources_used(blocks) -> list[str]:
    from esep.reports.sources import SOURCES

    used = {s for b in blocks for s in b.sources}
    return [k for k in SOURCES if k in used]
