import pytest
from django.core.cache import cache

from esep.territory import search


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached pages, rate-limit counters and the search index must not leak between tests."""
    cache.clear()
    search.reset_index()
    yield
    cache.clear()
    search.reset_index()


@pytest.fixture
def tree(db):
    from esep.testing.public import karaganda_tree

    return karaganda_tree()
