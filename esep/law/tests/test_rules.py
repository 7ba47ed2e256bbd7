"""The rules in force on a date, across the 2023 boundary (Decree 723 -> Orders 608 and 652) and Law 241-VIII."""

import datetime as dt
import itertools

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


def _kinds(code):
    return sorted({v.kind for v in rules.versions(code)}, key=str)


def _breaks(chain):
    """Gaps and overlaps between successive versions (sorted by start), as messages."""
    out = []
    for before, after in itertools.pairwise(sorted(chain, key=lambda v: v.valid_from or dt.date.min)):
        if before.valid_to is None or after.valid_from is None:
            out.append(f"{before.citation()} / {after.citation()}: open-ended version followed by another")
        elif after.valid_from != before.valid_to + dt.timedelta(days=1):
            gap = "gap" if after.valid_from > before.valid_to else "overlap"
            out.append(f"{gap}: {before.citation()} to {before.valid_to}, {after.citation()} from {after.valid_from}")
    return out


@pytest.mark.parametrize("code", rules.codes())
def test_versions_of_every_rule_are_contiguous(code):
    """For each kind of meeting, the versions of a rule follow one another with no gap and no overlap: a
    date between two versions would be judged by nothing."""
    for kind in _kinds(code):
        chain = [v for v in rules.versions(code) if v.kind == kind or (kind is not None and v.kind is None)]
        assert not _breaks(chain), (code, kind, _breaks(chain))


def test_the_contiguity_check_sees_a_gap_and_an_overlap():
    a = rules.Rule("x", "appk", "", 1, dt.date(2020, 1, 1), dt.date(2020, 12, 30), "")
    b = rules.Rule("x", "appk", "", 1, dt.date(2021, 1, 1), None, "")
    c = rules.Rule("x", "appk", "", 1, dt.date(2020, 12, 1), None, "")
    d = rules.Rule("x", "appk", "", 1, dt.date(2020, 12, 31), None, "")
    assert _breaks([a, b])[0].startswith("gap")
    assert _breaks([a, c])[0].startswith("overlap")
    assert _breaks([a, d]) == []


def test_registering_an_overlap_is_refused():
    existing = rules.versions("appk.term_days")[-1]
    with pytest.raises(ValueError, match="overlap"):
        rules.register(rules.Rule("appk.term_days", "appk", "art. 76 p.1", 15, existing.valid_from, None, ""))
    assert rules.versions("appk.term_days")[-1] is existing


def test_the_law_loads_loudly(monkeypatch):
    """A module of the ruleset that fails stops startup (LawNotLoaded), leaving no half-loaded registry."""
    import sys

    from esep.law import apps

    saved_registry, saved_acts = dict(rules._REGISTRY), dict(rules.ACTS)
    saved_modules = {n: m for n, m in sys.modules.items() if n.startswith("esep.law.ruleset")}
    monkeypatch.setattr(rules, "_loaded", False)
    rules._REGISTRY.clear()
    rules.ACTS.clear()
    for name in saved_modules:
        del sys.modules[name]
    monkeypatch.delattr(sys.modules["esep.law"], "ruleset")

    real_register = rules.register

    def broken(*versions):
        if any(v.code == "appk.term_days" for v in versions):
            raise ValueError("a broken rule")
        real_register(*versions)

    monkeypatch.setattr(rules, "register", broken)
    try:
        with pytest.raises(rules.LawNotLoaded, match="a broken rule"):
            apps.LawConfig("esep.law", sys.modules["esep.law"]).ready()
        assert rules._REGISTRY == {} and rules._loaded is False
    finally:
        rules._REGISTRY.clear()
        rules._REGISTRY.update(saved_registry)
        rules.ACTS.clear()
        rules.ACTS.update(saved_acts)
        for name in [n for n in sys.modules if n.startswith("esep.law.ruleset")]:
            del sys.modules[name]
        sys.modules.update(saved_modules)
        sys.modules["esep.law"].ruleset = saved_modules["esep.law.ruleset"]
    assert len(rules.codes()) == len(saved_registry)
