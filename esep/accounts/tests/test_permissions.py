"""Who may see and change what: one place decides (esep.accounts.permissions), every staff query obeys it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from esep.accounts.models import Role
from esep.accounts.permissions import Action, can, restrict
from esep.police.models import Precinct
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_bodies():
    region = f.region_body(f.region(35))
    body_a = f.body(terr=f.district(region.territory, 10), parent=region)
    body_b = f.body(terr=f.district(region.territory, 20), parent=region)
    return region, body_a, body_b


def test_an_inspector_sees_only_their_own_bodys_records(two_bodies):
    _region, body_a, body_b = two_bodies
    own, other = f.precinct(body_a), f.precinct(body_b)
    inspector = f.staff(Role.INSPECTOR, body_a)
    visible = restrict(Precinct.objects.all(), inspector, Action.VIEW)
    assert list(visible) == [own]
    # Only the staff unit keeps the registry (Order 608 p.18): an inspector reads their precinct, never edits it.
    assert not can(inspector, Action.CHANGE, own)
    assert can(f.staff(Role.STAFF_UNIT, body_a), Action.CHANGE, own)
    assert not can(inspector, Action.VIEW, other)
    assert not can(inspector, Action.CHANGE, other)


def test_a_regional_staff_unit_sees_every_district_below_it(two_bodies):
    region, body_a, body_b = two_bodies
    a, b = f.precinct(body_a), f.precinct(body_b)
    elsewhere = f.precinct(f.body(terr=f.district(f.region(10), 30)))
    staff = f.staff(Role.STAFF_UNIT, region)
    assert set(restrict(Precinct.objects.all(), staff)) == {a, b}
    assert not can(staff, Action.VIEW, elsewhere)


def test_oversight_reads_everything_and_changes_nothing(two_bodies):
    _, body_a, _ = two_bodies
    precinct = f.precinct(body_a)
    prosecutor = f.user(Role.OVERSIGHT)
    assert can(prosecutor, Action.VIEW, precinct)
    assert not can(prosecutor, Action.CHANGE, precinct)


def test_an_akimat_sees_the_bodies_on_its_territory_only(two_bodies):
    _, body_a, body_b = two_bodies
    a, b = f.precinct(body_a), f.precinct(body_b)
    akimat = f.user(Role.AKIMAT, terr=body_a.territory)
    assert list(restrict(Precinct.objects.all(), akimat)) == [a]
    assert not can(akimat, Action.CHANGE, a)
    assert not can(akimat, Action.VIEW, b)


def test_anonymous_and_roleless_users_get_nothing(two_bodies, client):
    _, body_a, _ = two_bodies
    f.precinct(body_a)
    from django.contrib.auth.models import AnonymousUser

    assert not restrict(Precinct.objects.all(), AnonymousUser()).exists()
    assert not restrict(Precinct.objects.all(), f.user()).exists()


# --- the same rules through the pages and the API -------------------------------------------------------


def test_staff_pages_of_another_body_are_not_found_and_cannot_be_changed(two_bodies, client):
    _, body_a, body_b = two_bodies
    other = f.precinct(body_b, name_ru="Чужой участок")
    client.force_login(f.staff(Role.INSPECTOR, body_a))
    assert client.get(reverse("backoffice:precinct_detail", args=[other.pk])).status_code == 404
    response = client.post(reverse("backoffice:precinct_edit", args=[other.pk]), {"name_kk": "x", "name_ru": "y"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.name_ru == "Чужой участок"
    listing = client.get(reverse("backoffice:precinct_list"))
    assert "Чужой участок" not in listing.content.decode()


def test_an_inspector_cannot_edit_the_registry_but_the_staff_unit_can(two_bodies, client):
    _, body_a, _ = two_bodies
    own = f.precinct(body_a, name_ru="Участок 3")
    client.force_login(f.staff(Role.INSPECTOR, body_a))
    refused = client.post(
        reverse("backoffice:precinct_edit", args=[own.pk]), {"name_kk": "x", "name_ru": "y", "description_ru": ""}
    )
    assert refused.status_code == 403
    own.refresh_from_db()
    assert own.name_ru == "Участок 3"
    client.force_login(f.staff(Role.STAFF_UNIT, body_a))
    response = client.post(
        reverse("backoffice:precinct_edit", args=[own.pk]),
        {"name_kk": "Жаңа атау", "name_ru": "Новое название", "description_ru": "ул. Абая 1–99"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.name_kk, own.description_ru) == ("Жаңа атау", "ул. Абая 1–99")


def test_oversight_can_open_but_not_edit(two_bodies, client):
    _, body_a, _ = two_bodies
    precinct = f.precinct(body_a, name_ru="Участок 7")
    client.force_login(f.user(Role.OVERSIGHT))
    assert client.get(reverse("backoffice:precinct_detail", args=[precinct.pk])).status_code == 200
    response = client.post(reverse("backoffice:precinct_edit", args=[precinct.pk]), {"name_kk": "x", "name_ru": "y"})
    assert response.status_code == 403
    precinct.refresh_from_db()
    assert precinct.name_ru == "Участок 7"


def test_anonymous_users_are_sent_to_login_and_the_api_refuses_them(two_bodies, client):
    _, body_a, _ = two_bodies
    precinct = f.precinct(body_a)
    response = client.get(reverse("backoffice:precinct_detail", args=[precinct.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    api = client.get("/api/v1/precincts/")
    assert api.status_code in (401, 403)
    assert "error" in api.json()
    # Public reference data stays open.
    assert client.get("/api/v1/territories/").status_code == 200


def test_the_api_lists_only_the_users_scope(two_bodies, client):
    _, body_a, body_b = two_bodies
    own, other = f.precinct(body_a), f.precinct(body_b)
    client.force_login(f.staff(Role.INSPECTOR, body_a))
    ids = [row["id"] for row in client.get("/api/v1/precincts/").json()["results"]]
    assert ids == [own.pk]
    assert client.get(f"/api/v1/precincts/{other.pk}/").status_code == 404


def test_a_user_without_a_role_cannot_enter_the_back_office(client):
    client.force_login(f.user())
    assert client.get(reverse("backoffice:dashboard")).status_code == 403
