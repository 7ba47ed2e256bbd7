"""Kazakhstan's working days: holidays with carry-over, 7 January and Kurban Ait without it, transfers."""

import datetime as dt

import pytest
from django.utils import timezone

from esep.law import calendar
from esep.law.calendar import Calendar
from esep.law.models import CalendarDayKind
from esep.testing.law import calendar_day

D = dt.date

DAYS = [
    # (id naming the paragraph, date, working?)
    ("holidays-art.5-nauryz-21-March-2024", D(2024, 3, 21), False),
    ("holidays-art.5-nauryz-22-March-2024", D(2024, 3, 22), False),
    ("holidays-art.5-nauryz-23-March-2024-Saturday", D(2024, 3, 23), False),
    ("holidays-art.5-nauryz-carried-to-Monday-25-March-2024", D(2024, 3, 25), False),
    ("holidays-art.5-26-March-2024-working", D(2024, 3, 26), True),
    ("holidays-art.5-capital-day-Sunday-6-July-2025-carried-to-7-July", D(2025, 7, 7), False),
    ("holidays-art.5-7-January-2024-Sunday-no-carry-over", D(2024, 1, 8), True),
    ("holidays-art.5-Kurban-Ait-Sunday-16-June-2024-no-carry-over", D(2024, 6, 17), True),
    ("labour-code-art.85-transfer-off-3-January-2025", D(2025, 1, 3), False),
    ("labour-code-art.85-working-Sunday-5-January-2025", D(2025, 1, 5), True),
    ("labour-code-art.85-working-Saturday-1-July-2023", D(2023, 7, 1), True),
    ("holidays-art.5-womens-day-Sunday-8-March-2026-carried-to-9-March", D(2026, 3, 9), False),
    ("holidays-art.5-nauryz-2026-Saturday-Sunday-carried-to-24-25-March", D(2026, 3, 25), False),
    ("holidays-art.5-26-March-2026-working", D(2026, 3, 26), True),
    ("holidays-art.5-7-January-2029-Sunday-no-carry-over", D(2029, 1, 8), True),
    ("weekday", D(2024, 4, 3), True),
    ("weekend", D(2024, 4, 6), False),
]


@pytest.mark.parametrize(("day", "working"), [c[1:] for c in DAYS], ids=[c[0] for c in DAYS])
def test_working_day(day, working):
    assert Calendar().is_working_day(day) is working


def test_statutory_carry_over_matches_the_package_for_2022_to_2025():
    """Our own carry-over rule (used from 2026) reproduces the `holidays` package for years it knows,
    leaving aside transfers and Kurban Ait, which are not carry-overs."""
    cal = Calendar()
    for year in range(2022, 2026):
        ours = cal._statutory_year(year)[0]
        package, _work = calendar._package_year(year)
        assert ours <= package, year


@pytest.mark.django_db
def test_kurban_ait_2026_comes_from_the_table():
    assert calendar.is_working_day(D(2026, 5, 27)) is False  # seeded by migration 0002, no carry-over
    assert calendar.is_working_day(D(2026, 5, 28)) is True


@pytest.mark.django_db
def test_table_transfers_override_and_invalidate_the_cache():
    saturday, friday = D(2027, 1, 2), D(2027, 1, 8)
    assert calendar.is_working_day(saturday) is False
    assert calendar.is_working_day(friday) is True
    calendar_day(saturday, CalendarDayKind.TRANSFER_WORK)
    calendar_day(friday, CalendarDayKind.TRANSFER_OFF)
    assert calendar.is_working_day(saturday) is True
    assert calendar.is_working_day(friday) is False


ADDS = [
    # (id, start, n, due)
    ("АППК-art.76-p.1-from-next-day", D(2024, 4, 1), 1, D(2024, 4, 2)),
    ("АППК-art.76-p.1-Friday-plus-1-is-Monday", D(2024, 4, 5), 1, D(2024, 4, 8)),
    ("АППК-art.65-3-days-across-nauryz-2024", D(2024, 3, 20), 3, D(2024, 3, 28)),
    ("АППК-art.76-p.1-15-days-across-nauryz-2025", D(2025, 3, 14), 15, D(2025, 4, 9)),
    ("АППК-art.76-p.1-start-on-holiday", D(2024, 3, 22), 1, D(2024, 3, 26)),
]


@pytest.mark.parametrize(("start", "n", "due"), [c[1:] for c in ADDS], ids=[c[0] for c in ADDS])
def test_add_working_days(start, n, due):
    cal = Calendar()
    assert cal.add_working_days(start, n) == due
    assert cal.working_days_between(start, due) == n


def test_next_working_day():
    cal = Calendar()
    assert cal.next_working_day(D(2024, 4, 3)) == D(2024, 4, 3)
    assert cal.next_working_day(D(2024, 3, 21)) == D(2024, 3, 26)


def test_working_days_between_is_negative_backwards():
    cal = Calendar()
    assert cal.working_days_between(D(2024, 4, 8), D(2024, 4, 1)) == -5


def _almaty(*args):
    return timezone.make_aware(dt.datetime(*args))


REGISTRATION = [
    ("АППК-art.64-p.2-received-in-working-hours", _almaty(2024, 4, 3, 11, 0), D(2024, 4, 3)),
    ("АППК-art.64-p.3-received-after-hours", _almaty(2024, 4, 3, 19, 0), D(2024, 4, 4)),
    ("АППК-art.64-p.3-received-Friday-evening", _almaty(2024, 4, 5, 18, 45), D(2024, 4, 8)),
    ("АППК-art.64-p.3-received-on-holiday", _almaty(2024, 3, 22, 10, 0), D(2024, 3, 26)),
    ("АППК-art.64-p.2-received-before-opening", _almaty(2024, 4, 3, 7, 30), D(2024, 4, 3)),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("received", "registered"), [c[1:] for c in REGISTRATION], ids=[c[0] for c in REGISTRATION])
def test_registration_date(received, registered):
    assert calendar.registration_date(received) == registered


@pytest.mark.django_db
def test_registration_date_of_utc_time_counts_in_almaty():
    # 13:00 UTC on 3 April 2024 is 18:00 in Almaty (UTC+5 since March 2024): still in working hours.
    assert calendar.registration_date(dt.datetime(2024, 4, 3, 13, 0, tzinfo=dt.UTC)) == D(2024, 4, 3)
    # 14:00 UTC is 19:00 in Almaty: the next working day.
    assert calendar.registration_date(dt.datetime(2024, 4, 3, 14, 0, tzinfo=dt.UTC)) == D(2024, 4, 4)
