"""Every finding, present and absent, named after its paragraph; across the 2023 version boundary."""

import pytest

from esep.law.compliance import DescriptionError, evaluate, evaluate_obligation
from esep.testing.law import clean_description

pytestmark = pytest.mark.django_db

CHIEF_2024 = ("chief", "2024-02-20")
INSP_2024 = ("inspector", "2024-05-20")
CHIEF_2023_723 = ("chief", "2023-02-20")
INSP_JUNE_2023 = ("inspector", "2023-06-20")
INSP_DEC_2023 = ("inspector", "2023-12-05")


def _set(path, value):
    def mutate(d):
        *parents, last = path.split(".")
        node = d
        for key in parents:
            node = node[key]
        if value is _DEL:
            node.pop(last, None)
        else:
            node[last] = value

    return mutate


_DEL = object()


def _items(*items):
    return _set("items", list(items))


def _then(*fns):
    def mutate(d):
        for fn in fns:
            fn(d)

    return mutate


CASES = [
    # (id naming the paragraph, base, mutation, code, present?)
    (
        "608-p.4-chief-2022-report-held-in-2024",
        CHIEF_2024,
        _set("period", {"year": 2022}),
        "report.outside_period",
        True,
    ),
    ("608-p.4-chief-held-in-Q1", CHIEF_2024, None, "report.outside_period", False),
    (
        "652-p.26-inspector-held-next-quarter",
        INSP_2024,
        _set("period", {"year": 2024, "quarter": 1}),
        "report.outside_period",
        True,
    ),
    ("652-p.26-inspector-in-its-quarter", INSP_2024, None, "report.outside_period", False),
    (
        "608-p.8.2-announced-9-days-ahead",
        CHIEF_2024,
        _set("announcement.published_at", "2024-02-11T09:00:00+05:00"),
        "notice.late",
        True,
    ),
    (
        "608-p.8.2-announced-10-days-ahead",
        CHIEF_2024,
        _set("announcement.published_at", "2024-02-10T09:00:00+05:00"),
        "notice.late",
        False,
    ),
    (
        "652-p.27-announced-3-days-ahead",
        INSP_2024,
        _set("announcement.published_at", "2024-05-17T09:00:00+05:00"),
        "notice.late",
        True,
    ),
    (
        "723-p.7.2-announced-5-days-ahead",
        CHIEF_2023_723,
        _set("announcement.published_at", "2023-02-15T09:00:00+05:00"),
        "notice.late",
        True,
    ),
    ("652-p.27-not-announced", INSP_2024, _set("announcement", _DEL), "notice.missing", True),
    ("652-p.27-announced", INSP_2024, None, "notice.missing", False),
    (
        "608-p.8.2-no-time",
        CHIEF_2024,
        _set("announcement.content", ["place", "schedule", "questions_channel"]),
        "notice.time_missing",
        True,
    ),
    ("608-p.8.2-time-given", CHIEF_2024, None, "notice.time_missing", False),
    ("652-p.27-no-place", INSP_2024, _set("announcement.content", ["time"]), "notice.place_missing", True),
    ("652-p.27-place-given", INSP_2024, None, "notice.place_missing", False),
    (
        "608-p.8.2-no-questions-channel",
        CHIEF_2024,
        _set("announcement.content", ["time", "place", "schedule"]),
        "notice.questions_channel_missing",
        True,
    ),
    ("608-p.8.2-questions-channel-given", CHIEF_2024, None, "notice.questions_channel_missing", False),
    (
        "652-p.27-asks-no-questions-channel",
        INSP_2024,
        _set("announcement.content", ["time", "place"]),
        "notice.questions_channel_missing",
        False,
    ),
    (
        "608-p.8.2-no-regional-media",
        CHIEF_2024,
        _set("announcement.channels", ["social_network"]),
        "notice.channel_missing",
        True,
    ),
    (
        "652-p.27-social-network-suffices",
        INSP_2024,
        _set("announcement.channels", ["social_network"]),
        "notice.channel_missing",
        False,
    ),
    ("608-p.9-capacity-below-expected", CHIEF_2024, _set("venue.capacity", 99), "venue.capacity_below_expected", True),
    (
        "608-p.9-capacity-equals-expected",
        CHIEF_2024,
        _set("venue.capacity", 100),
        "venue.capacity_below_expected",
        False,
    ),
    ("652-p.27-capacity-below-expected", INSP_2024, _set("venue.capacity", 50), "venue.capacity_below_expected", True),
    (
        "652-p.27-online-has-no-venue",
        INSP_2024,
        _then(_set("venue.capacity", 50), _set("format", "online")),
        "venue.capacity_below_expected",
        False,
    ),
    ("608-p.9-capacity-unknown", CHIEF_2024, _set("venue", {}), "venue.capacity_unknown", True),
    (
        "608-p.11-media-not-invited",
        CHIEF_2024,
        _set("invited", ["maslikhat", "public", "akimat"]),
        "invitees.missing",
        True,
    ),
    ("608-p.11-all-invited", CHIEF_2024, None, "invitees.missing", False),
    ("723-p.10-may-be-invited", CHIEF_2023_723, _set("invited", ["akimat"]), "invitees.missing", False),
    (
        "608-p.4-akimat-not-invited",
        CHIEF_2024,
        _set(
            "invited",
            [
                "maslikhat",
                "public",
                "health",
                "social",
                "education",
                "agriculture",
                "housing",
                "organisations",
                "media",
            ],
        ),
        "participants.not_invited",
        True,
    ),
    ("608-p.4-akimat-invited", CHIEF_2024, None, "participants.not_invited", False),
    ("652-p.26-no-police-leadership", INSP_2024, _set("attended", ["akimat"]), "participants.missing", True),
    ("652-p.26-leadership-and-akimat-present", INSP_2024, None, "participants.missing", False),
    ("608-p.14-minutes-next-day", CHIEF_2024, _set("minutes.completed_on", "2024-02-21"), "minutes.late", True),
    ("608-p.14-minutes-same-day", CHIEF_2024, None, "minutes.late", False),
    ("652-p.32-minutes-next-day", INSP_2024, _set("minutes.completed_on", "2024-05-21"), "minutes.late", True),
    ("652-p.32-no-minutes", INSP_2024, _set("minutes", _DEL), "minutes.missing", True),
    (
        "652-p.32-no-minutes-on-the-day-itself-not-yet",
        INSP_2024,
        _then(_set("minutes", _DEL), _set("as_of", "2024-05-20")),
        "minutes.missing",
        False,
    ),
    (
        "608-p.13-no-decisions",
        CHIEF_2024,
        _set("minutes.fields", ["time", "date", "place", "participants_count", "citizen_items"]),
        "minutes.field_missing",
        True,
    ),
    ("608-p.13-all-fields", CHIEF_2024, None, "minutes.field_missing", False),
    (
        "652-p.32-no-participants-count",
        INSP_2024,
        _set(
            "minutes.fields",
            {
                "time": True,
                "date": True,
                "place": True,
                "participants_count": False,
                "decisions": True,
                "citizen_items": True,
            },
        ),
        "minutes.field_missing",
        True,
    ),
    (
        "608-p.15-no-chief-signature",
        CHIEF_2024,
        _set("minutes.signatures", ["secretary"]),
        "minutes.signature_missing",
        True,
    ),
    ("608-p.15-secretary-and-chief", CHIEF_2024, None, "minutes.signature_missing", False),
    ("652-p.32-no-inspector-signature", INSP_2024, _set("minutes.signatures", []), "minutes.signature_missing", True),
    ("652-p.32-inspector-signed", INSP_2024, None, "minutes.signature_missing", False),
    (
        "723-p.14-no-akimat-stamp",
        INSP_JUNE_2023,
        _set("minutes.signatures", ["secretary", "inspector"]),
        "minutes.signature_missing",
        True,
    ),
    ("723-p.14-stamp-and-signatures", INSP_JUNE_2023, None, "minutes.signature_missing", False),
    ("608-p.15-2024-needs-no-stamp", CHIEF_2024, None, "minutes.signature_missing", False),
    (
        "723-p.11-secretary-from-police",
        CHIEF_2023_723,
        _set("minutes.secretary_from", "police"),
        "minutes.secretary_wrong",
        True,
    ),
    (
        "608-p.12-secretary-from-akimat",
        CHIEF_2024,
        _set("minutes.secretary_from", "akimat"),
        "minutes.secretary_wrong",
        True,
    ),
    ("608-p.12-secretary-from-police", CHIEF_2024, None, "minutes.secretary_wrong", False),
    ("652-p.32-no-video-Dec-2023", INSP_DEC_2023, _set("video", False), "video.missing", True),
    ("652-p.32-video-Dec-2023", INSP_DEC_2023, None, "video.missing", False),
    ("723-no-video-rule-June-2023", INSP_JUNE_2023, _set("video", False), "video.missing", False),
    ("608-no-video-rule-chief", CHIEF_2024, _set("video", False), "video.missing", False),
    ("652-p.32-no-registration", INSP_2024, _set("registration", False), "registration.missing", True),
    ("652-p.32-registration", INSP_2024, None, "registration.missing", False),
    ("723-no-registration-rule", INSP_JUNE_2023, _set("registration", False), "registration.missing", False),
    ("608-p.16-unanswered-not-in-minutes", CHIEF_2024, _items({"kind": "complaint"}), "items.not_in_minutes", True),
    (
        "608-p.16-unanswered-in-minutes",
        CHIEF_2024,
        _items({"kind": "complaint", "in_minutes": True}),
        "items.not_in_minutes",
        False,
    ),
    (
        "608-p.16-answered-in-full",
        CHIEF_2024,
        _items({"kind": "remark", "answered_in_full": True}),
        "items.not_in_minutes",
        False,
    ),
    (
        "АППК-art.3-p.4-crime-report-is-not-an-item",
        CHIEF_2024,
        _items({"kind": "crime_report"}),
        "items.not_in_minutes",
        False,
    ),
    (
        "АППК-art.65-not-forwarded",
        INSP_2024,
        _items({"police_competence": False, "in_minutes": True}),
        "items.not_forwarded",
        True,
    ),
    (
        "АППК-art.65-forwarded-on-3rd-working-day",
        INSP_2024,
        _items(
            {
                "police_competence": False,
                "in_minutes": True,
                "forwarded_on": "2024-05-23",
                "applicant_notified_on": "2024-05-23",
            }
        ),
        "items.forwarded_late",
        False,
    ),
    (
        "АППК-art.65-forwarded-on-4th-working-day",
        INSP_2024,
        _items(
            {
                "police_competence": False,
                "in_minutes": True,
                "forwarded_on": "2024-05-24",
                "applicant_notified_on": "2024-05-24",
            }
        ),
        "items.forwarded_late",
        True,
    ),
    (
        "АППК-art.65-not-due-yet",
        INSP_2024,
        _then(_set("as_of", "2024-05-22"), _items({"police_competence": False, "in_minutes": True})),
        "items.not_forwarded",
        False,
    ),
    (
        "608-p.17-forwarded-without-notifying",
        CHIEF_2024,
        _items({"police_competence": False, "in_minutes": True, "forwarded_on": "2024-02-21"}),
        "items.applicant_not_notified",
        True,
    ),
    (
        "608-p.17-forwarded-and-notified",
        CHIEF_2024,
        _items(
            {
                "police_competence": False,
                "in_minutes": True,
                "forwarded_on": "2024-02-21",
                "applicant_notified_on": "2024-02-21",
            }
        ),
        "items.applicant_not_notified",
        False,
    ),
    (
        "АППК-art.88-anonymous-nobody-to-notify",
        CHIEF_2024,
        _items({"police_competence": False, "in_minutes": True, "forwarded_on": "2024-02-21", "anonymous": True}),
        "items.applicant_not_notified",
        False,
    ),
    (
        "АППК-art.76-p.1-appeal-overdue",
        INSP_2024,
        _items({"in_minutes": True, "appeal": {"registered_on": "2024-05-21"}}),
        "appeal.overdue",
        True,
    ),
    (
        "АППК-art.76-p.1-appeal-answered-in-time",
        INSP_2024,
        _items({"in_minutes": True, "appeal": {"registered_on": "2024-05-21", "answered_on": "2024-06-11"}}),
        "appeal.answered_late",
        False,
    ),
    (
        "АППК-art.76-p.1-appeal-answered-a-day-late",
        INSP_2024,
        _items({"in_minutes": True, "appeal": {"registered_on": "2024-05-21", "answered_on": "2024-06-12"}}),
        "appeal.answered_late",
        True,
    ),
    (
        "АППК-art.76-p.3-extended-appeal-not-overdue",
        INSP_2024,
        _items(
            {
                "in_minutes": True,
                "appeal": {"registered_on": "2024-05-21", "extended_on": "2024-06-05", "extended_until": "2024-08-01"},
            }
        ),
        "appeal.overdue",
        False,
    ),
    (
        "АППК-art.76-p.3-extension-beyond-2-months",
        INSP_2024,
        _items(
            {
                "in_minutes": True,
                "appeal": {"registered_on": "2024-05-21", "extended_on": "2024-06-05", "extended_until": "2024-09-01"},
            }
        ),
        "appeal.extension_too_long",
        True,
    ),
    (
        "АППК-art.99-complaint-not-extendable",
        INSP_2024,
        _items(
            {
                "in_minutes": True,
                "appeal": {
                    "kind": "complaint_against_action",
                    "registered_on": "2024-05-21",
                    "extended_on": "2024-06-05",
                    "extended_until": "2024-07-01",
                },
            }
        ),
        "appeal.extension_not_allowed",
        True,
    ),
    (
        "АППК-art.76-p.1-due-soon",
        INSP_2024,
        _then(_set("as_of", "2024-06-10"), _items({"in_minutes": True, "appeal": {"registered_on": "2024-05-21"}})),
        "appeal.due_soon",
        True,
    ),
]


