"""The evaluation's pages: who sees the scores (the chief of the body, oversight; never the inspectors rated),
who sets the criteria (the public council of that region only), what residents see (the criteria and their
history, never the scores), and the number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse as django_reverse
from django.utils import translation

from esep.accounts.models import Role
from esep.evaluation import services
from esep.evaluation.models import CriteriaSet, Indicator
from esep.evaluation.tests import world as w
from esep.evaluation.tests.test_scores import V1, V2
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

SCORES = "evaluation_staff:scores"


def reverse(name: str, args=None) -> str:
    """Pages in English, so that the tests read the messages (Kazakh is the default language)."""
    with translation.override("en"):
        return django_reverse(name, args=args)


@pytest.fixture
def world():
    with time_machine.travel(w.TODAY, tick=False):
        yield w.build()


def _scores(client, user, **params):
    client.force_login(user)
    params = {"year": w.YEAR, "quarter": w.QUARTER, **params}
    return client.get(reverse(SCORES), params)


def _form(weights: dict, valid_from: str = "2026-01-01", note: str = "Кеңес шешімі №4") -> dict:
    data = {"valid_from": valid_from, "note": note}
    for indicator, (weight, minimum) in weights.items():
        data[f"weight_{indicator}"] = str(weight)
        data[f"min_{indicator}"] = str(minimum)
    return data


def _criteria_url(body) -> str:
    return reverse("evaluation_staff:criteria_region", args=[body.pk])


# --- the scores ----------------------------------------------------------------------------------------------------


def test_the_chief_sees_the_ranking_and_who_is_not_compared(client, world):
    with time_machine.travel(w.TODAY, tick=False):
        services.criteria_set_create(
            body=world["region"], criteria={**V2, Indicator.RATING: (3, 5)}, valid_from=dt.date(2026, 1, 1),
            actor=world["council"],
        )  # fmt: skip
        response = _scores(client, world["chief"])
    assert response.status_code == 200
    html = response.content.decode()
    ranked, unranked = html.split('id="ranked"')[1].split('id="unranked"')
    assert world["o1"].full_name in ranked
    assert world["o2"].full_name not in ranked  # two ratings: never ranked
    assert world["o2"].full_name in unranked
    assert "n=2" in unranked  # the count is shown, with the minimum
    assert "95" in unranked  # and the interval


def test_no_ranking_is_shown_under_the_national_minimum(client, world):
    with time_machine.travel(w.TODAY, tick=False):
        response = _scores(client, world["chief"], level="precinct")
    html = response.content.decode()
    ranked = html.split('id="ranked"')[1].split('id="unranked"')[0]
    assert "<td>1</td>" not in ranked
    assert "National default criteria" in html


@pytest.mark.parametrize("who", ["chief", "oversight", "region_chief"])
def test_the_leadership_and_oversight_evaluate_their_area(client, world, who):
    with time_machine.travel(w.TODAY, tick=False):
        response = _scores(client, world[who], body=world["district"].pk)
    assert response.status_code == 200
    assert world["o1"].full_name in response.content.decode()


@pytest.mark.parametrize("who", ["inspector", "staff_unit", "council"])
def test_those_rated_and_the_others_may_not_see_the_scores(client, world, who):
    with time_machine.travel(w.TODAY, tick=False):
        assert _scores(client, world[who]).status_code == 403


def test_another_bodys_evaluation_is_not_found(client, world):
    with time_machine.travel(w.TODAY, tick=False):
        assert _scores(client, world["other_chief"], body=world["district"].pk).status_code == 404
        assert _scores(client, world["chief"], body=world["other"].pk).status_code == 404
        assert _scores(client, world["chief"], body=world["region"].pk).status_code == 404  # above the chief
        assert _scores(client, world["chief"], body="x").status_code == 404


def test_oversight_of_the_country_chooses_a_region_first(client, world):
    with time_machine.travel(w.TODAY, tick=False):
        response = _scores(client, world["oversight"])
    assert response.status_code == 200
    html = response.content.decode()
    assert world["region"].name in html and world["other_region"].name in html
    assert world["o1"].full_name not in html


def test_anonymous_users_are_sent_to_the_login(client, world):
    response = client.get(reverse(SCORES))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_menu_shows_the_evaluation_to_the_chief_and_the_criteria_to_the_council(world):
    from esep.core.staff import staff_menu

    scores, criteria = django_reverse(SCORES), django_reverse("evaluation_staff:criteria")
    chief = [url for _label, url in staff_menu(world["chief"])]
    council = [url for _label, url in staff_menu(world["council"])]
    inspector = [url for _label, url in staff_menu(world["inspector"])]
    assert scores in chief and criteria not in chief
    assert criteria in council and scores not in council
    assert scores not in inspector and criteria not in inspector


def test_the_page_reads_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["chief"])
    url = reverse(SCORES)
    params = {"year": w.YEAR, "quarter": w.QUARTER, "level": "inspector"}
    with time_machine.travel(w.TODAY, tick=False):
        client.get(url, params)  # the session and the menu warmed up
        with django_assert_max_num_queries(20):
            client.get(url, params)
        # Ten more precincts, reports and ratings: the same number of queries.
        for _ in range(10):
            officer, precinct = f.inspector_with_precinct(world["district"])
            w._report(officer, precinct, 14, signed=True, scores=[4, 5])
        with django_assert_max_num_queries(20):
            response = client.get(url, params)
    assert response.content.decode().count("<tr>") >= 12


# --- the criteria ----------------------------------------------------------------------------------------------


def test_the_council_of_the_region_sets_a_new_version(client, world):
    client.force_login(world["council"])
    with time_machine.travel(w.TODAY, tick=False):
        assert client.get(reverse("evaluation_staff:criteria")).url == _criteria_url(world["region"])
        page = client.get(_criteria_url(world["region"]))
        assert page.status_code == 200 and b"Save a new version" in page.content
        response = client.post(_criteria_url(world["region"]), _form(V1))
        assert response.status_code == 302
        client.post(_criteria_url(world["region"]), _form(V2, valid_from="2026-02-01"))
        history = client.get(_criteria_url(world["region"])).content.decode()
    sets = list(CriteriaSet.objects.order_by("version"))
    assert [s.version for s in sets] == [1, 2]
    assert sets[0].set_by == world["council"] and sets[0].note == "Кеңес шешімі №4"
    assert 'id="version-1"' in history and 'id="version-2"' in history
    assert world["council"].get_full_name() in history  # who set it, in the back office


@pytest.mark.parametrize("who", ["other_council", "district_council", "chief", "other_chief"])
def test_no_one_else_reaches_the_regions_criteria_form(client, world, who):
    """A council of another region or of a district, and a police body below the region: 404."""
    client.force_login(world[who])
    with time_machine.travel(w.TODAY, tick=False):
        assert client.get(_criteria_url(world["region"])).status_code == 404
        assert client.post(_criteria_url(world["region"]), _form(V1)).status_code == 404
    assert not CriteriaSet.objects.exists()


@pytest.mark.parametrize("who", ["oversight", "region_chief"])
def test_read_only_roles_see_the_criteria_but_may_not_set_them(client, world, who):
    client.force_login(world[who])
    with time_machine.travel(w.TODAY, tick=False):
        page = client.get(_criteria_url(world["region"]))
        assert page.status_code == 200 and b"Save a new version" not in page.content
        assert client.post(_criteria_url(world["region"]), _form(V1)).status_code == 403
    assert not CriteriaSet.objects.exists()


def test_the_service_asks_the_permission_itself(world):
    from django.core.exceptions import PermissionDenied

    for who in ("oversight", "region_chief", "other_council", "district_council"):
        with pytest.raises(PermissionDenied):
            services.criteria_set_create(
                body=world["region"], criteria=V1, valid_from=dt.date(2026, 1, 1), actor=world[who]
            )
    # A district council may act on its district's body, but criteria are a region's.
    with pytest.raises(services.CriteriaError):
        services.criteria_set_create(
            body=world["district"], criteria=V1, valid_from=dt.date(2026, 1, 1), actor=world["district_council"]
        )
    assert not CriteriaSet.objects.exists()


@pytest.mark.parametrize(
    ("case", "data", "message"),
    [
        ("negative weight", _form({**V1, Indicator.RATING: (-1, 1)}), "greater than or equal to 0"),
        ("all weights zero", _form(dict.fromkeys(V1, (0, 1))), "At least one indicator must have a weight above zero"),
        ("no date", {**_form(V1), "valid_from": ""}, "This field is required"),
    ],
)
def test_a_bad_form_says_why_and_stores_nothing(client, world, case, data, message):
    client.force_login(world["council"])
    with time_machine.travel(w.TODAY, tick=False):
        response = client.post(_criteria_url(world["region"]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CriteriaSet.objects.exists()


def test_a_bad_form_is_answered_in_kazakh(client, world):
    client.force_login(world["council"])
    url = reverse("evaluation_staff:criteria_region", args=[world["region"].pk]).replace("/en/", "/kk/", 1)
    with time_machine.travel(w.TODAY, tick=False):
        response = client.post(url, _form(dict.fromkeys(V1, (0, 1))))
    assert response.status_code == 400
    assert "At least one indicator" not in response.content.decode()


# --- residents --------------------------------------------------------------------------------------------------


def test_residents_see_the_criteria_and_their_history_but_not_the_scores(client, world):
    with time_machine.travel(w.TODAY, tick=False):
        services.criteria_set_create(
            body=world["region"], criteria=V1, valid_from=dt.date(2026, 1, 1), actor=world["council"]
        )
        services.criteria_set_create(
            body=world["region"], criteria=V2, valid_from=dt.date(2026, 2, 1), actor=world["council"]
        )
        index = client.get(reverse("evaluation_public:criteria"))
        region = client.get(reverse("evaluation_public:criteria_region", args=[world["region"].territory.kato]))
        other = client.get(reverse("evaluation_public:criteria_region", args=[world["other_region"].territory.kato]))
        missing = client.get(reverse("evaluation_public:criteria_region", args=["999999999"]))
    assert index.status_code == 200 and region.status_code == 200
    html = region.content.decode()
    assert 'id="version-1"' in html and 'id="version-2"' in html
    assert world["council"].get_full_name() not in html  # the council's decision, not a person's name
    assert world["o1"].full_name not in html
    assert "national default" in other.content.decode().lower()
    assert missing.status_code == 404


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_public_page_exists_in_every_language_and_is_linked_from_every_page(client, world, lang):
    response = client.get(f"/{lang}/evaluation/criteria/")
    assert response.status_code == 200
    home = client.get(f"/{lang}/")
    assert f'href="/{lang}/evaluation/criteria/"' in home.content.decode()


def test_the_staff_role_table_names_the_roles():
    from esep.accounts.permissions import Action, policies

    table = policies()["police.policebody"].actions
    assert table[Action.EVALUATE] == {Role.CHIEF, Role.OVERSIGHT}
    assert table[Action.SET_CRITERIA] == {Role.PUBLIC_COUNCIL}
