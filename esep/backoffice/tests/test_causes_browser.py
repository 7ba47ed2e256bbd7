"""The akimat's causes and conditions page in a real Chromium: no serious axe-core violation in Kazakh and
Russian, at phone width and on a desktop, and nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from esep.accounts.models import Role
from esep.appeals import services as appeal_services
from esep.police.models import StateAgency
from esep.testing import a11y
from esep.testing import appeals as af
from esep.testing import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def akimat(transactional_db):
    region = f.region_body(f.region(49))
    body = f.body(terr=f.district(region.territory, 15), parent=region)
    staff = f.staff(Role.STAFF_UNIT, body)
    village = f.settlement(body.territory, name_kk="Ақтоғай", name_ru="Актогай")
    department = f.agency(body.territory, kind=StateAgency.Kind.AKIMAT_DEPARTMENT)
    for subject in ("housing", "roads", "police"):
        af.appeal(body=body, territory=village, subject=subject, actor=staff)
    forwarded = af.appeal(body=body, territory=village, subject="housing", actor=staff)
    appeal_services.appeal_forward(appeal=forwarded, actor=staff, agency=department)
    return f.user(Role.AKIMAT, terr=body.territory)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_has_no_serious_axe_violations_and_reflows(browser, live_server, akimat, lang):
    client = Client()
    client.force_login(akimat)
    context = browser.new_context(locale=f"{lang}-KZ", timezone_id="Asia/Almaty", viewport=a11y.PHONE)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page = context.new_page()
    try:
        response = page.goto(f"{live_server.url}/{lang}/staff/causes/")
        assert response.status == 200
        assert page.locator("#settlements tbody tr").count() == 1  # Aktogay; the total is the footer
        problems = a11y.check_page(page, f"causes and conditions ({lang})")
        page.set_viewport_size({"width": 320, "height": 640})
        assert a11y.horizontal_overflow(page) <= 0
    finally:
        context.close()
    assert not problems, "\n".join(problems)
