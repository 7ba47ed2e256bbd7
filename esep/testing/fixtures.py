"""Heavy fixtures shared by packages: import them into a package's conftest.py."""

import pytest
from django.db import transaction

from esep.territory import importers


@pytest.fixture(scope="package")
def country(django_db_setup, django_db_blocker):
    """The whole shipped territory (KATO, boundaries, places), loaded once for the package and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        results = {
            "kato": importers.import_kato(),
            "boundaries": importers.import_boundaries(),
            "places": importers.import_places(),
        }
        yield results
        transaction.set_rollback(True)


@pytest.fixture(scope="package")
def demo_country(country, django_db_blocker):
    """The territory plus the default demo (police bodies, precincts, officers, meetings), rolled back after."""
    from esep.demo.generator import Generator

    with django_db_blocker.unblock(), transaction.atomic():
        stats = Generator("default").run()
        yield stats
        transaction.set_rollback(True)
