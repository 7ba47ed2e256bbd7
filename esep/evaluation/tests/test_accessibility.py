"""The evaluation's pages meet WCAG 2.1 AA as far as axe-core can tell, in a real Chromium, in Kazakh and
Russian: the chief's scores (with wide tables at phone width), the council's criteria form, the public
criteria page."""

from __future__ import annotations

import datetime as dt

import pytest

from esep.backoffice.tests.test_accessibility import _signed_in
from esep.evaluation import services
from esep.evaluation.tests import world as w
from esep.evaluation.tests.test_scores import V1
from esep.testing import a11y

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_evaluation_pages_have_no_serious_axe_violations(browser, live_server, lang):
    world = w.build()
    services.criteria_set_create(
        body=world["region"], criteria=V1, valid_from=dt.date(2026, 1, 1), actor=world["council"]
    )
    problems: list[str] = []
    for user, pages in (
        (world["chief"], {"scores": f"/staff/evaluation/?year={w.YEAR}&quarter={w.QUARTER}&level=inspector"}),
        (world["council"], {"criteria form": f"/staff/evaluation/criteria/{world['region'].pk}/"}),
    ):
        context, page = _signed_in(browser, live_server, user, lang)
        try:
            for name, path in pages.items():
                response = page.goto(f"{live_server.url}/{lang}{path}")
                assert response.status == 200, (name, response.status)
                problems += a11y.check_page(page, name)
        finally:
            context.close()
    context = browser.new_context(locale=f"{lang}-KZ", timezone_id="Asia/Almaty", viewport=a11y.PHONE)
    try:
        page = context.new_page()
        kato = world["region"].territory.kato
        for name, path in (("public criteria", "/evaluation/criteria/"), ("region", f"/evaluation/criteria/{kato}/")):
            response = page.goto(f"{live_server.url}/{lang}{path}")
            assert response.status == 200, (name, response.status)
            problems += a11y.check_page(page, name)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
