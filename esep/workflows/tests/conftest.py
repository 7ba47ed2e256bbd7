import pytest
from django.utils import translation

from esep.law import calendar


@pytest.fixture(autouse=True)
def _fresh_calendar():
    calendar.invalidate()
    yield
    calendar.invalidate()


@pytest.fixture(autouse=True)
def _english():
    """Service messages are asserted in English; pages choose their language from the URL."""
    with translation.override("en"):
        yield
