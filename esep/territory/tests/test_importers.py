"""The KATO import: all 15,594 objects, idempotent, changed rows updated, bad files refused whole."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from esep.territory import importers
from esep.territory.models import Boundary, DataSource, Level, Place, Territory

pytestmark = pytest.mark.django_db


def test_full_kato_loads_every_object_with_hierarchy_and_both_languages(country):
    assert country["kato"].created == 15_594
    assert Territory.objects.count() == 15_594
    assert Territory.objects.filter(level=Level.OBLAST).count() == 20
    karaganda_city = Territory.objects.get(kato="351010000")
    assert (karaganda_city.name_kk, karaganda_city.name_ru) == ("Қарағанды қ.", "г.Караганда")
    assert [a.kato for a in karaganda_city.ancestors()] == ["350000000", "351000000"]
    # Every object but the regions has a parent, and each parent's code is a prefix of the child's.
    orphans = Territory.objects.filter(parent__isnull=True).exclude(level=Level.OBLAST)
    assert not orphans.exists()
    assert DataSource.objects.get(key="kato").rows == 15_594


def test_rerunning_the_import_changes_nothing(country):
    again = importers.import_kato()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 15_594)


def test_a_changed_row_is_updated(country, tmp_path):
    source = importers.data_path("kato", "kato.csv").read_text(encoding="utf-8")
    changed = source.replace("351010000,NK RK 11-2025,sub_district,1,г.Караганда,Қарағанды қ.",
                             "351010000,NK RK 11-2025,sub_district,1,г.Караганда,Қарағанды қаласы")  # fmt: skip
    path = tmp_path / "kato.csv"
    path.write_text(changed, encoding="utf-8")
    result = importers.import_kato(path)
    assert (result.created, result.updated) == (0, 1)
    assert Territory.objects.get(kato="351010000").name_kk == "Қарағанды қаласы"


HEADER = "kato,kato_version,level,type_code,name_ru,name_kk\n"
GOOD = "100000000,v,oblast,0,область Абай,Абай облысы (өзгерген)\n"  # would change a stored row


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("", "line 1: the file is empty", id="empty-file"),
        pytest.param("code,name\n" + GOOD, "line 1: expected columns", id="wrong-header"),
        pytest.param(HEADER + GOOD + "10100000,v,district,1,Семей,Семей\n", "line 3: KATO code", id="short-code"),
        pytest.param(HEADER + GOOD + GOOD, "line 3: KATO code 100000000 appears twice", id="duplicate-code"),
        pytest.param(HEADER + GOOD + "101000000,v,county,1,Семей,Семей\n", "line 3: unknown level", id="bad-level"),
        pytest.param(HEADER + GOOD + "101000000,v,district,x,Семей,Семей\n", "line 3: type_code", id="bad-type"),
        pytest.param(HEADER + GOOD + "101000000,v,district,1,,\n", "line 3: the object has no name", id="no-name"),
        pytest.param(HEADER + GOOD + "101000000,v,district\n", "line 3: expected 6 fields", id="short-row"),
        pytest.param(HEADER, "has no rows", id="header-only"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line_and_nothing_is_loaded(tmp_path, content, message):
    path = tmp_path / "kato.csv"
    path.write_text(content, encoding="utf-8")
    before = list(Territory.objects.order_by("kato").values_list("kato", "name_kk"))
    with pytest.raises(importers.ImportRefused, match=message):
        importers.import_kato(path)
    assert list(Territory.objects.order_by("kato").values_list("kato", "name_kk")) == before


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "kato.csv"
    path.write_bytes(HEADER.encode() + "100000000,v,oblast,0,область Абай,Абай облысы\n".encode("cp1251"))
    before = Territory.objects.count()
    with pytest.raises(importers.ImportRefused, match="line"):
        importers.import_kato(path)
    assert Territory.objects.count() == before


def test_the_command_refuses_a_bad_file_with_exit_code_2(tmp_path):
    path = tmp_path / "kato.csv"
    path.write_text(HEADER + "abc,v,oblast,0,x,y\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("territory", "import-kato", str(path))
    assert err.value.returncode == 2
    assert "line 2" in str(err.value)
    assert "nothing was changed" in str(err.value)


def test_boundaries_and_places_are_loaded_with_their_attribution(country):
    assert Boundary.objects.filter(admin_level=1).count() == 20
    assert Boundary.objects.filter(admin_level=2).count() == 224
    assert Place.objects.count() == 9_492
    assert DataSource.objects.get(key="geokz").licence == "CC BY 4.0"
    assert DataSource.objects.get(key="osm_places").licence == "ODbL 1.0"
    # Places lend their coordinates to KATO settlements they match by name within the district.
    assert Territory.objects.filter(level=Level.SETTLEMENT, latitude__isnull=False).count() > 4_000
    out = io.StringIO()
    call_command("territory", "import-all", stdout=out)
    assert "created 0, updated 0, unchanged 15594" in out.getvalue()
