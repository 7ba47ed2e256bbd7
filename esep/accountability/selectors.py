"""Reads for the residents' side of accountability: only what staff published, already redacted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from esep.accountability.models import FixAnswer, FixCheck, ItemPublication, ReportPublication
from esep.accountability.redaction import redact
from esep.core import clock
from esep.core.pagecache import reference
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus
from esep.protocols.models import ControlStatus, Decision


@dataclass
class PublicDecision:
    text: str
    responsible: str
    due_date: dt.date
    status: str
    status_label: str
    progress: str
    overdue: bool
    meeting_date: dt.date | None = None
    meeting_code: str = ""


@dataclass
class PublicItem:
    kind_label: str
    text: str
    answer: str
    outcome: str  # answered | appeal | forwarded | crime | checked
    appeal_status: str = ""
    agency: str = ""


@dataclass
class PublicReport:
    meeting: Meeting
    started_at: dt.datetime
    ended_at: dt.datetime | None
    place: str
    participants: int
    agenda: str
    decisions: list[PublicDecision] = field(default_factory=list)
    items: list[PublicItem] = field(default_factory=list)
    video_url: str = ""
    minutes_hash: str = ""
    minutes_number: str = ""
    show_minutes: bool = False
    show_decisions: bool = False


def _public_decision(d: Decision, today: dt.date, names: list[str] | None = None) -> PublicDecision:
    names = names or []
    return PublicDecision(
        text=redact(d.text, known_names=names),
        responsible=redact(d.responsible, known_names=names),
        due_date=d.due_date,
        status=d.control_status,
        status_label=str(d.get_control_status_display()),
        progress=redact(d.progress, known_names=names),
        overdue=d.control_status != ControlStatus.DONE and d.due_date < today,
    )


def publication_of(meeting: Meeting) -> ReportPublication | None:
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        return None
    return ReportPublication.objects.filter(meeting=meeting, published_at__isnull=False).first()


def public_report(meeting: Meeting) -> PublicReport | None:
    """The published report of a held meeting, or None when staff have not published it."""
    from esep.appeals.models import Appeal

    pub = publication_of(meeting)
    if pub is None:
        return None
    protocol = meeting.protocol
    names = pub.known_names
    today = clock.localdate()
    version = protocol.versions.filter(sha256__gt="").order_by("-number").first()
    report = PublicReport(
        meeting=meeting,
        started_at=protocol.started_at,
        ended_at=protocol.ended_at,
        place=pub.public_place,
        participants=protocol.participants_count,
        agenda=pub.public_agenda,
        minutes_hash=version.sha256 if version else "",
        minutes_number=protocol.document_number,
        show_minutes=pub.show_minutes and version is not None,
        show_decisions=pub.show_decisions,
    )
    if pub.show_decisions:
        report.decisions = [
            _public_decision(d, today, names) for d in protocol.decisions.filter(version__isnull=False).order_by("id")
        ]
    if pub.show_items:
        published = list(
            ItemPublication.objects.filter(item__protocol=protocol, publish=True)
            .select_related("item", "item__target_agency")
            .order_by("item_id")
        )
        keys = [f"protocols.protocolitem:{p.item_id}" for p in published]
        appeals = {a.source_key: a for a in Appeal.objects.filter(source_key__in=keys).only("source_key", "status")}
        for p in published:
            item = p.item
            appeal = appeals.get(f"protocols.protocolitem:{item.pk}")
            if item.answered_in_full:
                outcome = "answered"
            elif item.kind == "crime_report":
                outcome = "crime"
            elif item.competence == "other":
                outcome = "forwarded"
            elif appeal is not None:
                outcome = "appeal"
            else:
                outcome = "checked"
            report.items.append(
                PublicItem(
                    kind_label=str(item.get_kind_display()),
                    text=p.public_text,
                    answer=p.public_answer,
                    outcome=outcome,
                    appeal_status=str(appeal.get_status_display()) if appeal else "",
                    agency=item.target_agency.name if outcome == "forwarded" and item.target_agency else "",
                )
            )
    if pub.show_video:
        video = meeting.videos.filter(destroyed_at__isnull=True).exclude(url="").first()
        report.video_url = video.url if video else ""
    return report


def _precinct_ids(meeting: Meeting) -> list[int]:
    # The public meeting page has the reporters (with their precincts) prefetched: no query.
    ids = {r.precinct_id for r in meeting.reporters.all() if r.precinct_id}
    return sorted(ids) if ids else list(meeting.precincts.values_list("pk", flat=True))


def _earlier(meeting: Meeting, prefix: str) -> Q:
    """Reports before ``meeting`` whose decisions it answers for, as a condition on ``prefix`` (a path to a
    meeting): the same precincts (an inspector's report, Order 652 p.30) or the same body and kind."""
    cond = Q(**{f"{prefix}starts_at__lt": meeting.starts_at}) & ~Q(**{f"{prefix}pk": meeting.pk})
    cond &= ~Q(**{f"{prefix}status": MeetingStatus.CANCELLED})
    precinct_ids = _precinct_ids(meeting) if meeting.kind == MeetingKind.INSPECTOR else []
    if precinct_ids:
        return cond & Q(**{f"{prefix}precincts__in": precinct_ids})
    return cond & Q(**{f"{prefix}body_id": meeting.body_id, f"{prefix}kind": meeting.kind})


def _scope_of(meetings) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The precincts and the (body, kind) pairs of ``meetings`` (a query of meeting ids): what ``_earlier``
    matches on, so a report outside both has nothing to show and its page asks no more."""
    through = Meeting.precincts.through
    pairs = frozenset(Meeting.objects.filter(pk__in=meetings).values_list("body_id", "kind").distinct())
    precincts = frozenset(through.objects.filter(meeting_id__in=meetings).values_list("precinct_id", flat=True))
    return precincts, pairs


def _may_answer_for(meeting: Meeting, scope: tuple[frozenset[int], frozenset[tuple[int, str]]]) -> bool:
    precincts, pairs = scope
    precinct_ids = _precinct_ids(meeting) if meeting.kind == MeetingKind.INSPECTOR else []
    if precinct_ids:
        return not precincts.isdisjoint(precinct_ids)
    return (meeting.body_id, meeting.kind) in pairs


def _decision_scope():
    """Where published reports show sealed decisions: kept per process with the public version
    (esep.core.pagecache.reference; publishing, unpublishing and sealing bump it)."""
    published = Decision.objects.filter(
        version__sha256__gt="",
        protocol__meeting__report_publication__published_at__isnull=False,
        protocol__meeting__report_publication__show_decisions=True,
    ).values("protocol__meeting_id")
    return reference("accountability:decision-scope", lambda: _scope_of(published))


def _fixcheck_scope():
    """Where residents answered "was it fixed?" (answering bumps the public version)."""
    answered = FixCheck.objects.exclude(answer="").values("meeting_id")
    return reference("accountability:fixcheck-scope", lambda: _scope_of(answered))


def carried_decisions(meeting: Meeting) -> list[PublicDecision]:
    """The "measures" section: every decision of an earlier report not executed by the time of this one,
    with its current state. A decision stays here, report after report, until it is closed with evidence."""
    if not _may_answer_for(meeting, _decision_scope()):
        return []
    rows = (
        Decision.objects.filter(_earlier(meeting, "protocol__meeting__"), version__sha256__gt="")
        .filter(
            protocol__meeting__report_publication__published_at__isnull=False,
            protocol__meeting__report_publication__show_decisions=True,
        )
        .filter(Q(executed_at__isnull=True) | Q(executed_at__gte=meeting.starts_at))
        .select_related("protocol__meeting__report_publication")
        .order_by("protocol__meeting__starts_at", "id")
        .distinct()
    )
    today = clock.localdate()
    result = []
    for d in rows:
        row = _public_decision(d, today, d.protocol.meeting.report_publication.known_names)
        row.meeting_date = timezone.localtime(d.protocol.meeting.starts_at).date()
        row.meeting_code = d.protocol.meeting.code
        result.append(row)
    return result


def fixed_counts(meeting: Meeting) -> dict[str, Any] | None:
    """Answers to "was it fixed?" about earlier reports of the same precincts or body, received before this
    report (Order 608 p.6.7: monitoring of public opinion). None when nobody answered."""
    if not _may_answer_for(meeting, _fixcheck_scope()):
        return None
    qs = FixCheck.objects.filter(_earlier(meeting, "meeting__"), answered_at__lt=meeting.starts_at).exclude(answer="")
    counts = qs.aggregate(
        solved=Count("pk", filter=Q(answer=FixAnswer.SOLVED), distinct=True),
        not_solved=Count("pk", filter=Q(answer=FixAnswer.NOT_SOLVED), distinct=True),
    )
    total = counts["solved"] + counts["not_solved"]
    if not total:
        return None
    comments = list(qs.filter(comment_status="approved").exclude(comment="").values_list("comment", flat=True)[:20])
    return {**counts, "total": total, "comments": comments}
