"""Factories for tests. Each builds a minimal valid object and accepts overrides.

A small real-looking tree: an oblast (KATO 10xxxxxxx, Abai), a district (1010xxxxx), a rural district and
settlements, a regional police department, a district police body, a precinct, an inspector.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from esep.accounts.models import Role, RoleAssignment, User
from esep.meetings.models import Meeting, MeetingKind, MeetingReporter, MeetingStatus
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
)
from esep.police.services import body_save
from esep.territory.kato import kato_prefix
from esep.territory.models import Level, Territory

_seq = itertools.count(1)


def territory(
    kato: str, *, level: str = Level.SETTLEMENT, name_kk: str = "", name_ru: str = "", **kw: Any
) -> Territory:
    parent = kw.pop("parent", None)
    obj, _ = Territory.objects.get_or_create(
        kato=kato,
        defaults={
            "level": level,
            "name_kk": name_kk or f"Аумақ {kato}",
            "name_ru": name_ru or f"Территория {kato}",
            "prefix": kato_prefix(kato),
            "parent": parent,
            **kw,
        },
    )
    return obj


def region(n: int | None = None) -> Territory:
    n = n or 10
    return territory(f"{n:02d}0000000", level=Level.OBLAST, name_kk=f"Облыс {n}", name_ru=f"Область {n}")


def district(reg: Territory | None = None, n: int | None = None) -> Territory:
    reg = reg or region()
    n = n or (next(_seq) % 90 + 10)
    return territory(
        f"{reg.kato[:2]}{n:02d}00000", level=Level.DISTRICT, name_kk=f"Аудан {n}", name_ru=f"Район {n}", parent=reg
    )


def settlement(dist: Territory | None = None, n: int | None = None, **kw: Any) -> Territory:
    dist = dist or district()
    n = n or (next(_seq) % 900 + 100)
    return territory(f"{dist.kato[:4]}01{n:03d}", parent=dist, **kw)


def body(
    *, level: str = BodyLevel.DISTRICT, terr: Territory | None = None, parent: PoliceBody | None = None, **kw: Any
) -> PoliceBody:
    terr = terr or district()
    n = next(_seq)
    obj = PoliceBody(
        level=level,
        territory=terr,
        parent=parent,
        name_kk=kw.pop("name_kk", f"{terr.name_kk} ПБ"),
        name_ru=kw.pop("name_ru", f"ОП {terr.name_ru}"),
        name_en=kw.pop("name_en", f"Police of {terr.kato}"),
        slug=kw.pop("slug", f"body-{n}"),
        **kw,
    )
    return body_save(body=obj)


def region_body(reg: Territory | None = None) -> PoliceBody:
    return body(level=BodyLevel.REGION_DP, terr=reg or region())


def point(b: PoliceBody | None = None) -> PolicePoint:
    b = b or body()
    return PolicePoint.objects.create(
        body=b,
        name_kk="№1 УПП",
        name_ru="УПП №1",
        address_kk="Абай к-сі, 1",
        address_ru="ул. Абая, 1",
        reception_hours_kk="Дс–Жм 9:00–18:00",
        reception_hours_ru="Пн–Пт 9:00–18:00",
        reception_hours_en="Mon–Fri 9:00–18:00",
    )


def precinct(b: PoliceBody | None = None, *, settlements: list[Territory] | None = None, **kw: Any) -> Precinct:
    b = b or body()
    n = next(_seq)
    obj = Precinct.objects.create(
        body=b,
        number=kw.pop("number", str(n)),
        name_kk=kw.pop("name_kk", f"№{n} әкімшілік учаске"),
        name_ru=kw.pop("name_ru", f"Административный участок №{n}"),
        **kw,
    )
    if settlements is None:
        settlements = [settlement(b.territory if b.territory.level == Level.DISTRICT else None)]
    obj.settlements.set(settlements)
    return obj


def officer(b: PoliceBody | None = None, *, position: str = Position.INSPECTOR, **kw: Any) -> Officer:
    b = b or body()
    n = next(_seq)
    return Officer.objects.create(
        body=b,
        last_name=kw.pop("last_name", f"Сапаров{n}"),
        first_name=kw.pop("first_name", "Ерлан"),
        patronymic=kw.pop("patronymic", "Қайратұлы"),
        rank=kw.pop("rank", Rank.CAPTAIN),
        position=position,
        public_phone=kw.pop("public_phone", "+7 700 000 00 00"),
        **kw,
    )


def assignment(
    off: Officer | None = None, prec: Precinct | None = None, *, start: dt.date | None = None, **kw: Any
) -> Assignment:
    prec = prec or precinct()
    off = off or officer(prec.body)
    return Assignment.objects.create(
        officer=off, precinct=prec, start=start or dt.date(2020, 1, 1), kind=kw.pop("kind", "permanent"), **kw
    )


def inspector_with_precinct(b: PoliceBody | None = None) -> tuple[Officer, Precinct]:
    b = b or body()
    prec = precinct(b)
    off = officer(b)
    assignment(off, prec)
    return off, prec


def user(role: str | None = None, *, body_: PoliceBody | None = None, terr: Territory | None = None, **kw: Any) -> User:
    n = next(_seq)
    linked_officer = kw.pop("officer", None)
    u = User.objects.create_user(
        username=kw.pop("username", f"user{n}"),
        password=kw.pop("password", "pass-word-123"),
        first_name=kw.pop("first_name", "Айгүл"),
        last_name=kw.pop("last_name", f"Нұрланова{n}"),
        **kw,
    )
    if role:
        RoleAssignment.objects.create(user=u, role=role, body=body_, territory=terr, officer=linked_officer)
    return u


def staff(role: str = Role.STAFF_UNIT, b: PoliceBody | None = None, **kw: Any) -> User:
    return user(role, body_=b or body(), **kw)


def agency(terr: Territory | None = None, subjects: list[str] | None = None, **kw: Any) -> StateAgency:
    terr = terr or district()
    return StateAgency.objects.create(
        kind=kw.pop("kind", StateAgency.Kind.AKIMAT_DEPARTMENT),
        territory=terr,
        subjects=subjects or ["housing"],
        name_kk=kw.pop("name_kk", "Тұрғын үй-коммуналдық шаруашылық бөлімі"),
        name_ru=kw.pop("name_ru", "Отдел жилищно-коммунального хозяйства"),
        name_en=kw.pop("name_en", "Housing and utilities department"),
        email=kw.pop("email", "zhkh@akimat.example.kz"),
        **kw,
    )


def meeting(
    *,
    kind: str = MeetingKind.INSPECTOR,
    body_: PoliceBody | None = None,
    starts_at: dt.datetime | None = None,
    reporters: list[tuple[Officer, Precinct | None]] | None = None,
    status: str = MeetingStatus.SCHEDULED,
    **kw: Any,
) -> Meeting:
    if reporters is None:
        off, prec = inspector_with_precinct(body_)
        reporters = [(off, prec)]
    body_ = body_ or reporters[0][0].body
    starts_at = starts_at or (timezone.now() + dt.timedelta(days=20)).replace(minute=0, second=0, microsecond=0)
    local = timezone.localtime(starts_at)
    m = Meeting.objects.create(
        kind=kind,
        body=body_,
        period_year=kw.pop("period_year", local.year if kind == MeetingKind.INSPECTOR else local.year - 1),
        period_quarter=kw.pop("period_quarter", (local.month - 1) // 3 + 1 if kind == MeetingKind.INSPECTOR else None),
        starts_at=starts_at,
        ends_at=kw.pop("ends_at", starts_at + dt.timedelta(hours=2)),
        venue_kk=kw.pop("venue_kk", "Мәдениет үйі, Абай к-сі, 10"),
        venue_ru=kw.pop("venue_ru", "Дом культуры, ул. Абая, 10"),
        venue_capacity=kw.pop("venue_capacity", 120),
        expected_attendance=kw.pop("expected_attendance", 60),
        status=status,
        **kw,
    )
    for off, prec in reporters:
        MeetingReporter.objects.create(meeting=m, officer=off, precinct=prec)
        if prec is not None:
            m.precincts.add(prec)
    return m
