"""Causes and conditions (issue 12 item 4): the akimat sees, for its territory only, what was forwarded to it
and where and about what residents complain, counted per settlement, subject and quarter exactly as the test
counts them itself; the CSV and XLSX files hold the page's rows; oversight reads, never writes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from esep.accounts.models import Role
from esep.accounts.permissions import Action, territory_prefixes
from esep.appeals import services as appeal_services
from esep.appeals.models import Appeal, AppealForward, AppealStatus
from esep.backoffice.causes import Quarter, window
from esep.police.models import StateAgency
from esep.statistics.models import Dataset, Figure, Indicator
from esep.testing import appeals as af
from esep.testing import factories as f
from esep.testing.appeals import almaty

pytestmark = pytest.mark.django_db
URL = "/ru/staff/causes/"
TODAY = almaty(2026, 1, 20, 10)
LAST = "2025-4"  # the window: 2024 Q1 .. 2025 Q4

# (settlement, subject, received in Almaty time). The two March/April rows sit on either side of a quarter's
# first minute in Almaty (UTC+5), which UTC would put in the same quarter.
CASES = [
    ("kyzylzhar", "housing", (2024, 2, 10, 11, 0)),
    ("kyzylzhar", "housing", (2024, 5, 3, 11, 0)),
    ("kyzylzhar", "roads", (2025, 3, 31, 23, 30)),
    ("kyzylzhar", "roads", (2025, 4, 1, 0, 30)),
    ("kyzylzhar", "police", (2025, 11, 2, 11, 0)),
    ("algabas", "housing", (2025, 11, 5, 11, 0)),
    ("algabas", "agriculture", (2025, 7, 7, 11, 0)),
    ("algabas", "agriculture", (2025, 8, 7, 11, 0)),
    ("algabas", "agriculture", (2025, 8, 9, 11, 0)),
    ("algabas", "agriculture", (2025, 9, 1, 11, 0)),
]
OUTSIDE_WINDOW = ("kyzylzhar", "housing", (2023, 12, 30, 11, 0))
NAMES = {"kyzylzhar": "Кызылжар", "algabas": "Алгабас", "foreign": "Далёкое"}


@pytest.fixture
def world():
    region = f.region_body(f.region(48))
    own = f.body(terr=f.district(region.territory, 12), parent=region)
    other = f.body(terr=f.district(region.territory, 34), parent=region)
    places = {
        "kyzylzhar": f.settlement(own.territory, name_kk="Қызылжар", name_ru="Кызылжар"),
        "algabas": f.settlement(own.territory, name_kk="Алғабас", name_ru="Алгабас"),
        "foreign": f.settlement(other.territory, name_kk="Алыс", name_ru="Далёкое"),
    }
    staff_own, staff_other = f.staff(Role.STAFF_UNIT, own), f.staff(Role.STAFF_UNIT, other)
    for key, subject, when in [*CASES, OUTSIDE_WINDOW]:
        af.appeal(body=own, territory=places[key], subject=subject, received_at=almaty(*when), actor=staff_own)
    af.appeal(body=other, territory=places["foreign"], subject="housing", received_at=almaty(2025, 5, 5))
    # Forwarded to each district's akimat department (counted with the appeals above in the own district).
    department = f.agency(own.territory, kind=StateAgency.Kind.AKIMAT_DEPARTMENT, name_ru="Отдел ЖКХ района 12")
    theirs = f.agency(other.territory, kind=StateAgency.Kind.AKIMAT_DEPARTMENT, name_ru="Отдел ЖКХ района 34")
    forwarded = af.appeal(body=own, territory=places["algabas"], subject="housing", received_at=almaty(2025, 12, 1))
    appeal_services.appeal_forward(appeal=forwarded, actor=staff_own, agency=department)
    foreign = af.appeal(body=other, territory=places["foreign"], subject="housing", received_at=almaty(2025, 12, 2))
    appeal_services.appeal_forward(appeal=foreign, actor=staff_other, agency=theirs)
    return {
        "own": own,
        "other": other,
        "places": places,
        "forwarded": forwarded,
        "foreign": foreign,
        "akimat": f.user(Role.AKIMAT, terr=own.territory),
        "other_akimat": f.user(Role.AKIMAT, terr=other.territory),
        "oversight": f.user(Role.OVERSIGHT, terr=region.territory),
    }


def expected_counts() -> tuple[Counter, Counter]:
    """The test's own count: (settlement, quarter) and (subject, quarter), the forwarded appeal included."""
    cases = [*CASES, ("algabas", "housing", (2025, 12, 1, 11, 0))]
    by_place = Counter((NAMES[k], Quarter(w[0], (w[1] - 1) // 3 + 1).label) for k, _s, w in cases)
    by_subject = Counter((s, Quarter(w[0], (w[1] - 1) // 3 + 1).label) for _k, s, w in cases)
    return by_place, by_subject


def get(client, user, params=None, url=URL):
    client.force_login(user)
    with time_machine.travel(TODAY, tick=False):
        return client.get(url, {"to": LAST, **(params or {})})


def page_table(html: str, key: str) -> list[list[str]]:
    """The rows (body and footer) of the page's table ``key`` as text."""
    table = html.split(f'id="{key}"', 1)[1].split("</table>", 1)[0]
    body = table.split("</thead>", 1)[1]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        cells = [re.sub(r"<[^>]+>", "", c).replace("\xa0", " ").strip() for c in cells]
        if key == "forwarded":
            cells = cells[:-1]  # the page's "Answer" button is no data
        rows.append(cells)
    return [r for r in rows if r != ["Ничего не найдено."]]


def numbers(row: list) -> list:
    out = []
    for cell in row:
        text = str(cell).replace(" ", "").replace(",", ".")
        try:
            out.append(float(text))
        except ValueError:
            out.append(str(cell))
    return out


def test_counts_equal_the_tests_own_count(client, world):
    html = get(client, world["akimat"]).content.decode()
    quarters = [q.label for q in window(Quarter(2025, 4))]
    by_place, by_subject = expected_counts()
    places = page_table(html, "settlements")
    assert [r[0] for r in places] == ["Алгабас", "Кызылжар", "Итого"]  # the reader's alphabet, then the total
    for row in places[:-1]:
        assert [int(v) for v in row[2:-1]] == [by_place[(row[0], q)] for q in quarters], row[0]
        assert int(row[-1]) == sum(by_place[(row[0], q)] for q in quarters)
    assert int(places[-1][-1]) == len(CASES) + 1  # the 2023 appeal is outside the window
    subjects = page_table(html, "subjects")
    labels = {
        "agriculture": "сельское хозяйство и безнадзорные животные",
        "housing": "жилищно-коммунальное хозяйство",
        "police": "общественный порядок и преступность (полиция)",
        "roads": "дороги и уличное освещение",
    }
    assert [r[0] for r in subjects] == [*sorted(labels.values()), "Итого"]
    for subject, label in labels.items():
        row = next(r for r in subjects if r[0] == label)
        assert [int(v) for v in row[1:-1]] == [by_subject[(subject, q)] for q in quarters], subject
    # Most appeals first, each with the subject raised most often there (ties: the first in the alphabet).
    top = page_table(html, "top")
    assert [r[0] for r in top] == ["Алгабас", "Кызылжар"]
    assert top[0][2:] == ["6", labels["agriculture"], "4"]
    assert top[1][2:] == ["5", labels["roads"], "2"]


def test_a_subject_filter_counts_only_that_subject(client, world):
    html = get(client, world["akimat"], {"subject": "agriculture"}).content.decode()
    places = page_table(html, "settlements")
    assert [r[0] for r in places] == ["Алгабас", "Итого"]
    assert int(places[0][-1]) == 4
    assert world["forwarded"].number not in page_table(html, "forwarded").__str__()


def test_the_quarter_is_counted_in_almaty_time(client, world):
    html = get(client, world["akimat"], {"subject": "roads"}).content.decode()
    row = page_table(html, "subjects")[0]
    quarters = [q.label for q in window(Quarter(2025, 4))]
    assert int(row[1 + quarters.index("2025 Q1")]) == 1
    assert int(row[1 + quarters.index("2025 Q2")]) == 1


def test_the_akimat_sees_only_its_territory(client, world):
    akimat = world["akimat"]
    html = get(client, akimat).content.decode()
    assert "Далёкое" not in html
    assert world["forwarded"].number in html and world["foreign"].number not in html
    # Another territory asked for by its code: not found, neither the page nor its files.
    other_kato = world["other"].territory.kato
    assert get(client, akimat, {"territory": other_kato}).status_code == 404
    assert get(client, akimat, {"territory": other_kato, "format": "csv"}).status_code == 404
    assert get(client, akimat, {"territory": "999999999"}).status_code == 404
    # Another akimat's forwarded appeal is not found either.
    detail = reverse("appeals_staff:detail", args=[world["foreign"].pk])
    assert get(client, akimat, url=detail).status_code == 404
    # The other akimat sees its own and not this one's.
    theirs = get(client, world["other_akimat"]).content.decode()
    assert "Далёкое" in theirs and "Кызылжар" not in theirs and world["forwarded"].number not in theirs


def test_the_akimat_answers_a_forwarded_item_from_its_own_view(client, world):
    akimat = world["akimat"]
    html = get(client, akimat).content.decode()
    detail = reverse("appeals_staff:detail", args=[world["forwarded"].pk])
    assert f'href="{detail}#agency-answer"' in html
    row = page_table(html, "forwarded")[0]
    assert row[0] == world["forwarded"].number and "Отдел ЖКХ района 12" in row[2] and row[6] == "ожидает ответа"
    assert 'id="agency-answer"' in get(client, akimat, url=detail).content.decode()
    client.force_login(akimat)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("appeals_staff:agency_answer", args=[world["forwarded"].pk]),
            {"text": "Трубу заменят до 1 февраля.", "number": "ЖКХ-15", "name": "Начальник отдела Ержанов"},
        )
    assert response.status_code == 302
    html = get(client, akimat).content.decode()
    row = page_table(html, "forwarded")[0]
    assert row[6] == "дан ответ" and "ЖКХ-15" in row[8] and "Трубу заменят" in row[8]
    assert f"{detail}#agency-answer" not in html


def test_oversight_reads_its_scope_and_writes_nothing(client, world):
    oversight = world["oversight"]
    html = get(client, oversight).content.decode()
    assert "Далёкое" in html and "Кызылжар" in html
    narrowed = get(client, oversight, {"territory": world["own"].territory.kato}).content.decode()
    assert "Далёкое" not in narrowed and "Кызылжар" in narrowed
    assert f"{reverse('appeals_staff:detail', args=[world['forwarded'].pk])}#agency-answer" not in html
    client.force_login(oversight)
    appeal = world["forwarded"]
    assert (
        client.post(reverse("appeals_staff:agency_answer", args=[appeal.pk]), {"text": "x", "name": "y"}).status_code
        == 403
    )
    assert client.post(reverse("appeals_staff:action", args=[appeal.pk, "take"])).status_code == 403
    assert client.post(URL, {"to": LAST}).status_code == 405
    assert not AppealForward.objects.filter(appeal=appeal, replied_at__isnull=False).exists()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.FORWARDED


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.CHIEF, Role.SECRETARY, Role.MASLIKHAT, Role.PUBLIC_COUNCIL])
def test_other_roles_have_no_such_page_nor_menu_entry(client, world, role):
    user = (
        f.staff(role, world["own"])
        if role in (Role.INSPECTOR, Role.CHIEF, Role.SECRETARY)
        else f.user(role, terr=world["own"].territory)
    )
    assert get(client, user).status_code == 403
    assert URL not in client.get(reverse("backoffice:dashboard")).content.decode()


def test_the_akimat_menu_leads_to_the_page(client, world):
    client.force_login(world["akimat"])
    nav = client.get("/ru/staff/").content.decode().split("<nav", 1)[1].split("</nav>", 1)[0]
    assert URL in nav and "Причины и условия" in nav


@pytest.mark.parametrize("table", ["forwarded", "settlements", "subjects", "top", "statistics"])
def test_csv_and_xlsx_hold_the_rows_of_the_page(client, world, table):
    _statistics(world["own"].territory.kato)
    html = get(client, world["akimat"]).content.decode()
    page = page_table(html, table)
    assert page, table
    as_csv = get(client, world["akimat"], {"format": "csv", "table": table})
    as_xlsx = get(client, world["akimat"], {"format": "xlsx", "table": table})
    assert as_csv["Content-Type"].startswith("text/csv")
    csv_rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    xlsx_rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert [numbers(r) for r in csv_rows] == [numbers(r) for r in xlsx_rows]
    assert [numbers(r) for r in csv_rows[1:]] == [numbers(r) for r in page]


def _statistics(kato: str) -> None:
    dataset = Dataset.objects.create(name="Форма 1-М", sha256="x", source="КПСиСУ ГП РК, форма 1-М")
    registered, _ = Indicator.objects.get_or_create(code="1M.S1.001.g02", defaults={"form": "1-М"})
    thefts, _ = Indicator.objects.get_or_create(code="SNG1.R1.13.g1", defaults={"form": "СНГ-1"})
    for year, value in ((2024, 400), (2025, 440)):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        Figure.objects.create(indicator=registered, kato=kato, period_start=start, period_end=end, value=value,
                              dataset=dataset)  # fmt: skip
    Figure.objects.create(indicator=thefts, kato=kato, period_start=dt.date(2025, 1, 1),
                          period_end=dt.date(2025, 12, 31), value=90, dataset=dataset)  # fmt: skip


def test_official_statistics_with_the_comparable_period_and_the_source(client, world):
    _statistics(world["own"].territory.kato)
    html = get(client, world["akimat"]).content.decode()
    rows = page_table(html, "statistics")
    registered = next(r for r in rows if r[0].startswith("Зарегистрировано"))
    assert registered[1:] == ["440", "400", "40", "10,0", "", "КПСиСУ ГП РК, форма 1-М"]
    thefts = next(r for r in rows if r[0].startswith("Кражи"))
    assert thefts[1:6] == ["90", "", "", "", "нет сопоставимого периода"]
    assert "КПСиСУ ГП РК, форма 1-М" in html and "01.01.2025 – 31.12.2025" in html
    # Nothing of the sort for the other district, whose akimat sees no figures.
    assert "440" not in page_table(get(client, world["other_akimat"]).content.decode(), "statistics").__str__()


def test_the_page_speaks_kazakh(client, world):
    html = get(client, world["akimat"], url="/kk/staff/causes/").content.decode()
    assert "Себептер мен жағдайлар" in html and "Қызылжар" in html


def test_territory_prefixes_come_from_the_count_permission(world):
    """Who gets the page at all: the akimat and oversight on their territory, an akimat department named by its
    role on its department's territory, nobody else (police roles count through their own pages)."""
    own = world["own"]
    department = f.user(Role.AKIMAT)
    agency = AppealForward.objects.get(appeal=world["forwarded"]).agency
    department.roles.update(agency=agency)
    assert territory_prefixes(world["akimat"], Action.COUNT, Appeal) == [own.territory.prefix]
    assert territory_prefixes(department, Action.COUNT, Appeal) == [agency.territory.prefix]
    assert territory_prefixes(world["oversight"], Action.COUNT, Appeal) == [own.territory.prefix[:2]]
    assert territory_prefixes(f.user(Role.OVERSIGHT), Action.COUNT, Appeal) == [""]
    assert territory_prefixes(f.staff(Role.CHIEF, own), Action.COUNT, Appeal) == []
    assert territory_prefixes(f.user(Role.AKIMAT), Action.COUNT, Appeal) == []  # no territory, no state body
    assert territory_prefixes(f.user(Role.MASLIKHAT, terr=own.territory), Action.COUNT, Appeal) == []


def test_the_number_of_queries_does_not_grow_with_the_territory(client, world):
    def queries() -> int:
        client.force_login(world["akimat"])
        with time_machine.travel(TODAY, tick=False), CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"to": LAST}).status_code == 200
        return len(ctx.captured_queries)

    before = queries()
    own = world["own"]
    department = AppealForward.objects.get(appeal=world["forwarded"]).agency
    for n in range(6):
        place = f.settlement(own.territory, name_ru=f"Аул {n}")
        for subject in ("housing", "roads", "health"):
            appeal = af.appeal(body=own, territory=place, subject=subject, received_at=almaty(2025, 1 + n, 3))
        appeal_services.appeal_forward(appeal=appeal, actor=f.staff(Role.STAFF_UNIT, own), agency=department)
    assert queries() == before
    assert before <= 20  # the session, the user's roles, the menu, one query per table and count
