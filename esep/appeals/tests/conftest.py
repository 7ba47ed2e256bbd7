import pytest
from django.core.cache import cache

from esep.notifications.backends import LocmemSmsBackend


@pytest.fixture(autouse=True)
def _clean_outboxes():
    LocmemSmsBackend.outbox = []
    LocmemSmsBackend.fail_next = 0
    cache.clear()
    yield
    LocmemSmsBackend.outbox = []
