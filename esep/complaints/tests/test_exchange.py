"""CSV import and export (docs/complaints.md): checked line by line, one transaction, idempotent."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esep.accounts.models import Role
from esep.appeals.models import Appeal
from esep.complaints.exchange import COLUMNS, import_csv
from esep.complaints.models import OfficerComplaint
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    return out.getvalue().encode()


@pytest.fixture
def setup():
    body = f.body()
    officer, precinct = f.inspector_with_precinct(body)
    return body, officer, precinct, f.staff(Role.CHIEF, body)


def _row(body, officer, precinct, **kw):
    return {
        "external_id": "EOTINISH-1",
        "received_on": "2026-03-02",
        "body": body.slug,
        "precinct": precinct.number,
        "officer_ids": str(officer.pk),
        "source": "national",
        "text": "Инспектор шақыруға келмеді.",
        "applicant_name": "Серікова Ләззат",
        **kw,
    }


@time_machine.travel(ta.almaty(2026, 3, 20), tick=False)
def test_import_is_idempotent_and_records_outcomes(setup):
    body, officer, precinct, chief = setup
    first = import_csv(_csv([_row(body, officer, precinct)]), chief)
    assert (first.created, first.errors) == (1, [])
    again = import_csv(_csv([_row(body, officer, precinct)]), chief)
    assert (again.created, again.unchanged) == (0, 1)
    assert OfficerComplaint.objects.count() == 1
    decided = _row(
        body,
        officer,
        precinct,
        outcome="confirmed",
        measures="disciplinary",
        decision_number="5",
        decision_date="2026-03-18",
    )
    result = import_csv(_csv([decided]), chief)
    assert (result.created, result.decided) == (0, 1)
    c = OfficerComplaint.objects.get()
    assert (c.outcome, c.decision_number, c.source, c.external_id) == ("confirmed", "5", "national", "EOTINISH-1")
    assert list(c.officers.all()) == [officer] and c.precinct == precinct


@time_machine.travel(ta.almaty(2026, 3, 20), tick=False)
def test_import_errors_name_lines_and_write_nothing(setup):
    body, officer, precinct, chief = setup
    rows = [
        _row(body, officer, precinct, external_id="A"),
        _row(body, officer, precinct, external_id="B", officer_ids="999999"),
        _row(body, officer, precinct, external_id="C", received_on="2026-13-01"),
        _row(body, officer, precinct, external_id="D", outcome="not_confirmed", measures="none"),
    ]
    result = import_csv(_csv(rows), chief)
    lines = sorted({line for line, _ in result.errors})
    assert lines == [3, 4, 5]
    assert OfficerComplaint.objects.count() == 0 and Appeal.objects.count() == 0


@time_machine.travel(ta.almaty(2026, 3, 20), tick=False)
def test_import_page_and_export_round_trip(client, setup):
    body, officer, precinct, chief = setup
    client.force_login(chief)
    upload = SimpleUploadedFile("c.csv", _csv([_row(body, officer, precinct)]), content_type="text/csv")
    response = client.post(reverse("complaints_staff:import"), {"file": upload})
    assert response.status_code == 302
    bad = SimpleUploadedFile("c.csv", b"external_id,text\nX,y\n", content_type="text/csv")
    response = client.post(reverse("complaints_staff:import"), {"file": bad})
    assert response.status_code == 400
    exported = client.get(reverse("complaints_staff:export")).content.decode()
    (row,) = list(csv.DictReader(io.StringIO(exported)))
    assert row["external_id"] == "EOTINISH-1" and row["officer_ids"] == str(officer.pk)
    assert row["applicant_name"] == "Серікова Ләззат"
    # Feeding the export back changes nothing.
    again = import_csv(exported.encode(), chief)
    assert (again.created, again.unchanged, again.errors) == (0, 1, [])
    # A read-only role may not import.
    client.force_login(f.user(Role.PUBLIC_COUNCIL, terr=None))
    assert client.post(reverse("complaints_staff:import"), {}).status_code == 403
