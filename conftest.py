"""Test-wide fixtures. Browser tests skip with a clear message where Debian's Chromium is missing."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("ESEP_CHROMIUM", "/usr/bin/chromium")


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Kazakh, the default: a request to /ru/ in one test must not leak into the next."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached pages, kept reference data, rate-limit counters and the search index must not leak between tests."""
    from django.core.cache import cache

    from esep.public.cache import reference_reset
    from esep.territory import search

    cache.clear()
    search.reset_index()
    reference_reset()
    yield
    cache.clear()
    search.reset_index()
    reference_reset()


@pytest.fixture
def tree(db):
    """A small real-looking Karaganda tree with a precinct, an inspector and an announced meeting."""
    from esep.testing.public import karaganda_tree

    return karaganda_tree()


@pytest.fixture
def browser():
    """A headless Chromium driven by Playwright (Debian's package; Playwright downloads nothing)."""
    if not chromium_available():
        pytest.skip("browser tests need Debian's Chromium: apt-get install -y chromium (CI installs it)")
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the live server's ORM calls happen elsewhere, but
    # Django's async guard cannot tell, so it is lifted for the duration of the browser fixture only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="kk-KZ", timezone_id="Asia/Almaty")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
