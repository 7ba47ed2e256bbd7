import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from esep.notifications.backends import LocmemSmsBackend


@pytest.fixture(autouse=True)
def _clean_outboxes():
    LocmemSmsBackend.outbox = []
    LocmemSmsBackend.fail_next = 0
    cache.clear()
    yield
    LocmemSmsBackend.outbox = []


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /ru/ or /en/ leaves its language active; every test starts in the default language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
