"""A crawler over every public page and every staff page, for each role, in Kazakh, Russian and English:
no page is a server error, and no Kazakh or Russian page shows one of Esep's English source strings
(an msgid of esep.core.i18n_check.source_strings whose translation differs from it)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from esep.core.tests.test_public_surface import STAFF, _public
from esep.testing import audit

pytestmark = pytest.mark.django_db

ROLES = ("staff_unit", "chief", "inspector", "secretary", "akimat", "oversight", "admin")
# Pages typeset by typst: the PDF itself is tested in protocols and announcements, and takes seconds.
SKIP = {"<lang>/staff/protocols/<int:pk>/pdf/<str:lang>/"}


@pytest.fixture(scope="module")
def w(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        data = audit.world()
        yield data
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def finder():
    return audit.MsgidFinder()


def staff_urls(w, lang: str) -> list[str]:
    item = w["protocol"].items.first()
    decision = w["protocol"].decisions.first()
    ids = {
        "<lang>/staff/meetings/<int:pk>/": w["held"].pk,
        "<lang>/staff/announcements/<int:pk>/": w["meeting"].pk,
        "<lang>/staff/protocols/<int:pk>/": w["protocol"].pk,
        "<lang>/staff/protocols/items/<int:pk>/": item.pk,
        "<lang>/staff/protocols/decisions/<int:pk>/": decision.pk,
        "<lang>/staff/appeals/<int:pk>/": w["appeal"].pk,
        "<lang>/staff/questions/<int:pk>/": w["submitted"].pk,
        "<lang>/staff/registry/precincts/<int:pk>/": w["precinct"].pk,
        "<lang>/staff/law/meetings/<int:pk>/": w["held"].pk,
        "<lang>/staff/planning/schedules/<int:pk>/": 1,
        "<lang>/staff/protocols/meeting/<int:meeting_pk>/": w["held"].pk,
    }
    urls = []
    for route in STAFF:
        if route in SKIP:
            continue
        url = route
        for prefix, pk in ids.items():
            if route.startswith(prefix.split("<int")[0]) and "<int" in route:
                url = url.replace("<int:pk>", str(pk)).replace("<int:meeting_pk>", str(pk))
                break
        url = url.replace("<slug:action>", "take").replace("<str:action>", "approve")
        urls.append("/" + url.replace("<lang>", lang))
    urls.append(f"/{lang}/staff/notifications/?object=appeals.appeal:{w['appeal'].pk}")
    urls.append(f"/{lang}/staff/meetings/{w['meeting'].pk}/")
    urls.append(f"/{lang}/staff/protocols/meeting/{w['meeting'].pk}/")
    return urls


def public_urls(w, lang: str) -> list[str]:
    return [good.format(l=lang) for good, *_rest in _public(w).values() if good]


def _crawl(client, urls, lang, finder) -> dict[str, object]:
    problems: dict[str, object] = {}
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            problems[url] = response.status_code
            continue
        if lang != "en" and response.get("Content-Type", "").startswith("text/html") and response.content:
            leaked = finder.untranslated(response.content.decode(), lang)
            if leaked:
                problems[url] = sorted(leaked)
    return problems


@pytest.mark.parametrize("lang", audit.LANGS)
def test_public_pages_have_no_server_error_and_no_untranslated_string(w, finder, lang):
    assert _crawl(Client(), public_urls(w, lang), lang, finder) == {}


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_have_no_server_error_and_no_untranslated_string(w, finder, role, lang):
    client = Client()
    client.force_login(w["users"][role])
    # Logged in, public pages are not served from the cache: the administrator walks them too.
    urls = staff_urls(w, lang) + (public_urls(w, lang) if role == "admin" else [])
    assert _crawl(client, urls, lang, finder) == {}


def test_the_finder_sees_an_english_string_on_a_kazakh_page(finder):
    """The crawler can fail: an English msgid on a Kazakh page is found, a translated one is not."""
    page = "<main><h1>Not found</h1><p>Табылмады</p><label>Tracking code: <input placeholder='Esep'></label></main>"
    assert finder.untranslated(page, "kk") == {"Not found", "Tracking code"}