@pytest.mark.parametrize(("base", "mutate", "code", "present"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_finding(base, mutate, code, present):
    description = clean_description(*base)
    if mutate:
        mutate(description)
    codes = [f.code for f in evaluate(description)]
    assert (code in codes) is present, codes


@pytest.mark.parametrize("base", [CHIEF_2024, INSP_2024, CHIEF_2023_723, INSP_JUNE_2023, INSP_DEC_2023])
def test_clean_description_has_no_findings(base):
    assert evaluate(clean_description(*base)) == []


APPEAL_VERSIONS = [
    # Before Law 241-VIII the term ran from receipt, after it from registration (АППК art. 76 p.1).
    (
        "АППК-art.76-p.1-before-241-VIII-from-receipt",
        "2025-12-05T17:00:00+05:00",
        "2025-12-08",
        "2025-12-29",
        "2025-12-30",
    ),
    (
        "АППК-art.76-p.1-after-241-VIII-from-registration",
        "2026-01-09T17:00:00+05:00",
        "2026-01-12",
        "2026-02-02",
        "2026-02-03",
    ),
]


@pytest.mark.parametrize(
    ("received", "registered", "last_ok", "late"), [c[1:] for c in APPEAL_VERSIONS], ids=[c[0] for c in APPEAL_VERSIONS]
)
def test_appeal_term_across_law_241(received, registered, last_ok, late):
    def desc(answered):
        d = clean_description("inspector", "2024-05-20")
        d["as_of"] = "2026-06-01"
        d["items"] = [
            {
                "in_minutes": True,
                "appeal": {"received_at": received, "registered_on": registered, "answered_on": answered},
            }
        ]
        return [f.code for f in evaluate(d)]

    assert "appeal.answered_late" not in desc(last_ok)
    assert "appeal.answered_late" in desc(late)


def test_finding_names_paragraph_and_speaks_three_languages():
    d = clean_description(*CHIEF_2024)
    d["announcement"]["published_at"] = "2024-02-15T09:00:00+05:00"
    (finding,) = evaluate(d)
    assert finding.citation == "Order 608 p.8.2"
    assert finding.rule == "meeting.notice_days"
    assert finding.path == "announcement.published_at"
    assert "Order 608 p.8.2" in finding.message_en
    assert "Приказ № 608, п.8.2" in finding.message_ru
    assert "№ 608 бұйрық, 8.2-т." in finding.message_kk


def test_joint_gathering_needs_each_inspectors_signature():
    d = clean_description(*INSP_2024)
    d["officers"] = [{"id": 1, "name": "A", "role": "inspector"}, {"id": 2, "name": "B", "role": "inspector"}]
    d["minutes"]["signatures"] = [{"role": "inspector", "officer": 1}]
    findings = [f for f in evaluate(d) if f.code == "minutes.signature_missing"]
    assert [f.params.get("officer") for f in findings] == ["B"]


def test_cancelled_meeting_has_no_findings():
    d = clean_description(*INSP_2024)
    d["status"] = "cancelled"
    d.pop("announcement")
    assert evaluate(d) == []


OBLIGATIONS = [
    ("608-p.4-chief-2023-report-missing", "chief", 2023, None, [], "2024-04-02", "report.missing"),
    ("608-p.4-chief-2023-report-held-in-Q1-2024", "chief", 2023, None, ["2024-03-01"], "2024-04-02", None),
    ("723-p.21-chief-2022-report-held-in-Q1-2023", "chief", 2022, None, ["2023-02-20"], "2023-04-02", None),
    ("608-p.4-chief-report-held-late", "chief", 2023, None, ["2024-04-15"], "2024-05-01", "report.late"),
    ("652-p.26-inspector-Q4-2023-missing", "inspector", 2023, 4, [], "2024-01-05", "report.missing"),
    ("723-p.24-inspector-Q2-2023-held", "inspector", 2023, 2, ["2023-06-20"], "2023-07-05", None),
    ("652-p.26-inspector-quarter-not-over", "inspector", 2024, 2, [], "2024-06-01", None),
]


@pytest.mark.parametrize(
    ("kind", "year", "quarter", "held", "as_of", "code"), [c[1:] for c in OBLIGATIONS], ids=[c[0] for c in OBLIGATIONS]
)
def test_obligation(kind, year, quarter, held, as_of, code):
    import datetime as dt

    findings = evaluate_obligation(
        kind=kind,
        year=year,
        quarter=quarter,
        held_on=[dt.date.fromisoformat(h) for h in held],
        as_of=dt.date.fromisoformat(as_of),
    )
    assert [f.code for f in findings] == ([code] if code else [])


BAD = [
    ("unknown-kind", {"kind": "mayor", "starts_at": "2024-05-20T18:00"}, "kind"),
    ("missing-start", {"kind": "chief"}, "starts_at"),
    ("bad-datetime", {"kind": "chief", "starts_at": "yesterday"}, "starts_at"),
    ("end-before-start", {"kind": "chief", "starts_at": "2024-02-20T18:00", "ends_at": "2024-02-20T17:00"}, "ends_at"),
    (
        "date-with-time-where-a-date-is-required",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-03-31T19:20:00Z"}},
        "minutes.completed_on",
    ),
    (
        "garbage-after-a-date",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_on": "2024-03-31garbage"}},
        "minutes.completed_on",
    ),
    (
        "garbage-after-an-instant",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "minutes": {"completed_at": "2024-02-20T19:00:00Zjunk"}},
        "minutes.completed_at",
    ),
    (
        "completed_on-not-the-almaty-day-of-completed_at",
        {
            "kind": "chief",
            "starts_at": "2024-02-20T18:00",
            "minutes": {"completed_on": "2024-02-20", "completed_at": "2024-02-20T18:30:00Z"},
        },
        "minutes.completed_on",
    ),
    (
        "АППК-art.3-p.4-crime-report-with-an-appeal",
        {
            "kind": "chief",
            "starts_at": "2024-02-20T18:00",
            "items": [{"kind": "crime_report", "appeal": {"registered_on": "2024-02-21"}}],
        },
        "items[0].appeal",
    ),
    (
        "registration-count-negative",
        {"kind": "inspector", "starts_at": "2024-02-20T18:00", "registration": {"registered": -1}},
        "registration.registered",
    ),
    (
        "forwarded-before-received",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "items": [{"forwarded_on": "2024-02-01"}]},
        "items[0].forwarded_on",
    ),
    (
        "answered-before-registered",
        {
            "kind": "chief",
            "starts_at": "2024-02-20T18:00",
            "items": [{"appeal": {"registered_on": "2024-02-21", "answered_on": "2024-02-20"}}],
        },
        "items[0].appeal.answered_on",
    ),
    ("unknown-field", {"kind": "chief", "starts_at": "2024-02-20T18:00", "venu": {}}, "venu"),
    (
        "quarter-for-chief",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "period": {"year": 2023, "quarter": 1}},
        "period.quarter",
    ),
    (
        "negative-capacity",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "venue": {"capacity": -1}},
        "venue.capacity",
    ),
    ("not-an-object", [], "$"),
    (
        "unknown-channel",
        {"kind": "chief", "starts_at": "2024-02-20T18:00", "announcement": {"channels": ["pigeon"]}},
        "announcement.channels[0]",
    ),
]


@pytest.mark.parametrize(("data", "field"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_names_the_field(data, field):
    with pytest.raises(DescriptionError) as err:
        evaluate(data)
    assert err.value.field == field
    assert err.value.message
