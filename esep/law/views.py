"""Staff pages of law: the findings of a stored meeting, and the rules in force on a date."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date
from django.utils.translation import get_language

from esep.accounts.permissions import Action, restrict
from esep.core import clock
from esep.core.staff import staff_required
from esep.law import rules
from esep.law.compliance import KINDS, DescriptionError, evaluate
from esep.law.describe import describe_meeting
from esep.meetings.models import Meeting


@login_required
@staff_required
def meeting_findings(request, pk: int):
    meeting = get_object_or_404(
        restrict(Meeting.objects.select_related("body", "settlement"), request.user, Action.VIEW).prefetch_related(
            "reporters__officer", "reporters__precinct"
        ),
        pk=pk,
    )
    description = describe_meeting(meeting)
    error = None
    statutory = meeting.kind in KINDS  # a joint reception with the public council: no rule applies
    try:
        findings = evaluate(description, strict=False) if statutory else []
    except DescriptionError as exc:  # a describer produced something the engine refuses: show it, no traceback
        findings, error = [], exc
    lang = (get_language() or "kk")[:2]
    rows = [(f, f.message(lang)) for f in findings]
    return render(
        request,
        "law/meeting_findings.html",
        {"meeting": meeting, "rows": rows, "error": error, "description": description, "statutory": statutory},
    )


@login_required
@staff_required
def rules_in_force(request):
    on = parse_date(request.GET.get("on", "") or "") if len(request.GET.get("on", "")) == 10 else None
    on = on or clock.localdate()
    lang = (get_language() or "kk")[:2]
    rows = []
    for code in rules.codes():
        for kind in (None, "chief", "inspector"):
            found = rules.find(code, on, kind=kind)
            if found is None or (kind is not None and found.kind != kind):
                continue
            rows.append((found, found.citation(lang), found.summary(lang)))
    return render(request, "law/rules.html", {"on": on, "rows": rows})
