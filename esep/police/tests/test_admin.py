"""System administrators correct the registry by hand in the Django admin; saves keep body paths right."""

from __future__ import annotations

import pytest
from django.urls import reverse

from esep.police.models import PoliceBody
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    from esep.accounts.models import User

    admin = User.objects.create_superuser("root", "root@example.kz", "pass-word-123")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", ["policebody", "precinct", "officer", "assignment", "policepoint", "stateagency"])
def test_registry_lists_and_forms_open(admin_client, model):
    precinct = f.precinct()
    f.assignment(prec=precinct)
    f.agency()
    assert admin_client.get(reverse(f"admin:police_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:police_{model}_add")).status_code == 200


def test_moving_a_body_in_the_admin_moves_its_subtree(admin_client):
    region_a, region_b = f.region_body(f.region(35)), f.region_body(f.region(10))
    district = f.body(terr=f.district(region_a.territory, 11), parent=region_a)
    data = {
        "level": district.level, "territory": district.territory_id, "parent": region_b.pk, "slug": district.slug,
        "name_kk": district.name_kk, "name_ru": district.name_ru, "name_en": district.name_en,
        "address_kk": "", "address_ru": "", "phone": "", "email": "",
    }  # fmt: skip
    response = admin_client.post(reverse("admin:police_policebody_change", args=[district.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    district.refresh_from_db()
    assert district.path == f"{region_b.path}{district.pk}/"
    assert PoliceBody.objects.get(pk=district.pk).parent == region_b
