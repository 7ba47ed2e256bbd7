"""Screenshots for review: the start page, a precinct, a meeting and the entrance poster, on a phone and a
desktop, in Kazakh and Russian, saved into test-results/screenshots/ (ignored by git). Each page is also
checked with axe-core (no serious or critical violation) and for sideways overflow, at the size shot."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from esep.announcements.poster import poster_pdf
from esep.police.selectors import inspector_on
from esep.testing import a11y
from esep.testing import public as pf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUT = Path(django_settings.BASE_DIR) / "test-results" / "screenshots"
SIZES = {"phone": a11y.PHONE, "desktop": a11y.DESKTOP}


@pytest.fixture
def scene(transactional_db):
    tree = pf.karaganda_tree()
    meeting = pf.published_meeting(precinct=tree["precinct"])
    return tree, meeting


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_screenshots_of_the_main_pages(page, live_server, scene, lang):
    tree, meeting = scene
    OUT.mkdir(parents=True, exist_ok=True)
    pages = {
        "start": f"/{lang}/",
        "precinct": f"/{lang}/p/{tree['body'].slug}/{tree['precinct'].number}/",
        "meeting": f"/{lang}/meetings/{meeting.code}/",
    }
    problems: list[str] = []
    for name, path in pages.items():
        page.goto(live_server.url + path)
        for size_name, size in SIZES.items():
            page.set_viewport_size(size)
            target = OUT / f"{name}-{lang}-{size_name}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
            found = a11y.blocking(a11y.axe_run(page))
            if found:
                problems.append(a11y.describe(f"{path} @{size['width']}px", found))
            assert a11y.horizontal_overflow(page) <= 0, f"{path} scrolls sideways at {size['width']} px"
    # The police body's identity is on the precinct and meeting pages.
    page.goto(live_server.url + pages["meeting"])
    assert tree["body"].name_kk in page.locator(".identity").inner_text() or tree["body"].name_ru in page.locator(
        ".identity"
    ).inner_text()
    assert problems == []


def test_screenshot_of_the_poster(scene):
    tree, meeting = scene
    OUT.mkdir(parents=True, exist_ok=True)
    found = inspector_on(tree["precinct"], meeting.starts_at.date())
    png = poster_pdf(precinct=tree["precinct"], officer=found.officer if found else None, meeting=meeting, image_ppi=96)
    png = png[0] if isinstance(png, list) else png
    target = OUT / "poster-kk-ru.png"
    target.write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
