"""Due dates and how they were counted (АППК arts. 64, 65, 76; Order 608 p.8.2; Order 652 p.27)."""

import datetime as dt

import pytest
from django.utils import timezone

from esep.law import deadlines, rules

D = dt.date

CASES = [
    # (id, rule, start, kind, due)
    ("АППК-art.65-redirect-across-nauryz", "appk.redirect_days", D(2024, 3, 20), None, D(2024, 3, 28)),
    ("АППК-art.76-p.1-term-before-241-VIII", "appk.term_days", D(2025, 3, 14), None, D(2025, 4, 9)),
    ("АППК-art.76-p.1-term-after-241-VIII", "appk.term_days", D(2026, 1, 5), None, D(2026, 1, 27)),
    ("АППК-art.99-complaint", "appk.complaint_term_days", D(2024, 4, 1), None, D(2024, 4, 29)),
    ("АППК-art.76-p.3-p.5-extension-ends-on-Saturday", "appk.extension_max_months", D(2025, 7, 6), None, D(2025, 9, 8)),
    ("608-p.8.2-announce-by", "meeting.notice_days", D(2024, 3, 1), "chief", D(2024, 2, 20)),
    ("652-p.27-announce-by", "meeting.notice_days", D(2024, 3, 31), "inspector", D(2024, 3, 21)),
    ("652-p.32-keep-materials-1-year", "retention.inspector_materials_days", D(2024, 5, 15), None, D(2025, 5, 15)),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "start", "kind", "due"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_compute(code, start, kind, due):
    result = deadlines.compute(code, start, kind=kind)
    assert result.due == due
    assert result.rule.code == code
    assert result.steps[-1] == f"Due: {due.isoformat()}."


@pytest.mark.django_db
def test_steps_explain_skipped_days():
    result = deadlines.compute("appk.redirect_days", D(2024, 3, 20))
    text = "\n".join(result.steps)
    assert "АППК art. 65" in text
    assert "Counting starts on the day after 2024-03-20" in text
    assert "2024-03-21 (public holiday" in text
    assert "2024-03-24 (weekend)" in text


@pytest.mark.django_db
def test_registration_after_hours_starts_the_term_next_working_day():
    received = timezone.make_aware(dt.datetime(2026, 1, 9, 19, 30))  # Friday evening
    result = deadlines.compute("appk.term_days", received)
    assert result.start == D(2026, 1, 12)
    assert any("art. 64" in s for s in result.steps)


@pytest.mark.django_db
def test_not_a_term_and_unknown_rule():
    with pytest.raises(deadlines.NotATerm):
        deadlines.compute("meeting.signatories", D(2024, 1, 1))
    with pytest.raises(rules.UnknownRule):
        deadlines.compute("no.such", D(2024, 1, 1))
