import pytest

from esep.law import calendar


@pytest.fixture(autouse=True)
def _fresh_calendar():
    calendar.invalidate()
    yield
    calendar.invalidate()
