"""Oversight (issue 8 items 4-5): done only with signed minutes, percentages, what each report lacks,
the trend, findings per body and code, and the CSV/XLSX files holding the same rows as the page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
import time_machine
from openpyxl import load_workbook

from esep.accounts.models import Role
from esep.meetings.models import MeetingStatus
from esep.planning.oversight import last_quarters
from esep.protocols.models import Protocol
from esep.testing import factories as f
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db
URL = "/ru/staff/planning/"
PERIOD = {"kind": "inspector", "year": 2026, "quarter": 1}
AFTER = at(2026, 4, 15, 10)


@pytest.fixture
def region():
    """A region body with two district bodies: one precinct with signed minutes, one held but empty, one
    with nothing."""
    reg = f.region_body()
    a = f.body(parent=reg, terr=f.district(reg.territory))
    b = f.body(parent=reg, terr=f.district(reg.territory))
    off1, p1 = f.inspector_with_precinct(a)
    off2, p2 = f.inspector_with_precinct(a)
    _off3, _p3 = f.inspector_with_precinct(b)
    done = f.meeting(reporters=[(off1, p1)], starts_at=at(2026, 2, 11, 18), status=MeetingStatus.CLOSED)
    Protocol.objects.create(meeting=done, status="signed", started_at=done.starts_at, place="Мектеп")
    # Marked held, with no announcement, no minutes, no video, no registration: not done.
    f.meeting(reporters=[(off2, p2)], starts_at=at(2026, 2, 12, 18), status=MeetingStatus.HELD)
    return {"region": reg, "a": a, "b": b, "admin": f.user(Role.ADMIN)}


def _page_rows(html: str) -> list[list[str]]:
    table = html.split('id="not-reported"', 1)[1].split("</table>", 1)[0]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
        if cells and not cells[0].startswith(("Орган", "Police")):
            rows.append(cells)
    return rows


def _numbers(row: list) -> list:
    """Cells as numbers where they are numbers (the page writes 50,0 in Russian, the files 50.0 or 50)."""
    out = []
    for cell in row:
        text = str(cell).replace(",", ".")
        try:
            out.append(float(text))
        except ValueError:
            out.append(text)
    return out


def test_an_empty_held_meeting_is_not_done_and_shows_what_is_missing(client, region):
    client.force_login(region["admin"])
    with time_machine.travel(AFTER, tick=False):
        html = client.get(URL, {**PERIOD, "body": region["a"].pk, "status": "unproven"}).content.decode()
    listed = html.split('id="listed"', 1)[1].split("</table>", 1)[0]
    assert "2026-02-12" in listed and "2026-02-11" not in listed
    for code in ("notice.missing", "registration.missing", "video.missing"):
        assert code in listed


def test_percentages_on_the_page(client, region):
    client.force_login(region["admin"])
    with time_machine.travel(AFTER, tick=False):
        html = client.get(URL, {**PERIOD, "body": region["a"].pk}).content.decode()
    rows = _page_rows(html)
    # body a: 2 owed, 1 unproven, 1 on time -> 50 % not reported, 50 % done
    body_a = next(r for r in rows if r[0] == str(region["a"]))
    assert _numbers(body_a[1:]) == [2, 0, 1, 0, 1, 0, 50.0, 50.0]


@pytest.mark.parametrize("table", ["", "list"])
def test_csv_and_xlsx_hold_the_same_rows_as_the_page(client, region, table):
    client.force_login(region["admin"])
    params = {**PERIOD, "body": region["a"].pk, "status": "unproven"}
    with time_machine.travel(AFTER, tick=False):
        html = client.get(URL, params).content.decode()
        csv_response = client.get(URL, {**params, "format": "csv", "table": table})
        xlsx_response = client.get(URL, {**params, "format": "xlsx", "table": table})
    assert csv_response["Content-Type"].startswith("text/csv")
    csv_rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    xlsx_rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert [_numbers(r) for r in csv_rows] == [_numbers(r) for r in xlsx_rows]
    if table == "":
        page = _page_rows(html)
        assert [_numbers(r) for r in csv_rows[1:]] == [_numbers(r) for r in page]
        assert len(page) == 2  # the body and the total
    else:
        assert len(csv_rows) == 2 and "registration.missing" in csv_rows[1][4]


def test_trend_has_eight_quarters_as_svg_and_table(client, region):
    client.force_login(region["admin"])
    with time_machine.travel(AFTER, tick=False):
        html = client.get(URL + "trend/").content.decode()
        assert last_quarters(dt.date(2026, 4, 15))[-1] == (2026, 1)
    assert "<svg" in html and html.count("<circle") == 8
    table = html.split('id="trend-table"', 1)[1].split("</table>", 1)[0]
    assert table.count('<th scope="row">') == 8 and "2026 Q1" in table


def test_findings_per_body_and_code_with_drill_down(client, region):
    client.force_login(region["admin"])
    with time_machine.travel(AFTER, tick=False):
        html = client.get(URL + "findings/", PERIOD).content.decode()
        assert "registration.missing" in html
        cell = client.get(
            URL + "findings/", {**PERIOD, "cell_body": region["a"].pk, "code": "registration.missing"}
        ).content.decode()
    assert 'id="cell"' in cell and "2026-02-12" in cell


@pytest.mark.parametrize("path", ["", "trend/", "findings/"])
def test_oversight_pages_other_body_is_404_and_read_only_roles_may_read(client, region, path):
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    assert client.get(URL + path, {"body": region["a"].pk}).status_code == 404
    client.force_login(f.user(Role.OVERSIGHT, terr=region["a"].territory))
    assert client.get(URL + path, {"body": region["a"].pk}).status_code == 200
    assert client.get(URL + path, {"body": region["a"].pk, "format": "pdf"}).status_code == 400
