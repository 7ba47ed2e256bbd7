"""Deterministic demo data for the whole country, built on the real KATO already loaded.

The same KATO and the same date give the same data. Two scales:
- ``default``: every region and district has its police body; precincts cover every settlement (about 3,000);
  a year of past reports and some upcoming ones;
- ``national``: national volume for benchmarks (about 7,500 precincts and five years of history).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from esep.accounts.models import Role, RoleAssignment, User
from esep.announcements.models import Announcement, Channel, ChannelRecord
from esep.announcements.services import notice_rule
from esep.core import clock
from esep.demo import names, showcase
from esep.law.compliance import period_window
from esep.meetings.models import Meeting, MeetingFormat, MeetingKind, MeetingReporter, MeetingStatus
from esep.police.models import (
    Assignment,
    BodyLevel,
    Officer,
    PoliceBody,
    PolicePoint,
    Position,
    Precinct,
    Rank,
    StateAgency,
    StreetRange,
    Subject,
)
from esep.protocols.reminders import LOOK_BACK_DAYS
from esep.territory.models import Level, Territory
from esep.territory.names import full_name

ALMATY_TZ = ZoneInfo("Asia/Almaty")
CITIES_OF_REPUBLICAN_SIGNIFICANCE = {"71": BodyLevel.CAPITAL_DP, "75": BodyLevel.CITY_RS_DP, "79": BodyLevel.CITY_RS_DP}
DEMO_PASSWORD = "esep-demo-2026"  # noqa: S105 - printed for the demo on purpose
SHOWCASE_DISTRICT = showcase.SHOWCASE_DISTRICT  # Karaganda city administration: the demo logins work here
# Share of inspectors' quarterly reports that were not held (the prosecutor's data in the parliamentary speech
# says some inspectors skipped them); small, so that oversight's "who did not report" has a few rows to show.
MISSED_SHARE = 0.03


@dataclass(frozen=True)
class Scale:
    name: str
    settlements_per_precinct: int
    urban_precincts: int
    history_quarters: int
    upcoming_share: float


SCALES = {
    "default": Scale("default", 5, 6, 4, 0.25),
    "national": Scale("national", 2, 6, 20, 0.25),
}


def _quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _previous_quarters(day: dt.date, count: int) -> list[tuple[int, int]]:
    year, quarter = _quarter_of(day)
    result = []
    for _ in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        result.append((year, quarter))
    return result


class Generator:
    def __init__(self, scale: str = "default", today: dt.date | None = None) -> None:
        self.scale = SCALES[scale]
        self.today = today or clock.localdate()
        self.rng = random.Random(f"esep-demo-{scale}")
        self.stats: dict[str, int] = defaultdict(int)

    # --- people -------------------------------------------------------------------------------------
    def _person(self) -> dict[str, str]:
        female = self.rng.random() < 0.2
        first = self.rng.choice(names.FEMALE_FIRST if female else names.MALE_FIRST)
        surname = self.rng.choice(names.SURNAMES) + ("а" if female else "")
        father = self.rng.choice(names.FATHERS)
        return {"last_name": surname, "first_name": first, "patronymic": father + ("қызы" if female else "ұлы")}

    def _officer(self, body: PoliceBody, position: str, rank: str) -> Officer:
        person = self._person()
        digits = "".join(str(self.rng.randint(0, 9)) for _ in range(7))
        return Officer(
            body=body,
            position=position,
            rank=rank,
            public_phone=f"+7 70{self.rng.randint(0, 9)} {digits[:3]} {digits[3:5]} {digits[5:]}",
            **person,
        )

    def _office_phone(self, kato: str) -> str:
        """A landline in the region's area code, e.g. "+7 (7212) 41-23-56"; never an emergency number."""
        code = names.AREA_CODES.get(kato[:2], "7172")
        local = str(self.rng.randint(2, 5)) + "".join(str(self.rng.randint(0, 9)) for _ in range(9 - len(code)))
        if len(local) == 7:
            return f"+7 ({code}) {local[:3]}-{local[3:5]}-{local[5:]}"
        if len(local) == 6:
            return f"+7 ({code}) {local[:2]}-{local[2:4]}-{local[4:]}"
        return f"+7 ({code}) {local[:1]}-{local[1:3]}-{local[3:]}"

    # --- structure ----------------------------------------------------------------------------------
    def run(self) -> dict[str, int]:
        with transaction.atomic():
            self._bodies()
            self._agencies()
            self._precincts()
            self._officers_and_assignments()
            self.showcase_plan = showcase.plan(self, SHOWCASE_DISTRICT)
            self._meetings()
            self._users()
            self.showcase = showcase.play(self, self.showcase_plan)
            self.stats["showcase reports"] = len(self.showcase.meetings)
            # The showcase chief's report content (Order 608 p.6), with demo figures labelled as such.
            from esep.reports.demo import showcase_reports

            showcase_reports(self.showcase.meetings["chief"], actor=self.showcase_staff())
            # Residents' ratings and complaints about officers in the showcase district (esep.demo.activity).
            from esep.demo.activity import demo_activity

            self.stats.update(
                demo_activity(
                    self.showcase_plan.body,
                    inspectors=self.current_inspector,
                    staff=self.showcase_staff(),
                    today=self.today,
                )
            )
            # The showcase region's public council has set its evaluation criteria (two versions).
            from esep.evaluation.demo import demo_criteria

            showcase_region = SHOWCASE_DISTRICT[:2]
            if showcase_region in self.region_bodies:
                demo_criteria(self.region_bodies[showcase_region], today=self.today)
                self.stats["evaluation criteria versions"] = 2
            # The archive's minutes, signed and sealed in bulk, then the chain heads published as the
            # periodic job would have (esep.demo.minutes): last, so that they reuse the showcase's accounts
            # and the heads cover the showcase's minutes too.
            from esep.demo.minutes import archive_minutes

            self.stats.update(archive_minutes(self))
        return dict(self.stats)

    def showcase_staff(self):
        from esep.accounts.models import User

        return User.objects.get(username="staff")

    def _bodies(self) -> None:
        regions = list(Territory.objects.filter(level=Level.OBLAST).order_by("kato"))
        self.region_bodies: dict[str, PoliceBody] = {}
        for region in regions:
            level = CITIES_OF_REPUBLICAN_SIGNIFICANCE.get(region.kato[:2], BodyLevel.REGION_DP)
            body = PoliceBody.objects.create(
                level=level,
                territory=region,
                name_kk=f"{region.name_kk} Полиция департаменті",
                name_ru=f"Департамент полиции ({region.name_ru})",
                name_en=f"Police Department of {region.name_en or region.name_ru}",
                slug=f"dp-{region.kato[:2]}",
                phone=self._office_phone(region.kato),
                address_kk=f"{region.name_kk}, Тәуелсіздік көшесі, 1",
                address_ru=f"{region.name_ru}, ул. Тауелсиздик, 1",
            )
            body.path = f"/{body.pk}/"
            body.save(update_fields=["path"])
            self.region_bodies[region.kato[:2]] = body
        districts = list(Territory.objects.filter(level=Level.DISTRICT).order_by("kato"))
        city_districts = list(
            Territory.objects.filter(level=Level.SUB_DISTRICT, kato__regex=r"^(71|75|79)").order_by("kato")
        )
        self.district_bodies: dict[str, PoliceBody] = {}
        for terr in districts + city_districts:
            parent = self.region_bodies[terr.kato[:2]]
            if terr.level == Level.SUB_DISTRICT:
                level = BodyLevel.DISTRICT_IN_CITY
            elif "Г.А." in terr.name_ru:
                level = BodyLevel.CITY
            else:
                level = BodyLevel.DISTRICT
            label_kk = terr.name_kk.replace(" Қ.Ә.", " қаласы").replace(" ауданы", "")
            label_ru = terr.name_ru.replace(" Г.А.", "").replace("район ", "").replace(" район", "")
            kind_kk = "қалалық полиция басқармасы" if level == BodyLevel.CITY else "аудандық полиция бөлімі"
            kind_ru = "Управление полиции города" if level == BodyLevel.CITY else "Отдел полиции района"
            body = PoliceBody(
                level=level,
                territory=terr,
                parent=parent,
                name_kk=f"{label_kk} {kind_kk}",
                name_ru=f"{kind_ru} {label_ru}",
                name_en=f"Police of {terr.name_en or label_ru}",
                slug=f"op-{terr.kato}",
                phone=self._office_phone(terr.kato),
                address_kk=f"{label_kk}, Абай көшесі, {self.rng.randint(1, 120)}",
                address_ru=f"{label_ru}, ул. Абая, {self.rng.randint(1, 120)}",
            )
            body.save()
            body.path = f"{parent.path}{body.pk}/"
            body.save(update_fields=["path"])
            self.district_bodies[terr.kato] = body
        self.stats["police bodies"] = len(self.region_bodies) + len(self.district_bodies)

    def _body_for(self, unit: Territory) -> PoliceBody:
        if unit.kato[:2] in CITIES_OF_REPUBLICAN_SIGNIFICANCE:
            return self.district_bodies.get(unit.kato) or self.region_bodies[unit.kato[:2]]
        return self.district_bodies.get(unit.kato[:4] + "00000") or self.region_bodies[unit.kato[:2]]

    def _agencies(self) -> None:
        departments = [
            (StateAgency.Kind.AKIMAT, "әкімдігі", "Акимат", "Akimat", [Subject.OTHER, Subject.LAND]),
            (StateAgency.Kind.AKIMAT_DEPARTMENT, "тұрғын үй-коммуналдық шаруашылық бөлімі",
             "Отдел жилищно-коммунального хозяйства", "Housing and utilities department", [Subject.HOUSING]),
            (StateAgency.Kind.AKIMAT_DEPARTMENT, "жолаушылар көлігі және автомобиль жолдары бөлімі",
             "Отдел пассажирского транспорта и автомобильных дорог", "Transport and roads department",
             [Subject.ROADS, Subject.TRANSPORT]),
            (StateAgency.Kind.AKIMAT_DEPARTMENT, "жұмыспен қамту және әлеуметтік бағдарламалар бөлімі",
             "Отдел занятости и социальных программ", "Employment and social programmes department",
             [Subject.SOCIAL]),
            (StateAgency.Kind.AKIMAT_DEPARTMENT, "білім бөлімі", "Отдел образования", "Education department",
             [Subject.EDUCATION]),
            (StateAgency.Kind.AKIMAT_DEPARTMENT, "ауыл шаруашылығы және ветеринария бөлімі",
             "Отдел сельского хозяйства и ветеринарии", "Agriculture and veterinary department",
             [Subject.AGRICULTURE, Subject.ENVIRONMENT]),
        ]  # fmt: skip
        rows = []
        for body in self.district_bodies.values():
            terr = body.territory
            label_kk = terr.name_kk.replace(" Қ.Ә.", "").replace(" ауданы", "")
            label_ru = terr.name_ru.replace(" Г.А.", "")
            for kind, kk, ru, en, subjects in departments:
                rows.append(
                    StateAgency(
                        kind=kind,
                        territory=terr,
                        subjects=[str(s) for s in subjects],
                        name_kk=f"{label_kk} {kk}",
                        name_ru=f"{ru} ({label_ru})",
                        name_en=f"{en}, {terr.name_en or label_ru}",
                        email=f"{kind.replace('_', '-')}-{len(rows)}@akimat.example.kz",
                        phone=self._office_phone(terr.kato),
                    )
                )
        for region in self.region_bodies.values():
            rows.append(
                StateAgency(
                    kind=StateAgency.Kind.AKIMAT_DEPARTMENT,
                    territory=region.territory,
                    subjects=[Subject.HEALTH.value],
                    name_kk=f"{region.territory.name_kk} денсаулық сақтау басқармасы",
                    name_ru=f"Управление здравоохранения ({region.territory.name_ru})",
                    name_en=f"Health department, {region.territory.name_en}",
                    email=f"health-{region.territory.kato[:2]}@akimat.example.kz",
                    phone=self._office_phone(region.territory.kato),
                )
            )
        StateAgency.objects.bulk_create(rows, batch_size=1000)
        self.stats["state bodies"] = len(rows)

    def _precincts(self) -> None:
        territories = list(
            Territory.objects.order_by("kato").only(
                "id", "kato", "level", "parent_id", "name_kk", "name_ru", "type_code", "population", "latitude",
                "longitude",
            )
        )  # fmt: skip
        has_children = {t.parent_id for t in territories if t.parent_id}

        # Cities and city districts are divided by streets and house ranges; villages are grouped whole.
        def is_urban(t: Territory) -> bool:
            if t.id in has_children:
                return False
            if t.level == Level.SUB_DISTRICT:
                return True
            return t.level == Level.SETTLEMENT and t.type_code == 1 and t.name_ru.startswith(("район ", "г."))

        settlements = [t for t in territories if t.level == Level.SETTLEMENT and not is_urban(t)]
        urban = [t for t in territories if is_urban(t)]
        groups: dict[int | None, list[Territory]] = defaultdict(list)
        for s in settlements:
            groups[s.parent_id].append(s)
        self.precinct_units: list[tuple[Precinct, list[Territory], list[tuple]]] = []
        numbers: dict[int, int] = defaultdict(int)
        plan: list[tuple[PoliceBody, list[Territory], list[tuple]]] = []
        size = self.scale.settlements_per_precinct
        for _parent_id, members in groups.items():
            for i in range(0, len(members), size):
                chunk = members[i : i + size]
                plan.append((self._body_for(chunk[0]), chunk, []))
        for city in urban:
            # Each street is cut into house ranges handed out in turn, so a precinct holds parts of several
            # streets and a street runs through several precincts, as in a real city.
            own = names.KARAGANDA_STREETS if city.kato.startswith(SHOWCASE_DISTRICT[:4]) else names.STREETS
            streets = list(own)
            self.rng.shuffle(streets)
            count = self.scale.urban_precincts
            city_plan: list[list[tuple]] = [[] for _ in range(count)]
            turn = 0
            for street in streets[: max(count * 2, 8)]:
                for start in (1, 61, 121):
                    city_plan[turn % count].append((city, street, start, start + 59))
                    turn += 1
            for ranges in city_plan:
                plan.append((self._body_for(city), [], ranges))
        points: dict[int, list[PolicePoint]] = {}
        precincts = []
        for body, members, _ranges in plan:
            numbers[body.pk] += 1
            n = numbers[body.pk]
            covered = members[0] if members else _ranges[0][0]
            label_kk, label_ru = full_name(covered.name_kk), full_name(covered.name_ru)
            precincts.append(
                Precinct(
                    body=body,
                    number=str(n),
                    name_kk=f"№{n} учаске ({label_kk})",
                    name_ru=f"Участок №{n} ({label_ru})",
                    name_en=f"Precinct {n}",
                )
            )
        Precinct.objects.bulk_create(precincts, batch_size=1000)
        # District police points: one for about five precincts of a body.
        by_body: dict[int, list[Precinct]] = defaultdict(list)
        for p in precincts:
            by_body[p.body_id].append(p)
        point_rows = []
        bodies = {b.pk: b for b in [*self.region_bodies.values(), *self.district_bodies.values()]}
        for body_id, rows in by_body.items():
            body = bodies[body_id]
            for k in range(math.ceil(len(rows) / 5)):
                street_kk, street_ru = self.rng.choice(names.STREETS)
                house = self.rng.randint(1, 150)
                point_rows.append(
                    PolicePoint(
                        body=body,
                        name_kk=f"№{k + 1} учаскелік полиция пункті",
                        name_ru=f"Участковый пункт полиции №{k + 1}",
                        name_en=f"District police point {k + 1}",
                        address_kk=f"{street_kk}, {house}",
                        address_ru=f"{street_ru}, {house}",
                        reception_hours_kk="Дүйсенбі–жұма 9:00–18:00, сенбі 9:00–13:00",
                        reception_hours_ru="Понедельник–пятница 9:00–18:00, суббота 9:00–13:00",
                        reception_hours_en="Monday–Friday 9:00–18:00, Saturday 9:00–13:00",
                        phone=self._office_phone(body.territory.kato),
                    )
                )
        PolicePoint.objects.bulk_create(point_rows, batch_size=1000)
        for pt in point_rows:
            points.setdefault(pt.body_id, []).append(pt)
        for body_id, rows in by_body.items():
            for idx, p in enumerate(rows):
                p.point = points[body_id][idx // 5]
        Precinct.objects.bulk_update(precincts, ["point"], batch_size=1000)
        through = Precinct.settlements.through
        links, street_rows = [], []
        for precinct, (_body, members, ranges) in zip(precincts, plan, strict=True):
            links += [through(precinct_id=precinct.pk, territory_id=m.pk) for m in members]
            for city, (street_kk, street_ru), start, end in ranges:
                street_rows.append(
                    StreetRange(precinct=precinct, settlement=city, street_kk=street_kk, street_ru=street_ru,
                                house_from=start, house_to=end)
                )  # fmt: skip
            if ranges:
                links.append(through(precinct_id=precinct.pk, territory_id=ranges[0][0].pk))
        through.objects.bulk_create(links, batch_size=2000)
        StreetRange.objects.bulk_create(street_rows, batch_size=2000)
        self._derive_areas(precincts, plan)
        self.precincts = precincts
        self.plan = plan
        self.stats["precincts"] = len(precincts)
        self.stats["district police points"] = len(point_rows)

    def _derive_areas(self, precincts: list[Precinct], plan: list) -> None:
        """Demo precinct areas (real ones come from `esep police import-areas`): a square of about 4 km
        around each village of a rural precinct; in a city, the city's box cut into one strip per precinct."""
        half = 0.02
        city_box_lat, city_box_lon = 0.04, 0.07
        per_city: dict[int, list[Precinct]] = defaultdict(list)
        changed = []
        for precinct, (_body, members, ranges) in zip(precincts, plan, strict=True):
            if ranges:
                per_city[ranges[0][0].pk].append(precinct)
                continue
            squares = [
                [[[m.longitude - half, m.latitude - half], [m.longitude + half, m.latitude - half],
                  [m.longitude + half, m.latitude + half], [m.longitude - half, m.latitude + half],
                  [m.longitude - half, m.latitude - half]]]
                for m in members if m.latitude is not None and m.longitude is not None
            ]  # fmt: skip
            if squares:
                self._set_area(precinct, {"type": "MultiPolygon", "coordinates": squares})
                changed.append(precinct)
        cities = Territory.objects.in_bulk(list(per_city))
        for city_id, rows in per_city.items():
            city = cities[city_id]
            if city.latitude is None or city.longitude is None:
                continue
            west, width = city.longitude - city_box_lon, 2 * city_box_lon / len(rows)
            south, north = city.latitude - city_box_lat, city.latitude + city_box_lat
            for i, precinct in enumerate(rows):
                a, b = west + i * width, west + (i + 1) * width
                ring = [[a, south], [b, south], [b, north], [a, north], [a, south]]
                self._set_area(precinct, {"type": "Polygon", "coordinates": [ring]})
                changed.append(precinct)
        fields = ["area", "area_min_lat", "area_max_lat", "area_min_lon", "area_max_lon"]
        Precinct.objects.bulk_update(changed, fields, batch_size=1000)
        self.stats["precinct areas"] = len(changed)

    @staticmethod
    def _set_area(precinct: Precinct, geometry: dict) -> None:
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        points = [pt for polygon in polygons for ring in polygon for pt in ring]
        precinct.area = geometry
        precinct.area_min_lon, precinct.area_max_lon = min(p[0] for p in points), max(p[0] for p in points)
        precinct.area_min_lat, precinct.area_max_lat = min(p[1] for p in points), max(p[1] for p in points)

    def _officers_and_assignments(self) -> None:
        officers: list[Officer] = []
        self.chiefs: dict[int, Officer] = {}
        all_bodies = [*self.region_bodies.values(), *self.district_bodies.values()]
        for body in all_bodies:
            chief = self._officer(body, Position.CHIEF, self.rng.choice([Rank.COLONEL, Rank.LT_COLONEL]))
            officers.append(chief)
            self.chiefs[body.pk] = chief
            officers.append(self._officer(body, Position.STAFF_OFFICER, Rank.MAJOR))
        inspectors: list[tuple[Precinct, Officer]] = []
        for precinct in self.precincts:
            position = self.rng.choice([Position.INSPECTOR, Position.SENIOR_INSPECTOR])
            rank = self.rng.choice([Rank.LIEUTENANT, Rank.LIEUTENANT_SR, Rank.CAPTAIN, Rank.MAJOR])
            off = self._officer(precinct.body, position, rank)
            officers.append(off)
            inspectors.append((precinct, off))
        extra: list[tuple[Precinct, Officer, str]] = []
        for precinct, _off in inspectors:
            # Every precinct had an earlier inspector, so "who served here on a past date" has an answer.
            extra.append((precinct, self._officer(precinct.body, Position.INSPECTOR, Rank.LIEUTENANT), "previous"))
            if self.rng.random() < 0.05:
                extra.append((precinct, self._officer(precinct.body, Position.INSPECTOR, Rank.CAPTAIN), "acting"))
        officers += [o for _, o, _ in extra]
        Officer.objects.bulk_create(officers, batch_size=2000)
        rows = []
        self.current_inspector: dict[int, Officer] = {}
        history_start = self.today - dt.timedelta(days=91 * (self.scale.history_quarters + 8))
        previous = {p.pk: o for p, o, kind in extra if kind == "previous"}
        acting = {p.pk: o for p, o, kind in extra if kind == "acting"}
        first_start = dt.date(2015, 1, 1)
        self.previous_inspector: dict[int, Officer] = {}
        self.current_since: dict[int, dt.date] = {}
        for precinct, off in inspectors:
            start = history_start + dt.timedelta(days=self.rng.randint(0, 900))
            self.previous_inspector[precinct.pk] = previous[precinct.pk]
            self.current_since[precinct.pk] = start
            rows.append(Assignment(officer=previous[precinct.pk], precinct=precinct,
                                   start=first_start + dt.timedelta(days=self.rng.randint(0, 365)),
                                   end=start - dt.timedelta(days=1), reason="transferred"))  # fmt: skip
            rows.append(Assignment(officer=off, precinct=precinct, start=start))
            self.current_inspector[precinct.pk] = off
            partner = (acting[precinct.pk], "acting") if precinct.pk in acting else None
            if partner:
                leave_start = self.today - dt.timedelta(days=self.rng.randint(1, 20))
                rows.append(
                    Assignment(officer=partner[0], precinct=precinct, start=leave_start,
                               end=leave_start + dt.timedelta(days=30), kind=Assignment.Kind.ACTING,
                               reason="annual leave of the permanent inspector")
                )  # fmt: skip
        Assignment.objects.bulk_create(rows, batch_size=2000)
        # Order 652 p.33: each district police point has the inspector responsible for it (here the current
        # inspector of the point's first precinct); control of execution of minutes is theirs.
        responsible: dict[int, int] = {}
        for precinct, off in inspectors:
            if precinct.point_id and precinct.point_id not in responsible:
                responsible[precinct.point_id] = off.pk
        points = [
            PolicePoint(pk=point_id, responsible_officer_id=officer_id) for point_id, officer_id in responsible.items()
        ]
        PolicePoint.objects.bulk_update(points, ["responsible_officer"], batch_size=1000)
        self.stats["officers"] = len(officers)
        self.stats["assignments"] = len(rows)

    def _venue(self, n: int) -> tuple[str, str]:
        """A venue with its street address, so the announcement and the poster say where to go."""
        kk, ru = self.rng.choice(names.VENUES)
        street_kk, street_ru = self.rng.choice(names.STREETS)
        house = self.rng.randint(1, 90)
        return f"{kk.format(n=n)}, {street_kk}, {house}", f"{ru.format(n=n)}, {street_ru}, {house}"

    def _reporter_on(self, precinct: Precinct, day: dt.date) -> Officer:
        """The inspector who served the precinct on ``day``: the archive names who actually reported."""
        if day < self.current_since[precinct.pk]:
            return self.previous_inspector[precinct.pk]
        return self.current_inspector[precinct.pk]

    def _held_day(self, year: int, quarter: int, cutoff: dt.date) -> dt.date | None:
        """A day in the quarter before ``cutoff``, or None if the quarter has no such day."""
        first = dt.date(year, (quarter - 1) * 3 + 1, 1)
        last = min(period_window("inspector", year, quarter)[1], cutoff - dt.timedelta(days=1))
        if last < first:
            return None
        # Inspectors mostly report in the middle of the quarter, on a weekday.
        span = (last - first).days
        day = first + dt.timedelta(days=min(span, max(0, int(self.rng.triangular(0, span, span * 0.45)))))
        while day.weekday() == 6 and day > first:
            day -= dt.timedelta(days=1)
        return day

    def _meetings(self) -> None:
        """The archive of reports held before the showcase: bulk rows, consistent with what the rules read.

        A report held is HELD with its published summary and its announcement; its minutes are made in bulk
        after the showcase (esep.demo.minutes), which closes the meetings whose minutes are signed (CLOSED
        means "minutes signed", esep.meetings.workflow). Archive meetings end before the look-back window of
        the minutes reminders, so the "minutes not signed" panel shows only what the showcase leaves unsigned
        on purpose. Showcase precincts and periods are left to esep.demo.showcase.
        """
        meetings: list[Meeting] = []
        reporters: list[tuple[int, Officer, Precinct | None]] = []
        now = clock.now()
        cutoff = self.today - dt.timedelta(days=LOOK_BACK_DAYS + 1)
        reserved = self.showcase_plan.reserved_quarters
        current = _quarter_of(self.today)
        settlement_of = {
            p.pk: (members[0] if members else ranges[0][0]) for p, (_b, members, ranges) in zip(
                self.precincts, self.plan, strict=True)
        }  # fmt: skip
        summary = {
            "summary_kk": "Учаскелік инспектор тоқсандағы құқық бұзушылықтар, алдын алу жұмысы және "
            "тұрғындардың өтініштері бойынша есеп берді.",
            "summary_ru": "Участковый инспектор отчитался о правонарушениях за квартал, "
            "профилактической работе и мерах по обращениям жителей.",
            "summary_en": "The district inspector reported on the quarter's offences, prevention work "
            "and measures taken on residents' appeals.",
        }
        for precinct in self.precincts:
            periods = [(y, q) for y, q in _previous_quarters(self.today, self.scale.history_quarters)]
            # Some inspectors have already reported this quarter, before the look-back window.
            held_now = self.rng.random() < 0.35
            if held_now:
                periods.insert(0, current)
            for year, quarter in periods:
                if (precinct.pk, year, quarter) in reserved:
                    continue
                if (year, quarter) != current and self.rng.random() < MISSED_SHARE:
                    continue  # a few inspectors did not report: oversight must see it
                day = self._held_day(year, quarter, cutoff)
                if day is None:
                    held_now = held_now and (year, quarter) != current
                    continue
                hour = self.rng.choice([11, 15, 18, 19])
                start = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=ALMATY_TZ)
                venue_kk, venue_ru = self._venue(self.rng.randint(1, 40))
                capacity = self.rng.choice([60, 80, 120, 200])
                meetings.append(
                    Meeting(kind=MeetingKind.INSPECTOR, body_id=precinct.body_id, period_year=year,
                            period_quarter=quarter, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                            settlement=settlement_of[precinct.pk],
                            venue_kk=venue_kk, venue_ru=venue_ru, venue_capacity=capacity,
                            expected_attendance=capacity // 2, format=MeetingFormat.INDOOR,
                            gathering_type="gathering", status=MeetingStatus.HELD,
                            published_at=start - dt.timedelta(days=self.rng.randint(11, 18)),
                            code=f"{self.rng.getrandbits(40):010x}", **summary)
                )  # fmt: skip
                reporters.append((len(meetings) - 1, self._reporter_on(precinct, day), precinct))
            if held_now or precinct.pk in self.showcase_plan.no_upcoming:
                continue
            if self.rng.random() < self.scale.upcoming_share:
                start = (now + dt.timedelta(days=self.rng.randint(3, 40))).astimezone(ALMATY_TZ)
                start = start.replace(hour=self.rng.choice([11, 18, 19]), minute=0, second=0, microsecond=0)
                local = start.date()
                days_left = (local - self.today).days
                if days_left < 10:
                    # Order 652 p.27: announced at least 10 days before; this one went out in time.
                    published = start - dt.timedelta(days=self.rng.randint(10, 16))
                elif self.rng.random() < 0.6:
                    published = now - dt.timedelta(days=self.rng.randint(1, 5))
                else:
                    published = None  # scheduled, still to be announced
                venue_kk, venue_ru = self._venue(self.rng.randint(1, 40))
                meetings.append(
                    Meeting(kind=MeetingKind.INSPECTOR, body_id=precinct.body_id, period_year=local.year,
                            period_quarter=(local.month - 1) // 3 + 1, starts_at=start,
                            ends_at=start + dt.timedelta(hours=2), settlement=settlement_of[precinct.pk],
                            venue_kk=venue_kk, venue_ru=venue_ru,
                            venue_capacity=120, expected_attendance=50, format=MeetingFormat.INDOOR,
                            gathering_type="gathering",
                            status=MeetingStatus.ANNOUNCED if published else MeetingStatus.SCHEDULED,
                            published_at=published,
                            code=f"{self.rng.getrandbits(40):010x}")
                )  # fmt: skip
                reporters.append((len(meetings) - 1, self.current_inspector[precinct.pk], precinct))
        # Chiefs report yearly, in Q1 of the following year (Order 608 p.4).
        for body_id, chief in self.chiefs.items():
            for back in range(max(1, self.scale.history_quarters // 4)):
                year = self.today.year - 1 - back
                if self.today.month <= 3 and back == 0:
                    continue
                if (body_id, year) in self.showcase_plan.reserved_chief:
                    continue
                start = dt.datetime(year + 1, self.rng.randint(1, 3), self.rng.randint(10, 27), 15, tzinfo=ALMATY_TZ)
                meetings.append(
                    Meeting(kind=MeetingKind.CHIEF, body_id=body_id, period_year=year, starts_at=start,
                            ends_at=start + dt.timedelta(hours=3), venue_kk="Әкімдіктің мәжіліс залы",
                            venue_ru="Зал заседаний акимата", venue_capacity=250, expected_attendance=150,
                            status=MeetingStatus.HELD, published_at=start - dt.timedelta(days=15),
                            code=f"{self.rng.getrandbits(40):010x}",
                            summary_kk="Полиция органының басшысы жыл қорытындысы бойынша есеп берді.",
                            summary_ru="Начальник органа полиции отчитался об итогах года.",
                            summary_en="The chief of the police body reported on the year's results.")
                )  # fmt: skip
                reporters.append((len(meetings) - 1, chief, None))
        Meeting.objects.bulk_create(meetings, batch_size=2000)
        reporter_rows = [MeetingReporter(meeting=meetings[i], officer=o, precinct=p) for i, o, p in reporters]
        MeetingReporter.objects.bulk_create(reporter_rows, batch_size=2000)
        # The held reports, each with its reporters, for their minutes (esep.demo.minutes, after the showcase).
        by_meeting: dict[int, list[MeetingReporter]] = defaultdict(list)
        for (i, _o, _p), row in zip(reporters, reporter_rows, strict=True):
            by_meeting[i].append(row)
        self.archive = [(m, by_meeting[i]) for i, m in enumerate(meetings) if m.status == MeetingStatus.HELD]
        through = Meeting.precincts.through
        through.objects.bulk_create(
            [through(meeting_id=meetings[i].pk, precinct_id=p.pk) for i, _o, p in reporters if p is not None],
            batch_size=2000,
        )
        self._announcements([m for m in meetings if m.published_at is not None])
        self.stats["meetings"] = len(meetings)

    def _announcements(self, meetings: list[Meeting]) -> None:
        """Every published meeting has its announcement (Order 608 p.8.2; Order 652 p.27): the record the
        compliance engine reads, with the rule as it stood and Esep's site as the first channel."""
        rules: dict[tuple[dt.date, str], tuple[int, str]] = {}
        rows, channels = [], []
        for m in meetings:
            day = timezone.localtime(m.starts_at, ALMATY_TZ).date()
            key = (day, m.kind)
            if key not in rules:
                rules[key] = notice_rule(day, m.kind)
            required, cited = rules[key]
            rows.append(
                Announcement(meeting=m, published_at=m.published_at, notice_days_required=required,
                             notice_rule_citation=cited[:300],
                             days_before=(day - timezone.localtime(m.published_at, ALMATY_TZ).date()).days)
            )  # fmt: skip
        Announcement.objects.bulk_create(rows, batch_size=2000)
        for a in rows:
            published_on = timezone.localtime(a.published_at, ALMATY_TZ).date()
            url = f"{settings.SITE_URL}/kk/meetings/{a.meeting.code}/"
            channels.append(ChannelRecord(announcement=a, channel=Channel.WEBSITE, date=published_on, url=url))
            if self.rng.random() < 0.7:
                channels.append(
                    ChannelRecord(announcement=a, channel=Channel.SOCIAL_NETWORKS, date=published_on,
                                  url=f"https://www.instagram.com/p/esep{a.meeting.code}/")
                )  # fmt: skip
        ChannelRecord.objects.bulk_create(channels, batch_size=2000)
        self.stats["announcements"] = len(rows)

    def _users(self) -> None:
        showcase = self.district_bodies.get(SHOWCASE_DISTRICT) or next(iter(self.district_bodies.values()))
        region = self.region_bodies[showcase.territory.kato[:2]]
        first_precinct = next(p for p in self.precincts if p.body_id == showcase.pk)
        accounts = [
            ("admin", "Жүйе", "Әкімшісі", Role.ADMIN, None, None, None),
            ("staff", "Штаб", "Қызметкері", Role.STAFF_UNIT, showcase, None, None),
            ("chief", "", "", Role.CHIEF, showcase, None, self.chiefs[showcase.pk]),
            ("inspector", "", "", Role.INSPECTOR, showcase, None, self.current_inspector[first_precinct.pk]),
            ("secretary", "Хатшы", "Полиция", Role.SECRETARY, showcase, None, None),
            ("region", "Облыс", "Штабы", Role.STAFF_UNIT, region, None, None),
            ("akimat", "Әкімдік", "Өкілі", Role.AKIMAT, None, showcase.territory, None),
            # The region's public council: moderates residents' comments, writes observer notes.
            ("council", "Қоғамдық", "Кеңес", Role.PUBLIC_COUNCIL, None, region.territory, None),
            ("prosecutor", "Прокуратура", "Өкілі", Role.OVERSIGHT, None, None, None),
        ]
        for username, first, last, role, body, terr, officer in accounts:
            if officer is not None:
                first, last = officer.first_name, officer.last_name
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, first_name=first,
                                            last_name=last, is_staff=role == Role.ADMIN,
                                            is_superuser=role == Role.ADMIN)  # fmt: skip
            RoleAssignment.objects.create(user=user, role=role, body=body, territory=terr, officer=officer)
        self.stats["demo logins"] = len(accounts)


def demo_logins() -> list[tuple[str, str, str]]:
    rows = []
    # Accounts without a password only play the showcase's other officers; they are not demo logins.
    assignments = RoleAssignment.objects.select_related("user", "body", "territory").exclude(
        user__password__startswith="!"  # noqa: S106 - Django's mark of an unusable password
    )
    for ra in assignments.order_by("id"):
        where = ra.body or ra.territory or "Kazakhstan"
        rows.append((ra.user.username, ra.get_role_display(), str(where)))
    return rows
