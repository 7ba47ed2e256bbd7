"""The checks of a meeting against the rules in force on its date. Each check reads the typed description
and returns findings; none touches the database except through the calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from esep.law import calendar
from esep.law.compliance.findings import ERROR, WARNING, Finding, make
from esep.law.compliance.messages import PERIOD_CHIEF, PERIOD_INSPECTOR, Labels, Text
from esep.law.compliance.parse import Description
from esep.law.deadlines import _add_months
from esep.law.rules import find

DUE_SOON_WORKING_DAYS = 2  # a product choice (when to warn), not a legal term


def period_window(kind: str, year: int, quarter: int | None) -> tuple[dt.date, dt.date]:
    """The days in which a report for the period must be held: Q1 of the next year for a chief
    (Order 608 p.4; Decree 723 p.21), the quarter itself for an inspector (Order 652 p.26; Decree 723 p.24)."""
    if kind == "chief":
        return dt.date(year + 1, 1, 1), dt.date(year + 1, 3, 31)
    start = dt.date(year, 3 * (quarter - 1) + 1, 1)
    end = _add_months(start, 3) - dt.timedelta(days=1)
    return start, end


def period_text(kind: str, year: int, quarter: int | None) -> Text:
    if kind == "chief":
        return Text(PERIOD_CHIEF, year=year, next=year + 1)
    return Text(PERIOD_INSPECTOR, quarter=quarter, year=year)


def period_rule_code(kind: str) -> str:
    return "meeting.chief_period" if kind == "chief" else "meeting.inspector_period"


def check_period(d: Description) -> list[Finding]:
    r = find(period_rule_code(d.kind), d.date, kind=d.kind)
    if r is None:
        return []
    start, end = period_window(d.kind, d.period_year, d.period_quarter)
    if start <= d.date <= end:
        return []
    return [
        make(
            "report.outside_period",
            ERROR,
            [r],
            "starts_at",
            date=d.date,
            period=period_text(d.kind, d.period_year, d.period_quarter),
        )
    ]


def check_notice(d: Description) -> list[Finding]:
    out: list[Finding] = []
    r = find("meeting.notice_days", d.date, kind=d.kind)
    if r is not None:
        latest = d.date - dt.timedelta(days=int(r.value))
        if not d.announced:
            if d.as_of > latest:
                out.append(make("notice.missing", ERROR, [r], "announcement", due=latest))
        else:
            days = (d.date - calendar_local_date(d.published_at)).days
            if days < r.value:
                out.append(
                    make("notice.late", ERROR, [r], "announcement.published_at", days=days, required=int(r.value))
                )
    if not d.announced:
        return out
    content = find("meeting.notice_content", d.date, kind=d.kind)
    if content is not None:
        for key in content.value:
            if not d.content.get(key):
                out.append(make(f"notice.{key}_missing", ERROR, [content], f"announcement.content.{key}"))
    channels = find("meeting.notice_channels", d.date, kind=d.kind)
    if channels is not None and not set(d.channels) & set(channels.value):
        out.append(
            make(
                "notice.channel_missing",
                WARNING,
                [channels],
                "announcement.channels",
                channels=Labels(channels.value),
            )
        )
    return out


def calendar_local_date(moment: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localtime(moment).date()


def check_venue(d: Description) -> list[Finding]:
    r = find("meeting.venue_capacity", d.date, kind=d.kind)
    if r is None or not r.value or d.format == "online":
        return []
    if d.venue_capacity is None or d.expected_attendance is None:
        path = "venue.capacity" if d.venue_capacity is None else "expected_attendance"
        return [make("venue.capacity_unknown", WARNING, [r], path)]
    out = []
    if d.venue_capacity < d.expected_attendance:
        out.append(
            make(
                "venue.capacity_below_expected",
                ERROR,
                [r],
                "venue.capacity",
                capacity=d.venue_capacity,
                expected=d.expected_attendance,
            )
        )
    if d.actual_attendance is not None and d.actual_attendance > d.venue_capacity:
        out.append(
            make(
                "venue.over_capacity",
                WARNING,
                [r],
                "actual_attendance",
                actual=d.actual_attendance,
                capacity=d.venue_capacity,
            )
        )
    return out


def check_invitees(d: Description) -> list[Finding]:
    out: list[Finding] = []
    r = find("meeting.invitees", d.date, kind=d.kind)
    if r is not None and r.modality != "may":
        missing = tuple(k for k in r.value if k not in d.invited)
        if missing:
            severity = ERROR if r.modality == "must" else WARNING
            out.append(make("invitees.missing", severity, [r], "invited", missing=Labels(missing)))
    p = find("meeting.participants_required", d.date, kind=d.kind)
    if p is not None:
        if p.modality == "invite":
            missing = tuple(k for k in p.value if k not in d.invited)
            if missing:
                out.append(make("participants.not_invited", ERROR, [p], "invited", missing=Labels(missing)))
        elif d.held:
            missing = tuple(k for k in p.value if k not in d.attended)
            if missing:
                out.append(make("participants.missing", ERROR, [p], "attended", missing=Labels(missing)))
    return out


def check_minutes(d: Description) -> list[Finding]:
    if not d.held:
        return []
    out: list[Finding] = []
    same_day = find("meeting.minutes_same_day", d.date, kind=d.kind)
    if same_day is not None:
        if d.minutes_completed_on is None:
            if d.as_of > d.date:
                out.append(make("minutes.missing", ERROR, [same_day], "minutes.completed_on", date=d.date))
        elif d.minutes_completed_on > d.date:
            out.append(
                make(
                    "minutes.late",
                    ERROR,
                    [same_day],
                    "minutes.completed_on",
                    completed=d.minutes_completed_on,
                    date=d.date,
                )
            )
    if not d.has_minutes:
        return out
    fields = find("meeting.minutes_fields", d.date, kind=d.kind)
    if fields is not None:
        for key in fields.value:
            if not d.minutes_fields.get(key):
                out.append(
                    make("minutes.field_missing", ERROR, [fields], f"minutes.fields.{key}", field=Labels((key,)))
                )
    signers = find("meeting.signatories", d.date, kind=d.kind)
    if signers is not None:
        out.extend(_check_signatures(d, signers))
    secretary = find("meeting.secretary_from", d.date, kind=d.kind)
    if secretary is not None and d.secretary_from and d.secretary_from != secretary.value:
        label = "akimat_secretary" if secretary.value == "akimat" else secretary.value
        out.append(
            make("minutes.secretary_wrong", ERROR, [secretary], "minutes.secretary_from", expected=Labels((label,)))
        )
    return out


def _check_signatures(d: Description, signers) -> list[Finding]:
    out = []
    roles = {s.role for s in d.signatures}
    for role in signers.value:
        if role not in roles:
            out.append(
                make("minutes.signature_missing", ERROR, [signers], "minutes.signatures", signatory=Labels((role,)))
            )
            continue
        # At a joint gathering every reporting inspector signs for their own report, when signatures name officers.
        if role == d.kind:
            signed = {s.officer for s in d.signatures if s.role == role and s.officer is not None}
            if signed:
                for officer in d.reporters():
                    if officer.id is not None and officer.id not in signed:
                        out.append(
                            make(
                                "minutes.signature_missing",
                                ERROR,
                                [signers],
                                "minutes.signatures",
                                signatory=Labels((role,)),
                                officer=officer.name or str(officer.id),
                            )
                        )
    return out


def check_video_and_registration(d: Description) -> list[Finding]:
    if not d.held:
        return []
    out = []
    video = find("meeting.video_required", d.date, kind=d.kind)
    if video is not None and video.value and d.video is not True:
        out.append(make("video.missing", ERROR, [video], "video"))
    reg = find("meeting.registration_required", d.date, kind=d.kind)
    if reg is not None and reg.value and d.registration is not True:
        out.append(make("registration.missing", ERROR, [reg], "registration"))
    return out


def check_items(d: Description) -> list[Finding]:
    out: list[Finding] = []
    cal = calendar.current()
    recorded = find("meeting.unanswered_recorded", d.date, kind=d.kind)
    outside = find("meeting.outside_competence", d.date, kind=d.kind)
    for item in d.items:
        path = f"items[{item.index}]"
        # A crime reported at a meeting is registered as a crime report, not an appeal (АППК art. 3 p.4).
        if recorded is not None and item.kind != "crime_report" and not item.answered_in_full and not item.in_minutes:
            out.append(make("items.not_in_minutes", ERROR, [recorded], f"{path}.in_minutes"))
        if not item.police_competence and item.kind != "crime_report":
            redirect = find("appk.redirect_days", item.received_on)
            cited = [r for r in (redirect, outside) if r is not None]
            if redirect is not None:
                due = cal.add_working_days(item.received_on, int(redirect.value))
                if item.forwarded_on is None and d.as_of > due:
                    out.append(make("items.not_forwarded", ERROR, cited, f"{path}.forwarded_on", due=due))
                elif item.forwarded_on is not None and item.forwarded_on > due:
                    out.append(
                        make(
                            "items.forwarded_late",
                            ERROR,
                            cited,
                            f"{path}.forwarded_on",
                            forwarded=item.forwarded_on,
                            due=due,
                        )
                    )
                overdue = item.forwarded_on is not None or d.as_of > due
            else:
                overdue = item.forwarded_on is not None
            if cited and overdue and item.applicant_notified_on is None and not item.anonymous:
                notify = [r for r in (outside, redirect) if r is not None]
                out.append(make("items.applicant_not_notified", ERROR, notify, f"{path}.applicant_notified_on"))
        if item.appeal is not None:
            out.extend(_check_appeal(d, item, cal))
    return out


def _check_appeal(d: Description, item, cal: calendar.Calendar) -> list[Finding]:
    appeal = item.appeal
    path = f"items[{item.index}].appeal"
    received = calendar_local_date(appeal.received_at) if appeal.received_at else None
    registered = appeal.registered_on
    if registered is None:
        registered = calendar.registration_date(appeal.received_at)
    code = "appk.complaint_term_days" if appeal.kind == "complaint_against_action" else "appk.term_days"
    r = find(code, registered)
    if r is None:
        return []
    start = received if (r.start_event == "receipt" and received is not None) else registered
    due = cal.add_working_days(start, int(r.value))
    cited = [r]
    out: list[Finding] = []
    if appeal.extended_on is not None:
        if code == "appk.complaint_term_days":
            out.append(make("appeal.extension_not_allowed", ERROR, [r], f"{path}.extended_until"))
        else:
            ext = find("appk.extension_max_months", appeal.extended_on)
            if ext is not None:
                longest = cal.next_working_day(_add_months(appeal.extended_on, int(ext.value)))
                if appeal.extended_until > longest:
                    out.append(
                        make(
                            "appeal.extension_too_long",
                            ERROR,
                            [ext],
                            f"{path}.extended_until",
                            until=appeal.extended_until,
                            max=longest,
                        )
                    )
                due = max(due, cal.next_working_day(min(appeal.extended_until, longest)))
                cited = [r, ext]
    if appeal.answered_on is None:
        if d.as_of > due:
            out.append(make("appeal.overdue", ERROR, cited, f"{path}.answered_on", due=due, start=start))
        else:
            left = cal.working_days_between(d.as_of, due)
            if left <= DUE_SOON_WORKING_DAYS:
                out.append(make("appeal.due_soon", WARNING, cited, f"{path}.answered_on", due=due, left=left))
    elif appeal.answered_on > due:
        out.append(
            make("appeal.answered_late", ERROR, cited, f"{path}.answered_on", answered=appeal.answered_on, due=due)
        )
    return out


def check_report_sections(d: Description) -> list[Finding]:
    """A held report whose published text lacks a section its act requires (Order 608 p.6; Order 652 p.30;
    Decree 723 pp.22, 27). Reads ``report`` = {"published": bool, "sections": [keys present]}; without it, or
    before publication, nothing is known and nothing is said."""
    from dataclasses import replace

    from esep.law.report_sections import SECTIONS, section_paragraph

    report = d.raw.get("report")
    if not isinstance(report, dict) or not report.get("published") or not d.held:
        return []
    r = find("report.sections", d.date, kind=d.kind)
    if r is None:
        return []
    present = set(report.get("sections") or ())
    return [
        make(
            "report.section_missing",
            ERROR,
            [replace(r, paragraph=section_paragraph(r, key))],
            f"report.sections.{key}",
            section=SECTIONS[key].title,
        )
        for key in r.value
        if key not in present
    ]


CHECKS: list[Callable[[Description], list[Finding]]] = [
    check_period,
    check_notice,
    check_venue,
    check_invitees,
    check_minutes,
    check_video_and_registration,
    check_items,
    check_report_sections,
]
