"""The sections a report must contain (Decree 723 pp.22, 27; Order 608 p.6; Order 652 p.30), by date of force
and kind, and the finding when a held report's published text lacks one."""

import datetime as dt

import pytest

from esep.law import rules
from esep.law.compliance import evaluate
from esep.law.ruleset.report_sections import SECTIONS
from esep.testing.law import clean_description

pytestmark = pytest.mark.django_db

CHIEF_608 = ("chief", "2024-02-20")
CHIEF_723 = ("chief", "2023-02-20")
INSP_652 = ("inspector", "2024-05-20")
INSP_723 = ("inspector", "2023-06-20")

VERSION_CASES = [
    ("608-p.6-chief-2024", CHIEF_608, "Order 608 p.6", 10),
    ("723-p.22-chief-2023-before-608", CHIEF_723, "Decree 723 p.22", 10),
    ("652-p.30-inspector-2024", INSP_652, "Order 652 p.30", 5),
    ("723-p.27-inspector-june-2023-before-652", INSP_723, "Decree 723 p.27", 5),
]


@pytest.mark.parametrize("case_id,base,citation,count", VERSION_CASES, ids=[c[0] for c in VERSION_CASES])
def test_version_in_force(case_id, base, citation, count):
    kind, day = base
    r = rules.rule("report.sections", dt.date.fromisoformat(day), kind=kind)
    assert r.citation() == citation
    assert len(r.value) == count
    for key in r.value:
        section = SECTIONS[key]
        assert section.title("kk") and section.title("ru") and section.title("en")


def _with_report(base, sections, published=True):
    d = clean_description(*base)
    d["report"] = {"published": published, "sections": list(sections)}
    return d


def _codes(findings):
    return [(f.code, f.citation, f.path) for f in findings if f.code == "report.section_missing"]


FINDING_CASES = [
    # (id, base, sections present, expected missing paths with citation)
    (
        "608-p.6-sub.6-chief-without-appeals",
        CHIEF_608,
        lambda keys: [k for k in keys if k != "appeals"],
        [("Order 608 p.6 sub.6", "report.sections.appeals")],
    ),
    ("608-p.6-chief-all-ten-present", CHIEF_608, lambda keys: keys, []),
    (
        "723-p.22-sub.1-chief-2023-without-crime-situation",
        CHIEF_723,
        lambda keys: keys[1:],
        [("Decree 723 p.22 sub.1", "report.sections.crime_situation")],
    ),
    (
        "652-p.30-inspector-without-complaints",
        INSP_652,
        lambda keys: keys[:-1],
        [("Order 652 p.30", "report.sections.complaints")],
    ),
    (
        "723-p.27-inspector-without-prevention-and-legislation",
        INSP_723,
        lambda keys: [k for k in keys if k not in ("prevention", "prevention_legislation")],
        [
            ("Decree 723 p.27", "report.sections.prevention"),
            ("Decree 723 p.27", "report.sections.prevention_legislation"),
        ],
    ),
]


@pytest.mark.parametrize("case_id,base,present,expected", FINDING_CASES, ids=[c[0] for c in FINDING_CASES])
def test_missing_section_finding(case_id, base, present, expected):
    kind, day = base
    keys = list(rules.rule("report.sections", dt.date.fromisoformat(day), kind=kind).value)
    findings = evaluate(_with_report(base, present(keys)))
    assert [(c, p) for _code, c, p in _codes(findings)] == expected


def test_608_p6_no_finding_before_publication_or_without_report():
    assert _codes(evaluate(_with_report(CHIEF_608, [], published=False))) == []
    assert _codes(evaluate(clean_description(*CHIEF_608))) == []


def test_608_p6_finding_names_the_section_in_each_language():
    (finding,) = [
        f
        for f in evaluate(_with_report(CHIEF_608, [k for k in SECTIONS if k != "anti_corruption"]))
        if f.code == "report.section_missing"
    ]
    assert "коррупционным проявлениям" in finding.message_ru and "Приказ № 608" in finding.message_ru
    assert "Сыбайлас жемқорлық" in finding.message_kk and "міндетті бөлім жоқ" in finding.message_kk
    assert finding.message_en.startswith("The published report lacks a required section: State and results")
