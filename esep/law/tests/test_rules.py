"""The rules in force on a date, across the 2023 boundary (Decree 723 -> Orders 608 and 652) and Law 241-VIII."""

import datetime as dt

import pytest

from esep.law import rules

D = dt.date

CASES = [
    # (id naming the paragraph, code, date, kind, expected citation, expected value)
    (
        "723-p.21-chief-Q1-2023",
        "meeting.chief_period",
        D(2023, 2, 15),
        "chief",
        "Decree 723 p.21",
        "yearly_q1_next_year",
    ),
    ("608-p.4-chief-Q1-2024", "meeting.chief_period", D(2024, 2, 15), "chief", "Order 608 p.4", "yearly_q1_next_year"),
    (
        "723-p.24-inspector-June-2023",
        "meeting.inspector_period",
        D(2023, 6, 20),
        "inspector",
        "Decree 723 p.24",
        "quarterly",
    ),
    (
        "652-p.26-inspector-Dec-2023",
        "meeting.inspector_period",
        D(2023, 12, 5),
        "inspector",
        "Order 652 p.26",
        "quarterly",
    ),
    ("723-p.7.2-notice-2023", "meeting.notice_days", D(2023, 2, 15), "chief", "Decree 723 p.7.2", 10),
    ("608-p.8.2-notice-2024", "meeting.notice_days", D(2024, 2, 15), "chief", "Order 608 p.8.2", 10),
    ("652-p.27-notice-Dec-2023", "meeting.notice_days", D(2023, 12, 5), "inspector", "Order 652 p.27", 10),
    (
        "723-p.14-signatures-chief-2023",
        "meeting.signatories",
        D(2023, 2, 15),
        "chief",
        "Decree 723 p.14",
        ("secretary", "chief", "akimat_stamp"),
    ),
    (
        "608-p.15-signatures-chief-2024",
        "meeting.signatories",
        D(2024, 2, 15),
        "chief",
        "Order 608 p.15",
        ("secretary", "chief"),
    ),
    (
        "723-p.14-signatures-inspector-June-2023",
        "meeting.signatories",
        D(2023, 6, 20),
        "inspector",
        "Decree 723 p.14",
        ("secretary", "inspector", "akimat_stamp"),
    ),
    (
        "652-p.32-signatures-inspector-Dec-2023",
        "meeting.signatories",
        D(2023, 12, 5),
        "inspector",
        "Order 652 p.32",
        ("inspector",),
    ),
    ("652-p.32-video-Dec-2023", "meeting.video_required", D(2023, 12, 5), "inspector", "Order 652 p.32", True),
    ("723-no-video-June-2023", "meeting.video_required", D(2023, 6, 20), "inspector", "Decree 723", False),
    ("608-no-video-chief-2024", "meeting.video_required", D(2024, 2, 15), "chief", "Order 608", False),
    ("652-p.32-registration", "meeting.registration_required", D(2024, 5, 1), "inspector", "Order 652 p.32", True),
    ("723-p.11-secretary-akimat", "meeting.secretary_from", D(2022, 2, 1), "chief", "Decree 723 p.11", "akimat"),
    ("608-p.12-secretary-police", "meeting.secretary_from", D(2024, 2, 1), "chief", "Order 608 p.12", "police"),
    ("АППК-art.76-p.1-before-241-VIII", "appk.term_days", D(2025, 12, 1), None, "АППК art. 76 p.1", 15),
    ("АППК-art.76-p.1-after-241-VIII", "appk.term_days", D(2026, 1, 12), None, "АППК art. 76 p.1", 15),
    ("АППК-art.65-redirect", "appk.redirect_days", D(2024, 1, 1), None, "АППК art. 65", 3),
    ("АППК-art.99-complaint", "appk.complaint_term_days", D(2024, 1, 1), None, "АППК art. 99", 20),
    ("АППК-art.76-p.3-extension", "appk.extension_max_months", D(2024, 1, 1), None, "АППК art. 76 p.3", 2),
    ("АППК-art.70-p.3-notice", "appk.notice_days", D(2024, 1, 1), None, "АППК art. 70 p.3; art. 76 p.3", 3),
    (
        "39-3-p.8-gathering-notice",
        "gathering.notice_days",
        D(2024, 1, 1),
        None,
        "Law on local state administration art. 39-3 p.8",
        10,
    ),
    ("652-p.32-retention", "retention.inspector_materials_days", D(2024, 1, 1), None, "Order 652 p.32", 1),
    (
        "personal-data-withdrawal",
        "personal_data.withdrawal_days",
        D(2024, 1, 1),
        None,
        "Law on personal data art. 8",
        15,
    ),
]


@pytest.mark.parametrize(("code", "on", "kind", "cite", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_in_force_on_date(code, on, kind, cite, expected):
    found = rules.rule(code, on, kind=kind)
    assert found.citation() == cite
    assert found.value == expected
    assert rules.value(code, on, kind=kind) == expected
    assert rules.citation(code, on, kind=kind) == cite


def test_term_counts_from_receipt_before_law_241_and_from_registration_after():
    before = rules.rule("appk.term_days", D(2025, 12, 1))
    after = rules.rule("appk.term_days", D(2026, 1, 12))
    assert (before.start_event, after.start_event) == ("receipt", "registration")
    assert "241-VIII" in after.date_note and "assumed" in after.date_note


def test_invitees_are_mandatory_under_608_by_agreement_under_652_optional_under_723():
    keys = ("maslikhat", "public", "health", "social", "education", "agriculture", "housing", "organisations", "media")
    assert rules.value("meeting.invitees", D(2024, 2, 1), kind="chief") == keys
    assert rules.rule("meeting.invitees", D(2024, 2, 1), kind="chief").modality == "must"
    assert rules.rule("meeting.invitees", D(2024, 5, 1), kind="inspector").modality == "by_agreement"
    assert rules.rule("meeting.invitees", D(2022, 5, 1), kind="inspector").modality == "may"


def test_uncertain_dates_of_force_say_so():
    for code in ("meeting.notice_days", "meeting.signatories"):
        for version in rules.versions(code):
            assert "assumed" in version.date_note, version.citation()


def test_unknown_rule_names_the_code():
    with pytest.raises(rules.UnknownRule, match=r"no\.such\.rule"):
        rules.rule("no.such.rule", D(2024, 1, 1))


def test_no_version_in_force_is_a_distinct_error():
    # Before Decree 723 took force no rule of reports is modelled.
    before = rules.versions("meeting.notice_days")[0].valid_from - dt.timedelta(days=1)
    with pytest.raises(rules.RuleNotInForce, match=r"meeting\.notice_days"):
        rules.rule("meeting.notice_days", before, kind="chief")
    # Order 652 names no secretary: a version that says so (value None), not a gap.
    assert rules.rule("meeting.secretary_from", D(2024, 1, 1), kind="inspector").value is None


def test_citation_in_three_languages():
    found = rules.rule("meeting.notice_days", D(2024, 2, 15), kind="chief")
    assert found.citation("ru") == "Приказ № 608, п.8.2"
    assert found.citation("kk") == "№ 608 бұйрық, 8.2-т."
    assert rules.citation("appk.term_days", D(2024, 1, 1), lang="kk") == "ӘРПК, 76-бап 1-т."


def test_every_rule_has_three_summaries_and_a_known_act():
    for version in rules.all_rules():
        assert version.summary_en and version.summary_kk and version.summary_ru, version.code
        assert version.act in rules.ACTS


def test_overlapping_versions_are_refused():
    base = rules.rule("appk.redirect_days", D(2024, 1, 1))
    with pytest.raises(ValueError, match="overlap"):
        rules.register(base)
