"""The evaluator's blind spots (issue 13), each finding present and absent on both sides of its boundary:
the АППК's date of force (Law 221-III before it), the 2023 orders' dates of force, and Almaty's change from
UTC+6 to UTC+5 on 01.03.2024. Dates of force are read from the rules, never copied here."""

import copy
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from esep.law import rules
from esep.law.compliance import DescriptionError, evaluate
from esep.testing.law import clean_description, first_day

pytestmark = pytest.mark.django_db

ONE = dt.timedelta(days=1)
O608 = first_day("meeting.format_allowed", "order_608")
O652 = first_day("meeting.format_allowed", "order_652")
APPK = first_day("appk.term_days", "appk")
D723 = first_day("meeting.format_allowed", "decree_723")


def codes(description, **kw):
    return [f.code for f in evaluate(description, **kw)]


def at(day: dt.date, kind: str = "inspector") -> dict:
    return clean_description(kind, day.isoformat())


# --- format: Decree 723 p.2, Order 608 p.2 (in person); Order 652 p.27 (online allowed from its date) ------

FORMAT = [
    ("723-p.2-chief-online-day-before-608", "chief", O608 - ONE, "online", True),
    ("608-p.2-chief-online-first-day", "chief", O608, "online", True),
    ("608-p.2-chief-outdoor-is-in-person", "chief", O608, "outdoor", False),
    ("723-p.2-inspector-online-day-before-652", "inspector", O652 - ONE, "online", True),
    ("652-p.27-inspector-online-first-day", "inspector", O652, "online", False),
    ("652-p.27-inspector-outdoor", "inspector", O652, "outdoor", False),
    ("723-p.2-inspector-indoor", "inspector", O652 - ONE, "indoor", False),
]


@pytest.mark.parametrize(("kind", "day", "fmt", "expected"), [c[1:] for c in FORMAT], ids=[c[0] for c in FORMAT])
def test_format(kind, day, fmt, expected):
    d = at(day, kind)
    d["format"] = fmt
    found = [f for f in evaluate(d) if f.code == "format.not_allowed"]
    assert bool(found) is expected
    if found:
        assert found[0].path == "format"
        assert found[0].citation == rules.citation("meeting.format_allowed", day, kind=kind)
        assert "in an online format" in found[0].message_en and "онлайн" in found[0].message_ru


# --- appeals: Law 221-III before the АППК, anonymity (art. 88 p.1 sub.2), crime reports (art. 3 p.4) ------


def with_appeal(meeting_day: dt.date, *, item: dict | None = None, **appeal) -> dict:
    d = at(meeting_day, "chief" if meeting_day < O608 else "inspector")
    d["items"] = [{"kind": "complaint", "in_minutes": True, **(item or {}), "appeal": appeal}]
    return d


APPEALS = [
    # (id, received day, answered day, expected code or None, citation of the term)
    ("Law-221-art.8-p.1-answered-on-day-15", APPK - ONE, APPK + 14 * ONE, None, "Law 221-III art. 8 p.1"),
    (
        "Law-221-art.8-p.1-answered-day-16",
        APPK - ONE,
        APPK + 15 * ONE,
        "appeal.answered_late",
        "Law 221-III art. 8 p.1",
    ),
    ("АППК-art.76-p.1-15-working-days-on-time", APPK, dt.date(2021, 7, 26), None, "АППК art. 76 p.1"),
    ("АППК-art.76-p.1-a-day-late", APPK, dt.date(2021, 7, 27), "appeal.answered_late", "АППК art. 76 p.1"),
]


@pytest.mark.parametrize(
    ("received", "answered", "code", "cite"), [c[1:] for c in APPEALS], ids=[c[0] for c in APPEALS]
)
def test_appeal_terms_across_2021_07_01(received, answered, code, cite):
    d = with_appeal(received, registered_on=received.isoformat(), answered_on=answered.isoformat())
    found = [f for f in evaluate(d) if f.code.startswith("appeal.")]
    assert [f.code for f in found] == ([code] if code else [])
    overdue = with_appeal(received, registered_on=received.isoformat())
    (late,) = [f for f in evaluate(overdue) if f.code == "appeal.overdue"]
    assert late.citation == cite


