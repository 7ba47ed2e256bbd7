"""The checks of a meeting against the rules in force on its date. Each check reads the typed description
and returns findings; none touches the database except through the calendar.

Every term is computed by :func:`esep.law.deadlines.compute` (the same computation as the appeals clock);
every period and date of force comes from the rules. A rule a check needs that has no version in force on
the date is not a pass: :func:`known` records it and :func:`unknown_findings` reports it ("rule.unknown")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from esep.law import calendar, deadlines
from esep.law.compliance.findings import ERROR, WARNING, Finding, make, make_unknown
from esep.law.compliance.messages import PERIOD_CHIEF, PERIOD_INSPECTOR, Labels, Text
from esep.law.compliance.parse import Description
from esep.law.deadlines import _add_months
from esep.law.rules import Rule, find, versions

DUE_SOON_WORKING_DAYS = 2  # a product choice (when to warn), not a legal term


def known(d: Description, code: str, on: dt.date, *, kind: str | None = None, path: str = "") -> Rule | None:
    """The version of ``code`` in force on ``on``; None, recorded as unknown, when there is none."""
    found = find(code, on, kind=kind)
    if found is None:
        d.unknown.setdefault((code, on, kind), path)
    return found


def unknown_findings(d: Description) -> list[Finding]:
    """One warning per rule a check needed and the law as modelled does not give for the date."""
    seen: set[str] = set()
    out = []
    for (code, on, _kind), path in d.unknown.items():
        if code in seen:
            continue
        seen.add(code)
        out.append(make_unknown(code, on, path))
    return out


# What a period rule's value means: the days in which the report for (year, quarter) is held.
def _q1_next_year(year: int, quarter: int | None) -> tuple[dt.date, dt.date]:
    return dt.date(year + 1, 1, 1), dt.date(year + 1, 3, 31)


def _the_quarter(year: int, quarter: int | None) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * ((quarter or 1) - 1) + 1, 1)
    return start, _add_months(start, 3) - dt.timedelta(days=1)


PERIOD_WINDOWS: dict[str, Callable[[int, int | None], tuple[dt.date, dt.date]]] = {
    "yearly_q1_next_year": _q1_next_year,  # Order 608 p.4; Decree 723 p.21
    "quarterly": _the_quarter,  # Order 652 p.26; Decree 723 p.24
}


def period_rule_code(kind: str) -> str:
    return "meeting.chief_period" if kind == "chief" else "meeting.inspector_period"


def period_window(kind: str, year: int, quarter: int | None) -> tuple[dt.date, dt.date]:
    """The days in which a report for the period must be held, as the period rule in force says: Q1 of the
    next year for a chief (Order 608 p.4; Decree 723 p.21), the quarter itself for an inspector (Order 652
    p.26; Decree 723 p.24). A date before every version reads the earliest version."""
    code = period_rule_code(kind)
    nominal = dt.date(year + 1, 1, 1) if kind == "chief" else dt.date(year, 3 * ((quarter or 1) - 1) + 1, 1)
    found = find(code, nominal, kind=kind) or next(v for v in versions(code) if v.kind in (kind, None))
    return PERIOD_WINDOWS[found.value](year, quarter)


def period_text(kind: str, year: int, quarter: int | None) -> Text:
    if kind == "chief":
        return Text(PERIOD_CHIEF, year=year, next=year + 1)
    return Text(PERIOD_INSPECTOR, quarter=quarter, year=year)


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


calendar_local_date = local_date  # the name other modules used


def check_period(d: Description) -> list[Finding]:
    r = known(d, period_rule_code(d.kind), d.date, kind=d.kind, path="starts_at")
    if r is None:
        return []
    start, end = PERIOD_WINDOWS[r.value](d.period_year, d.period_quarter)
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


def check_format(d: Description) -> list[Finding]:
    """Decree 723 p.2 and Order 608 p.2: a report is an in-person speech; Order 652 p.27 lets an inspector's
    report be held outdoors or online, from its date of force only."""
    r = known(d, "meeting.format_allowed", d.date, kind=d.kind, path="format")
    if r is None or d.format in r.value:
        return []
    return [make("format.not_allowed", ERROR, [r], "format", format=Labels((f"format_{d.format}",)))]


def check_notice(d: Description) -> list[Finding]:
    out: list[Finding] = []
    r = known(d, "meeting.notice_days", d.date, kind=d.kind, path="announcement")
    if r is not None:
        latest = deadlines.compute(r.code, d.date, on=d.date, kind=d.kind).due
        if not d.announced:
            if d.as_of > latest:
                out.append(make("notice.missing", ERROR, [r], "announcement", due=latest))
        elif d.published_at is not None and local_date(d.published_at) > latest:
            days = (d.date - local_date(d.published_at)).days
            out.append(make("notice.late", ERROR, [r], "announcement.published_at", days=days, required=int(r.value)))
    if not d.announced:
        return out
    content = known(d, "meeting.notice_content", d.date, kind=d.kind, path="announcement.content")
    if content is not None:
        for key in content.value:
            if not d.content.get(key):
                out.append(make(f"notice.{key}_missing", ERROR, [content], f"announcement.content.{key}"))
    channels = known(d, "meeting.notice_channels", d.date, kind=d.kind, path="announcement.channels")
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


def check_venue(d: Description) -> list[Finding]:
    r = known(d, "meeting.venue_capacity", d.date, kind=d.kind, path="venue.capacity")
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
    r = known(d, "meeting.invitees", d.date, kind=d.kind, path="invited")
    if r is not None and r.modality != "may":
        missing = tuple(k for k in r.value if k not in d.invited)
        if missing:
            severity = ERROR if r.modality == "must" else WARNING
            out.append(make("invitees.missing", severity, [r], "invited", missing=Labels(missing)))
    p = known(d, "meeting.participants_required", d.date, kind=d.kind, path="attended")
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
    path = "minutes.completed_at" if d.minutes_completed_at is not None else "minutes.completed_on"
    same_day = known(d, "meeting.minutes_same_day", d.date, kind=d.kind, path=path)
    if same_day is not None:
        if d.minutes_completed_on is None:
            if d.as_of > d.date:
                out.append(make("minutes.missing", ERROR, [same_day], path, date=d.date))
        elif d.minutes_completed_on > d.date:
            out.append(make("minutes.late", ERROR, [same_day], path, completed=d.minutes_completed_on, date=d.date))
        elif d.minutes_completed_on < d.date or (
            d.minutes_completed_at is not None and d.minutes_completed_at < d.starts_at
        ):
            # 608 pp.12-14, 652 p.32: the minutes record the course of the meeting, on its day: not before it.
            completed = (
                timezone.localtime(d.minutes_completed_at).strftime("%Y-%m-%d %H:%M")
                if d.minutes_completed_at is not None
                else d.minutes_completed_on
            )
            started = timezone.localtime(d.starts_at).strftime("%Y-%m-%d %H:%M")
            out.append(make("minutes.before_meeting", ERROR, [same_day], path, completed=completed, started=started))
    if not d.has_minutes:
        return out
    fields = known(d, "meeting.minutes_fields", d.date, kind=d.kind, path="minutes.fields")
    if fields is not None:
        for key in fields.value:
            if not d.minutes_fields.get(key):
                out.append(
                    make("minutes.field_missing", ERROR, [fields], f"minutes.fields.{key}", field=Labels((key,)))
                )
    signers = known(d, "meeting.signatories", d.date, kind=d.kind, path="minutes.signatures")
    if signers is not None:
        out.extend(_check_signatures(d, signers))
    secretary = known(d, "meeting.secretary_from", d.date, kind=d.kind, path="minutes.secretary_from")
    if secretary is not None and secretary.value and d.secretary_from and d.secretary_from != secretary.value:
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
    video = known(d, "meeting.video_required", d.date, kind=d.kind, path="video")
    if video is not None and video.value and d.video is not True:
        out.append(make("video.missing", ERROR, [video], "video"))
    reg = known(d, "meeting.registration_required", d.date, kind=d.kind, path="registration")
    if reg is not None and reg.value:
        if d.registration is not True or d.registered_count == 0:
            out.append(make("registration.missing", ERROR, [reg], "registration"))
        elif (
            d.registered_count is not None
            and d.minutes_participants is not None
            and d.registered_count < d.minutes_participants
        ):
            # Order 652 p.32: every participant is registered; the minutes state how many took part.
            out.append(
                make(
                    "registration.incomplete",
                    ERROR,
                    [reg],
                    "registration.registered",
                    registered=d.registered_count,
                    participants=d.minutes_participants,
                )
            )
    return out


def check_items(d: Description) -> list[Finding]:
    out: list[Finding] = []
    recorded = outside = None
    if d.items:
        recorded = known(d, "meeting.unanswered_recorded", d.date, kind=d.kind, path="items")
        outside = known(d, "meeting.outside_competence", d.date, kind=d.kind, path="items")
    for item in d.items:
        path = f"items[{item.index}]"
        if item.kind == "crime_report":
            # A crime reported at a meeting is registered as a crime report, not an appeal (АППК art. 3 p.4):
            # no minutes entry as a complaint, no forwarding term, never an АППК clock.
            continue
        if recorded is not None and not item.answered_in_full and not item.in_minutes:
            out.append(make("items.not_in_minutes", ERROR, [recorded], f"{path}.in_minutes"))
        if not item.police_competence:
            out.extend(_check_forwarding(d, item, outside))
        if item.appeal is not None:
            out.extend(_check_appeal(d, item))
    return out


def _check_forwarding(d: Description, item, outside: Rule | None) -> list[Finding]:
    path = f"items[{item.index}]"
    out: list[Finding] = []
    redirect = known(d, "appk.redirect_days", item.received_on, path=f"{path}.forwarded_on")
    cited = [r for r in (redirect, outside) if r is not None]
    if redirect is not None:
        due = deadlines.compute(redirect.code, item.received_on).due
        if item.forwarded_on is None and d.as_of > due:
            out.append(make("items.not_forwarded", ERROR, cited, f"{path}.forwarded_on", due=due))
        elif item.forwarded_on is not None and item.forwarded_on > due:
            out.append(
                make("items.forwarded_late", ERROR, cited, f"{path}.forwarded_on", forwarded=item.forwarded_on, due=due)
            )
        overdue = item.forwarded_on is not None or d.as_of > due
    else:
        overdue = item.forwarded_on is not None
    notifiable = not item.anonymous and item.identified
    if cited and overdue and item.applicant_notified_on is None and notifiable:
        notify = [r for r in (outside, redirect) if r is not None]
        out.append(make("items.applicant_not_notified", ERROR, notify, f"{path}.applicant_notified_on"))
    return out


def _check_appeal(d: Description, item) -> list[Finding]:
    appeal = item.appeal
    path = f"items[{item.index}].appeal"
    start = appeal.received_at if appeal.received_at is not None else appeal.registered_on
    registered = deadlines.version_day("appk.term_days", start, registered_on=appeal.registered_on)
    if not item.identified:
        # АППК art. 88 p.1 sub.2 (Law 221-III before it): no name, signature or address: the procedure ends
        # without an answer; no term runs.
        anon = known(d, "appk.anonymous_unanswered", registered, path=f"items[{item.index}].identified")
        if anon is not None and anon.value:
            return []
    code = "appk.complaint_term_days" if appeal.kind == "complaint_against_action" else "appk.term_days"
    r = known(d, code, registered, path=f"{path}.answered_on")
    if r is None:
        return []
    term = deadlines.compute(code, start, registered_on=appeal.registered_on)
    due = term.due
    cal = calendar.current()
    cited = [r]
    out: list[Finding] = []
    if appeal.extended_on is not None:
        out.extend(_check_extension(d, appeal, path, code, registered, r, due))
        ext = known(d, "appk.extension_max_months", registered, path=f"{path}.extended_until")
        extendable = known(d, "appk.complaint_extendable", registered) if code == "appk.complaint_term_days" else None
        if ext is not None and (code == "appk.term_days" or (extendable is not None and extendable.value)):
            longest = _longest_extension(ext, appeal.extended_on, due, registered)
            due = max(due, cal.next_working_day(min(appeal.extended_until, longest)))
            cited = [r, ext]
    closed = appeal.answered_on or appeal.ended_on
    if closed is None:
        if d.as_of > due:
            out.append(make("appeal.overdue", ERROR, cited, f"{path}.answered_on", due=due, start=term.start))
        else:
            left = cal.working_days_between(d.as_of, due)
            if left <= DUE_SOON_WORKING_DAYS:
                out.append(make("appeal.due_soon", WARNING, cited, f"{path}.answered_on", due=due, left=left))
    elif appeal.answered_on is not None and appeal.answered_on > due:
        out.append(
            make("appeal.answered_late", ERROR, cited, f"{path}.answered_on", answered=appeal.answered_on, due=due)
        )
    elif appeal.ended_on is not None and appeal.ended_on > due:
        out.append(make("appeal.ended_late", ERROR, cited, f"{path}.ended_on", ended=appeal.ended_on, due=due))
    return out


def _longest_extension(ext: Rule, decided_on: dt.date, term_due: dt.date, registered: dt.date) -> dt.date:
    """The latest day an extension may reach (:func:`esep.law.deadlines.extension_limit`)."""
    return deadlines.extension_limit(decided_on, registered_on=registered, term_due=term_due).due


def _check_extension(
    d: Description, appeal, path: str, code: str, registered: dt.date, term: Rule, term_due: dt.date
) -> list[Finding]:
    out: list[Finding] = []
    if code == "appk.complaint_term_days":
        extendable = known(d, "appk.complaint_extendable", registered, path=f"{path}.extended_until")
        if extendable is not None and not extendable.value:
            out.append(make("appeal.extension_not_allowed", ERROR, [term, extendable], f"{path}.extended_until"))
            return out
    ext = known(d, "appk.extension_max_months", registered, path=f"{path}.extended_until")
    if ext is not None:
        longest = _longest_extension(ext, appeal.extended_on, term_due, registered)
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
    # АППК art. 76 p.3, art. 70 p.3 (Law 221-III art. 8 p.4): the applicant is told of the extension.
    notice = known(d, "appk.notice_days", registered, path=f"{path}.extension_notified_on")
    if notice is not None:
        notice_due = deadlines.compute(notice.code, appeal.extended_on, on=registered).due
        notified = appeal.extension_notified_on
        if notified is None and d.as_of > notice_due:
            out.append(
                make("appeal.extension_not_notified", ERROR, [notice], f"{path}.extension_notified_on", due=notice_due)
            )
        elif notified is not None and notified > notice_due:
            out.append(
                make(
                    "appeal.extension_notified_late",
                    ERROR,
                    [notice],
                    f"{path}.extension_notified_on",
                    notified=notified,
                    due=notice_due,
                )
            )
    return out


def check_report_sections(d: Description) -> list[Finding]:
    """A held report whose published text lacks a section its act requires (Order 608 p.6; Order 652 p.30;
    Decree 723 pp.22, 27). Reads ``report`` = {"published": bool, "sections": [keys present]}; without it, or
    before publication, nothing is known and nothing is said."""
    from dataclasses import replace

    from esep.law.ruleset.report_sections import SECTIONS, section_paragraph

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
    check_format,
    check_notice,
    check_venue,
    check_invitees,
    check_minutes,
    check_video_and_registration,
    check_items,
    check_report_sections,
]
