"""What reports add to a stored meeting's compliance description (docs/compliance.md): whether the report
is published and which sections its text covers (Order 608 p.6; Order 652 p.30)."""

from __future__ import annotations


def describe_report(meeting, description: dict) -> None:
    from esep.reports.models import Report

    report = Report.objects.filter(meeting=meeting).first()
    if report is None:
        return
    description["report"] = {
        "published": report.published,
        "sections": [b.section for b in report.blocks.all() if b.complete],
    }
