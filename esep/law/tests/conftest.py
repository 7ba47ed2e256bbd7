import pytest

from esep.law import calendar


@pytest.fixture(autouse=True)
def _fresh_calendar():
    """Each test sees the calendar of its own database state (rows roll back between tests)."""
    calendar.invalidate()
    yield
    calendar.invalidate()