ANONYMITY = [
    # АППК art. 88 p.1 sub.2: no name, signature or address: ended without an answer, no term runs.
    ("АППК-art.88-p.1-sub.2-no-name", APPK, {"identified": False, "anonymous": True}, False),
    ("Law-221-anonymous-not-considered", APPK - ONE, {"identified": False, "anonymous": True}, False),
    # Nobody to notify is not anonymous: a named person without a phone is owed an answer.
    ("АППК-art.76-named-without-contact", APPK, {"identified": True, "anonymous": True}, True),
    ("Law-221-art.8-named-without-contact", APPK - ONE, {"anonymous": True}, True),
]


@pytest.mark.parametrize(("received", "item", "overdue"), [c[1:] for c in ANONYMITY], ids=[c[0] for c in ANONYMITY])
def test_anonymity_is_not_nobody_to_notify(received, item, overdue):
    d = with_appeal(received, item=item, registered_on=received.isoformat())
    assert ("appeal.overdue" in codes(d)) is overdue


def test_an_ended_appeal_is_not_overdue():
    day = dt.date(2024, 5, 21)
    d = with_appeal(day, registered_on=day.isoformat(), ended_on="2024-05-22")
    assert not [c for c in codes(d) if c.startswith("appeal.")]
    late = with_appeal(day, registered_on=day.isoformat(), ended_on="2024-07-30")
    assert "appeal.ended_late" in codes(late)


@pytest.mark.parametrize("day", [APPK - ONE, APPK], ids=["Law-221-before", "АППК-art.3-p.4-from"])
def test_a_crime_report_never_starts_a_clock(day):
    d = with_appeal(day, item={"kind": "crime_report", "in_minutes": False}, registered_on=day.isoformat())
    with pytest.raises(DescriptionError) as err:
        evaluate(d)
    assert err.value.field == "items[0].appeal"
    # Stored meetings (lenient) ignore the contradiction: no clock, no finding on the item.
    assert not [c for c in codes(d, strict=False) if c.startswith(("appeal.", "items."))]


# --- extension notice: АППК art. 76 p.3, art. 70 p.3 (3 working days); Law 221-III art. 8 p.4 (3 days) ----

NOTICE = [
    # (id, received, extended_on, notified_on or None, expected code or None)
    ("АППК-art.76-p.3-told-on-working-day-3", APPK, dt.date(2021, 7, 12), dt.date(2021, 7, 15), None),
    (
        "АППК-art.76-p.3-told-on-working-day-4",
        APPK,
        dt.date(2021, 7, 12),
        dt.date(2021, 7, 16),
        "appeal.extension_notified_late",
    ),
    ("АППК-art.70-p.3-never-told", APPK, dt.date(2021, 7, 12), None, "appeal.extension_not_notified"),
    # Law 221-III: three calendar days; 13.06.2021 is a Sunday, moved to Monday 14.06.
    ("Law-221-art.8-p.4-told-on-day-3-moved", dt.date(2021, 6, 1), dt.date(2021, 6, 10), dt.date(2021, 6, 14), None),
    (
        "Law-221-art.8-p.4-told-late",
        dt.date(2021, 6, 1),
        dt.date(2021, 6, 10),
        dt.date(2021, 6, 15),
        "appeal.extension_notified_late",
    ),
]


@pytest.mark.parametrize(
    ("received", "extended", "notified", "code"), [c[1:] for c in NOTICE], ids=[c[0] for c in NOTICE]
)
def test_extension_notice(received, extended, notified, code):
    appeal = {
        "registered_on": received.isoformat(),
        "extended_on": extended.isoformat(),
        "extended_until": (extended + 20 * ONE).isoformat(),
    }
    if notified:
        appeal["extension_notified_on"] = notified.isoformat()
    found = [c for c in codes(with_appeal(received, **appeal)) if c.startswith("appeal.extension_")]
    assert found == ([code] if code else [])


