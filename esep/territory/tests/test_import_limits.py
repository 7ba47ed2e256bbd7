"""Issue 14 item 5: import-kato refuses names longer than the database keeps, and names the line of a byte
that is not UTF-8 (not line 1)."""

from __future__ import annotations

import pytest

from esep.territory import importers
from esep.territory.models import Territory

pytestmark = pytest.mark.django_db

HEADER = "kato,kato_version,level,type_code,name_ru,name_kk\n"
ROWS = [
    "100000000,v,oblast,0,область Абай,Абай облысы\n",
    "101000000,v,district,1,Семей,Семей\n",
    "102000000,v,district,1,Аягоз,Аягөз\n",
]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param(
            "103000000,v,district,1," + "Я" * 100_000 + ",Ақсуат\n", "line 5: name_ru is 100000", id="name-100k"
        ),
        pytest.param("103000000,v,district,1,Аксуат," + "Қ" * 301 + "\n", "line 5: name_kk is 301", id="name-kk-301"),
        pytest.param("103000000," + "v" * 41 + ",district,1,Аксуат,Ақсуат\n", "line 5: kato_version", id="version-41"),
    ],
)
def test_a_name_longer_than_the_database_keeps_is_refused_at_its_line(tmp_path, row, message):
    path = tmp_path / "kato.csv"
    path.write_text(HEADER + "".join(ROWS) + row, encoding="utf-8")
    with pytest.raises(importers.ImportRefused, match=message):
        importers.import_kato(path)
    assert not Territory.objects.filter(kato="103000000").exists()


def test_a_name_of_exactly_the_limit_is_loaded(tmp_path):
    path = tmp_path / "kato.csv"
    path.write_text(HEADER + "".join(ROWS) + "103000000,v,district,1,Аксуат," + "Қ" * 300 + "\n", encoding="utf-8")
    importers.import_kato(path)
    assert len(Territory.objects.get(kato="103000000").name_kk) == 300


@pytest.mark.parametrize("line", [2, 4, 900])
def test_a_byte_that_is_not_utf8_is_reported_on_its_own_line(tmp_path, line):
    # The whole file is checked before any row is read, so the rows need not be distinct here.
    body = [ROWS[1].encode()] * 1000
    body[line - 2] = "103000000,v,district,1,Аксуат,Аксуат\n".encode("cp1251")
    path = tmp_path / "kato.csv"
    path.write_bytes(HEADER.encode() + b"".join(body))
    with pytest.raises(importers.ImportRefused, match=rf": line {line}: byte 0x[0-9a-f]{{2}} is not UTF-8"):
        importers.import_kato(path)
