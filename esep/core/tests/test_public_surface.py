"""The whole surface a person reaches without logging in, walked from the URL resolver.

Every address must be in the inventory below (a new public page without a row here fails the first test).
For each public page: it answers in kk/ru/en; an unknown code or token is a 404 that says so in the page's
language; a method the page does not take is a 405 with a message; a NUL character, bytes that are not
UTF-8 or a very long query never end in a server error; a POST without the CSRF token is the translated
403 page. After every refusal, the stored rows are exactly as before."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from esep.testing import audit

pytestmark = pytest.mark.django_db

# route (language prefix as <lang>/) -> what it is. Public rows list what is tested below.
PUBLIC = {
    "<lang>/": "home",
    "<lang>/t/<str:kato>/": "territory",
    "<lang>/meetings/": "meetings",
    "<lang>/meetings/feed.atom": "atom",
    "<lang>/seal/": "seal_heads",
    "<lang>/seal/feed.atom": "seal_heads_atom",
    "<lang>/meetings/<str:code>/": "meeting",
    "<lang>/meetings/<str:code>/calendar.ics": "meeting_ics",
    "<lang>/meetings/<str:code>/poster.pdf": "meeting_poster",
    "<lang>/meetings/<str:code>/ask/": "ask",
    "<lang>/meetings/<str:code>/rate/": "rate",
    "<lang>/questions/status/": "question_status",
    "<lang>/p/<slug:slug>/": "body",
    "<lang>/p/<slug:slug>/calendar.ics": "body_ics",
    "<lang>/p/<slug:slug>/<str:number>/": "precinct",
    "<lang>/p/<slug:slug>/<str:number>/calendar.ics": "precinct_ics",
    "<lang>/p/<slug:slug>/<str:number>/poster.pdf": "precinct_poster",
    "<lang>/p/<slug:slug>/<str:number>/ask/": "precinct_ask",
    "<lang>/m/invitation/<str:token>/": "invitation",
    "<lang>/m/<str:code>/register": "register",
    "<lang>/m/<str:code>/register/": "register",
    "<lang>/appeals/": "appeal_lookup",
    "<lang>/appeals/reply/<str:token>/": "agency_reply",
    "<lang>/appeals/consent/withdraw/": "withdraw_consent",
    "<lang>/appeals/<str:code>/": "appeal_status",
    "<lang>/track/": "track",
    "<lang>/track/<str:code>/": "track_code",
    "<lang>/meetings/<str:code>/minutes-<str:lang>.pdf": "minutes_pdf",
    "<lang>/p/<slug:slug>/feed.atom": "body_atom",
    "<lang>/p/<slug:slug>/<str:number>/feed.atom": "precinct_atom",
    "<lang>/p/<slug:slug>/<str:number>/question/": "precinct_question",
    "<lang>/follow/confirm/<str:token>/": "follow_confirm",
    "<lang>/follow/stop/<str:token>/": "follow_unsubscribe",
    "<lang>/follow/p/<slug:slug>/<str:number>/": "follow_precinct",
    "<lang>/follow/body/<slug:slug>/": "follow_body",
    "<lang>/follow/region/<str:kato>/": "follow_region",
    "<lang>/fixed/<str:token>/": "fixed",
    "<lang>/reports/<str:code>/": "report",
    "<lang>/reports/<str:code>/report-<str:lang>.pdf": "report_pdf",
    "<lang>/reports/<str:code>/slides-<str:lang>.pdf": "report_slides",
    "<lang>/evaluation/criteria/": "evaluation_criteria",
    "<lang>/evaluation/criteria/<str:kato>/": "evaluation_criteria_region",
    "<lang>/accounts/login/": "login",
    "<lang>/accounts/logout/": "logout",
    "i18n/setlang/": "set_language",
}
# The API (esep/api/tests/test_robustness_api.py walks it); Django's admin (its own login); media; the
# operations endpoints for load balancers and monitoring (esep/ops/tests/test_health_metrics.py).
OTHER_PREFIXES = ("api/v1/", "admin/", "media/", "healthz", "readyz", "metrics")


def _walk(resolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _routes() -> set[str]:
    return {re.sub(r"^(kk|ru|en)/", "<lang>/", route) for route in _walk(get_resolver())}


STAFF = sorted(r for r in _routes() if r.startswith("<lang>/staff/"))


def test_every_address_is_in_the_inventory():
    unknown = sorted(r for r in _routes() if r not in PUBLIC and r not in STAFF and not r.startswith(OTHER_PREFIXES))
    assert not unknown, f"new public addresses without a row in the inventory: {unknown}"


@pytest.fixture(scope="module")
def w(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        data = audit.world()
        yield data
        transaction.set_rollback(True)


def _fill(route: str, w, lang: str = "kk") -> str:
    """A real address for a route: ids of the small world in place of every converter."""
    values = {
        "<int:pk>": str(w["held"].pk),
        "<int:meeting_pk>": str(w["held"].pk),
        "<str:action>": "approve",
        "<slug:action>": "take",
        "<str:lang>": "kk",
    }
    url = "/" + route.replace("<lang>", lang)
    for key, value in values.items():
        url = url.replace(key, value)
    return url


@pytest.mark.parametrize("route", STAFF)
def test_staff_pages_send_anonymous_visitors_to_the_login(route, w):
    before = audit.rows()
    client = Client()
    for method in ("get", "post"):
        response = getattr(client, method)(_fill(route, w))
        assert response.status_code == 302, (method, route)
        assert response["Location"].startswith("/kk/accounts/login/"), route
    assert audit.rows() == before


# name -> (a good address, an address with an unknown code or token, the msgid the 404 says, methods taken)
def _public(w) -> dict[str, tuple]:
    m, body, p = w["meeting"], w["body"], w["precinct"]
    gone = "ZZZZZZZZZZ"
    return {
        "home": ("/{l}/", None, None, "GET HEAD"),
        "territory": (f"/{{l}}/t/{w['district'].kato}/", "/{l}/t/999999999/", "No such place.", "GET HEAD"),
        "meetings": ("/{l}/meetings/", None, None, "GET HEAD"),
        "atom": ("/{l}/meetings/feed.atom", None, None, "GET HEAD"),
        "seal_heads": ("/{l}/seal/", f"/{{l}}/seal/?body=no-such-{gone}", "No such police body.", "GET HEAD"),
        "seal_heads_atom": ("/{l}/seal/feed.atom", None, None, "GET HEAD"),
        "meeting": (f"/{{l}}/meetings/{m.code}/", f"/{{l}}/meetings/{gone}/", "No such meeting.", "GET HEAD"),
        "meeting_ics": (
            f"/{{l}}/meetings/{m.code}/calendar.ics",
            f"/{{l}}/meetings/{gone}/calendar.ics",
            "No such meeting.",
            "GET HEAD",
        ),
        "meeting_poster": (None, f"/{{l}}/meetings/{gone}/poster.pdf", "No such meeting.", "GET HEAD"),
        "ask": (f"/{{l}}/meetings/{m.code}/ask/", f"/{{l}}/meetings/{gone}/ask/", "No such meeting.", "GET POST"),
        "question_status": ("/{l}/questions/status/", None, None, "GET POST"),
        "rate": (
            f"/{{l}}/meetings/{w['held'].code}/rate/",
            f"/{{l}}/meetings/{gone}/rate/",
            "No such meeting.",
            "GET POST",
        ),
        "body": (f"/{{l}}/p/{body.slug}/", "/{l}/p/no-such-body/", "No such police body.", "GET HEAD"),
        "body_ics": (
            f"/{{l}}/p/{body.slug}/calendar.ics",
            "/{l}/p/nope/calendar.ics",
            "No such police body.",
            "GET HEAD",
        ),
        "precinct": (
            f"/{{l}}/p/{body.slug}/{p.number}/",
            f"/{{l}}/p/{body.slug}/999/",
            "No such precinct.",
            "GET HEAD",
        ),
        "precinct_ics": (
            f"/{{l}}/p/{body.slug}/{p.number}/calendar.ics",
            f"/{{l}}/p/{body.slug}/999/calendar.ics",
            "No such precinct.",
            "GET HEAD",
        ),
        "precinct_poster": (None, f"/{{l}}/p/{body.slug}/999/poster.pdf", "No such precinct.", "GET HEAD"),
        "precinct_ask": (
            f"/{{l}}/p/{body.slug}/{p.number}/ask/",
            f"/{{l}}/p/{body.slug}/999/ask/",
            "No such precinct.",
            "GET HEAD",
        ),
        "invitation": (
            f"/{{l}}/m/invitation/{w['invitation'].token}/",
            "/{l}/m/invitation/not-a-token/",
            "This invitation link is not valid. Check that the whole link from the letter was opened.",
            "GET POST",
        ),
        "register": (
            f"/{{l}}/m/{m.code}/register",
            f"/{{l}}/m/{gone}/register",
            "No such meeting.",
            "GET POST",
        ),
        "appeal_lookup": ("/{l}/appeals/", None, None, "GET HEAD"),
        "agency_reply": (
            f"/{{l}}/appeals/reply/{w['forward'].token}/",
            "/{l}/appeals/reply/not-a-token/",
            "This link is not valid",
            "GET POST",
        ),
        "withdraw_consent": ("/{l}/appeals/consent/withdraw/", None, None, "GET POST"),
        # The old status page redirects to the one tracking page (track_code), which answers for every code.
        "appeal_status": (f"/{{l}}/appeals/{w['own_appeal'].code}/", None, None, "GET HEAD"),
        "track": ("/{l}/track/", None, None, "GET HEAD"),
        "track_code": (
            f"/{{l}}/track/{w['own_appeal'].code}/",
            "/{l}/track/ZZZZZZZZZZ/",
            "No question or appeal has this code.",
            "GET HEAD",
        ),
        "minutes_pdf": (None, f"/{{l}}/meetings/{gone}/minutes-kk.pdf", "No such meeting.", "GET HEAD"),
        "body_atom": (f"/{{l}}/p/{body.slug}/feed.atom", "/{l}/p/nope/feed.atom", "No such police body.", "GET HEAD"),
        "precinct_atom": (
            f"/{{l}}/p/{body.slug}/{p.number}/feed.atom",
            f"/{{l}}/p/{body.slug}/999/feed.atom",
            "No such precinct.",
            "GET HEAD",
        ),
        "precinct_question": (
            f"/{{l}}/p/{body.slug}/{p.number}/question/",
            f"/{{l}}/p/{body.slug}/999/question/",
            "No such precinct.",
            "GET POST",
        ),
        "follow_confirm": (None, "/{l}/follow/confirm/not-a-token/", "This link is not valid", "GET HEAD"),
        "follow_unsubscribe": (None, "/{l}/follow/stop/not-a-token/", "This link is not valid", "GET POST"),
        "follow_precinct": (
            f"/{{l}}/follow/p/{body.slug}/{p.number}/",
            f"/{{l}}/follow/p/{body.slug}/999/",
            "Nothing to follow here.",
            "GET POST",
        ),
        "follow_body": (
            f"/{{l}}/follow/body/{body.slug}/",
            "/{l}/follow/body/nope/",
            "Nothing to follow here.",
            "GET POST",
        ),
        "follow_region": (
            f"/{{l}}/follow/region/{w['district'].kato[:2]}0000000/",
            "/{l}/follow/region/999999999/",
            "Nothing to follow here.",
            "GET POST",
        ),
        "fixed": (None, "/{l}/fixed/not-a-token/", "This link is not valid.", "GET POST"),
        "evaluation_criteria": ("/{l}/evaluation/criteria/", None, None, "GET HEAD"),
        "evaluation_criteria_region": (
            f"/{{l}}/evaluation/criteria/{w['district'].kato[:2]}0000000/",
            "/{l}/evaluation/criteria/999999999/",
            "No such region.",
            "GET HEAD",
        ),
        "login": ("/{l}/accounts/login/", None, None, "GET POST"),
        # A published report is not part of the small world: its pages are tested in esep/reports/tests.
        "report": (None, f"/{{l}}/reports/{gone}/", "No such meeting.", "GET HEAD"),
        "report_pdf": (None, f"/{{l}}/reports/{gone}/report-kk.pdf", "No such meeting.", "GET HEAD"),
        "report_slides": (None, f"/{{l}}/reports/{gone}/slides-ru.pdf", "No such meeting.", "GET HEAD"),
    }


PUBLIC_NAMES = sorted(set(PUBLIC.values()) - {"logout", "set_language"})


def test_the_table_covers_every_public_page(w):
    assert set(_public(w)) == set(PUBLIC_NAMES)


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_public_pages_answer_in_each_language_without_storing_anything(name, lang, w):
    good = _public(w)[name][0]
    if good is None:  # posters: typesetting is tested in announcements; here only the 404
        return
    before = audit.rows()
    response = Client().get(good.format(l=lang))
    assert response.status_code in {200, 302}, name
    if response["Content-Type"].startswith("text/html") and response.status_code == 200:
        assert f'lang="{lang}"' in response.content.decode()
    assert audit.changed(before, audit.rows()) == {}


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize("name", [n for n in PUBLIC_NAMES if n not in {"home", "meetings", "atom"}])
def test_an_unknown_code_or_token_is_a_404_in_the_page_language(name, lang, w):
    _good, bad, msgid, _methods = _public(w)[name]
    if bad is None:
        return
    before = audit.rows()
    response = Client().get(bad.format(l=lang))
    assert response.status_code == 404, name
    assert audit.says(response, msgid, lang), (name, lang, audit.text_of(response)[-600:])
    assert audit.rows() == before


def test_a_wrong_code_and_a_malformed_one_get_the_same_answer(w):
    """Nothing tells a guesser that a code had the right shape."""
    client = Client()
    well_formed = client.get("/ru/track/ZZZZZZZZZZ/")
    malformed = client.get("/ru/track/zz/")
    assert well_formed.status_code == malformed.status_code == 404
    assert audit.text_of(well_formed).replace("ZZZZZZZZZZ", "#") == audit.text_of(malformed).replace("zz", "#")


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_a_method_the_page_does_not_take_is_a_405_with_a_message(name, lang, w):
    good, bad, _msgid, methods = _public(w)[name]
    url = (good or bad).format(l=lang)
    before = audit.rows()
    client = Client()
    for method in ("post", "put", "delete", "patch"):
        if method.upper() in methods.split():
            continue
        response = getattr(client, method)(url, "x=1", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 405, (name, method)
        assert audit.says(response, "This action is not possible here", lang), (name, method)
    assert audit.rows() == before


GARBAGE = {
    "nul-in-query": ("?q=%00&code=%00&date_from=2024-01-01%00", 400),
    "nul-in-path": ("/ru/%00", 400),
    "not-utf8": ("?q=%ff%fe%c3%28&region=%ff&code=%ff", None),
    "very-long": ("?q=" + "ә" * 10_000 + "&page=" + "9" * 500 + "&region=" + "1" * 2000, None),
}


@pytest.mark.parametrize("variant", sorted(GARBAGE))
@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_garbage_in_the_address_is_never_a_server_error(name, variant, w):
    good, bad, _msgid, _methods = _public(w)[name]
    url = (good or bad).format(l="ru")
    suffix, expected = GARBAGE[variant]
    url = url + suffix if suffix.startswith("?") else url.replace("/ru/", suffix, 1)
    before = audit.rows()
    response = Client().get(url)
    assert response.status_code < 500, (name, variant)
    if expected:
        assert response.status_code == expected, (name, variant)
        assert audit.says(response, "The request could not be understood", "ru")
    assert audit.rows() == before


def _post_forms(w) -> dict[str, tuple[str, dict]]:
    return {
        "ask": (f"/{{l}}/meetings/{w['meeting'].code}/ask/", {"text": "Аулада жарық жоқ, не істейсіз?"}),
        "question_status": ("/{l}/questions/status/", {"code": w["submitted"].tracking_code}),
        "precinct_question": (
            f"/{{l}}/p/{w['body'].slug}/{w['precinct'].number}/question/",
            {"text": "Аулада жарық жоқ, не істейсіз?"},
        ),
        "follow_precinct": (f"/{{l}}/follow/p/{w['body'].slug}/{w['precinct'].number}/", {"email": "a@example.kz"}),
        "rate": (f"/{{l}}/meetings/{w['held'].code}/rate/", {"score": "4"}),
        "invitation": (f"/{{l}}/m/invitation/{w['invitation'].token}/", {"answer": "accept"}),
        "register": (f"/{{l}}/m/{w['meeting'].code}/register", {"full_name": "Сейітов Арман", "residence": "Ботақара"}),
        "agency_reply": (f"/{{l}}/appeals/reply/{w['forward'].token}/", {"text": "Жөнделді", "name": "Басшы"}),
        "withdraw_consent": ("/{l}/appeals/consent/withdraw/", {"code": w["own_appeal"].code, "confirm": "on"}),
        "login": ("/{l}/accounts/login/", {"username": "x", "password": "y"}),
        "logout": ("/{l}/accounts/logout/", {}),
        "set_language": ("/i18n/setlang/?l={l}", {"language": "ru", "next": "/ru/"}),
    }


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize(
    "name",
    [
        "ask",
        "rate",
        "question_status",
        "invitation",
        "register",
        "agency_reply",
        "withdraw_consent",
        "login",
        "logout",
        "precinct_question",
        "follow_precinct",
    ],
)
def test_a_form_sent_without_its_csrf_token_is_refused_in_the_page_language(name, lang, w):
    url, data = _post_forms(w)[name]
    before = audit.rows()
    response = Client(enforce_csrf_checks=True).post(url.format(l=lang), data)
    assert response.status_code == 403, name
    assert audit.says(response, "The form has expired", lang), name
    assert audit.rows() == before