def test_law_221_extension_is_30_days_and_complaints_may_be_extended():
    received = dt.date(2021, 6, 1)  # due 16.06.2021 (15 calendar days)
    ok = {
        "kind": "complaint_against_action",
        "registered_on": "2021-06-01",
        "extended_on": "2021-06-10",
        "extended_until": "2021-07-16",
        "extension_notified_on": "2021-06-10",
    }
    assert not [c for c in codes(with_appeal(received, **ok)) if c.startswith("appeal.extension")]
    too_long = {**ok, "extended_until": "2021-07-19"}
    assert "appeal.extension_too_long" in codes(with_appeal(received, **too_long))
    under_appk = {
        **ok,
        "registered_on": "2021-07-01",
        "extended_on": "2021-07-05",
        "extended_until": "2021-07-30",
        "extension_notified_on": "2021-07-05",
    }
    assert "appeal.extension_not_allowed" in codes(with_appeal(APPK, **under_appk))


# --- minutes with a time of day: Almaty UTC+6 before 01.03.2024, UTC+5 after ------------------------------

MINUTES = [
    # (id, meeting starts_at, completed_at, expected code or None)
    ("652-p.32-UTC+6-same-day-at-23:59", "2024-02-28T18:00:00+06:00", "2024-02-28T17:59:00Z", None),
    ("652-p.32-UTC+6-next-day-at-00:30", "2024-02-28T18:00:00+06:00", "2024-02-28T18:30:00Z", "minutes.late"),
    # The clocks went back from 00:00 (+06) to 23:00 (+05) as 01.03.2024 began: 18:30Z is still 29 February.
    ("652-p.32-the-changeover-night", "2024-02-29T18:00:00+06:00", "2024-02-29T18:30:00Z", None),
    ("652-p.32-UTC+5-same-day-at-23:30", "2024-03-01T18:00:00+05:00", "2024-03-01T18:30:00Z", None),
    ("652-p.32-UTC+5-next-day", "2024-03-01T18:00:00+05:00", "2024-03-01T19:00:00Z", "minutes.late"),
    (
        "652-p.32-before-the-meeting-began",
        "2024-03-01T18:00:00+05:00",
        "2024-03-01T12:59:00Z",
        "minutes.before_meeting",
    ),
    ("652-p.32-as-the-meeting-began", "2024-03-01T18:00:00+05:00", "2024-03-01T13:00:00Z", None),
    ("652-p.32-a-day-before", "2024-03-01T18:00:00+05:00", "2024-02-29", "minutes.before_meeting"),
]


@pytest.mark.parametrize(("starts", "completed", "code"), [c[1:] for c in MINUTES], ids=[c[0] for c in MINUTES])
def test_minutes_completed_at(starts, completed, code):
    d = at(dt.date.fromisoformat(starts[:10]))
    d["starts_at"] = starts
    d.pop("ends_at")
    d["minutes"].pop("completed_on")
    d["minutes"]["completed_on" if len(completed) == 10 else "completed_at"] = completed
    found = [f for f in evaluate(d) if f.code.startswith("minutes.")]
    assert [f.code for f in found] == ([code] if code else [])
    if code:
        assert found[0].citation == "Order 652 p.32"


def _ambiguous(moment: dt.datetime) -> bool:
    """A wall-clock time that happened twice in Almaty (the hour after 00:00 on 01.03.2024 was lived again as
    23:00-23:59 on 29.02): without an offset it cannot name one instant."""
    wall = moment.replace(tzinfo=None)
    return wall.replace(tzinfo=ALMATY, fold=0).utcoffset() != wall.replace(tzinfo=ALMATY, fold=1).utcoffset()


