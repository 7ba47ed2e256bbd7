"""Properties of the calendar (Hypothesis): a due date is never a non-working day; counting back gives N."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from esep.law.calendar import Calendar

CAL = Calendar({dt.date(2026, 5, 27): "holiday", dt.date(2027, 1, 2): "transfer_work"})
days = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=days, n=st.integers(min_value=1, max_value=60))
def test_due_date_is_a_working_day(start, n):
    assert CAL.is_working_day(CAL.add_working_days(start, n))


@settings(max_examples=300, deadline=None)
@given(start=days, n=st.integers(min_value=0, max_value=60))
def test_adding_n_working_days_and_counting_back_gives_n(start, n):
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@settings(max_examples=200, deadline=None)
@given(day=days)
def test_next_working_day_is_working_and_nothing_working_is_skipped(day):
    nxt = CAL.next_working_day(day)
    assert CAL.is_working_day(nxt)
    assert all(not CAL.is_working_day(day + dt.timedelta(days=i)) for i in range((nxt - day).days))


@settings(max_examples=200, deadline=None)
@given(a=days, b=days)
def test_between_is_antisymmetric(a, b):
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