ALMATY = ZoneInfo("Asia/Almaty")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moment=st.datetimes(min_value=dt.datetime(2023, 10, 1), max_value=dt.datetime(2024, 6, 30)),
    offset_minutes=st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15),
    completed_after=st.integers(min_value=-600, max_value=2000),
    published_before=st.integers(min_value=6 * 24 * 60, max_value=14 * 24 * 60),
    received_after=st.integers(min_value=0, max_value=3 * 24 * 60),
)
def test_any_offset_gives_the_findings_of_the_almaty_wall_clock(
    moment, offset_minutes, completed_after, published_before, received_after
):
    """An instant given with any offset yields the same findings as the same Almaty wall-clock time."""
    start = moment.replace(tzinfo=ALMATY)
    instants = {
        ("starts_at",): start,
        ("minutes", "completed_at"): start + dt.timedelta(minutes=completed_after),
        ("announcement", "published_at"): start - dt.timedelta(minutes=published_before),
        ("items", 0, "appeal", "received_at"): start + dt.timedelta(minutes=received_after),
    }
    instants = {path: t.astimezone(ALMATY) for path, t in instants.items()}
    assume(not any(_ambiguous(t) for t in instants.values()))
    zone = dt.timezone(dt.timedelta(minutes=offset_minutes))
    base = at(start.date())
    base.pop("ends_at")
    base["minutes"].pop("completed_on")
    base["items"] = [{"kind": "complaint", "in_minutes": True, "appeal": {}}]
    base["as_of"] = (start.date() + dt.timedelta(days=20)).isoformat()

    def filled(render):
        d = copy.deepcopy(base)
        for path, t in instants.items():
            target = d
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = render(t)
        return d

    as_offset = filled(lambda t: t.astimezone(zone).isoformat())
    as_wall = filled(lambda t: t.replace(tzinfo=None).isoformat())

    def seen(d):
        return [(x.code, x.path, x.params) for x in evaluate(d)]

    assert seen(as_offset) == seen(as_wall)


# --- registration: Order 652 p.32, every participant registered ------------------------------------------

REGISTRATION = [
    ("652-p.32-all-registered", O652, 40, 40, None),
    ("652-p.32-one-missing", O652, 39, 40, "registration.incomplete"),
    ("652-p.32-nobody", O652, 0, 40, "registration.missing"),
    ("723-no-registration-rule", O652 - ONE, 10, 40, None),
]


@pytest.mark.parametrize(
    ("day", "registered", "stated", "code"), [c[1:] for c in REGISTRATION], ids=[c[0] for c in REGISTRATION]
)
def test_registration_count(day, registered, stated, code):
    d = at(day)
    d["registration"] = {"registered": registered}
    d["minutes"]["participants"] = stated
    assert [c for c in codes(d) if c.startswith("registration.")] == ([code] if code else [])


# --- a rule with no version on the date is a finding, never silence ----------------------------------------


@pytest.mark.parametrize(
    ("day", "unknown"), [(D723 - ONE, True), (D723, False)], ids=["before-723-p.2", "723-first-day"]
)
def test_rule_not_known_for_the_date(day, unknown):
    found = [f for f in evaluate(at(day, "chief")) if f.code == "rule.unknown"]
    assert bool(found) is unknown
    if found:
        assert {f.rule for f in found} >= {"meeting.notice_days", "meeting.signatories"}
        assert all(f.severity == "warning" and day.isoformat() in f.message_en for f in found)


@pytest.mark.parametrize(
    ("year", "unknown"), [(D723.year - 1, True), (D723.year, False)], ids=["before-723-p.21", "723-p.21"]
)
def test_an_obligation_with_no_rule_in_force_is_a_finding(year, unknown):
    from esep.law.compliance import evaluate_obligation

    found = evaluate_obligation(kind="chief", year=year, quarter=None, held_on=[], as_of=dt.date(year + 2, 1, 1))
    assert ([f.code for f in found] == ["rule.unknown"]) is unknown
    if not unknown:
        assert [f.code for f in found] == ["report.missing"]
