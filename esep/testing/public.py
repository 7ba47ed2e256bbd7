"""Factories for the residents' side: real-looking Kazakh places with search keys, published meetings,
questions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from esep.meetings.models import Meeting, MeetingStatus
from esep.police.models import PoliceBody, Precinct
from esep.questions import codes
from esep.questions.models import Question
from esep.territory.models import Level, Territory
from esep.territory.search import normalize
from esep.testing import factories as f


def place(kato: str, name_kk: str, name_ru: str, *, level: str = Level.SETTLEMENT, parent=None, **kw: Any) -> Territory:
    obj = f.territory(kato, level=level, name_kk=name_kk, name_ru=name_ru, parent=parent, **kw)
    key = normalize(f"{name_kk} {name_ru}")
    if obj.search_key != key:
        Territory.objects.filter(pk=obj.pk).update(search_key=key)
        obj.search_key = key
    return obj


def karaganda_tree() -> dict[str, Any]:
    """Karaganda region, Bukhar-Zhyrau district, the village of Ботакара with a precinct, its inspector
    and an УПП."""
    region = place("350000000", "Қарағанды облысы", "Карагандинская область", level=Level.OBLAST)
    district = place("354000000", "Бұқар жырау ауданы", "Бухар-Жырауский район", level=Level.DISTRICT, parent=region)
    village = place("354030100", "Ботақара", "Ботакара", parent=district, latitude=50.06, longitude=73.72)
    other = place("354030200", "Үштөбе", "Уштобе", parent=district)
    region_body = f.body(
        level="region_dp", terr=region, name_kk="Қарағанды облысының ПД", name_ru="ДП Карагандинской области"
    )
    body = f.body(
        terr=district,
        parent=region_body,
        name_kk="Бұқар жырау ауданының ПБ",
        name_ru="ОП Бухар-Жырауского района",
        slug="bukhar-zhyrau",
    )
    point = f.point(body)
    point.phone = "+7 721 542 10 02"
    point.save()
    precinct = f.precinct(
        body,
        settlements=[village],
        number="7",
        point=point,
        name_kk="№7 әкімшілік учаске",
        name_ru="Административный участок №7",
    )
    officer = f.officer(body, last_name="Әбілқайыров", first_name="Нұрлан", patronymic="Серікұлы")
    f.assignment(officer, precinct)
    return {
        "region": region,
        "district": district,
        "village": village,
        "other": other,
        "region_body": region_body,
        "body": body,
        "point": point,
        "precinct": precinct,
        "officer": officer,
    }


def published_meeting(
    *, precinct: Precinct, officer=None, body: PoliceBody | None = None, days_ahead: int = 14, **kw: Any
) -> Meeting:
    from esep.police.selectors import inspector_on

    officer = officer or inspector_on(precinct, timezone.localdate()).officer
    starts = (timezone.now() + dt.timedelta(days=days_ahead)).replace(minute=0, second=0, microsecond=0)
    return f.meeting(
        body_=body or precinct.body,
        reporters=[(officer, precinct)],
        starts_at=kw.pop("starts_at", starts),
        status=kw.pop("status", MeetingStatus.ANNOUNCED),
        published_at=kw.pop("published_at", timezone.now()),
        **kw,
    )


def question(meeting: Meeting, text: str = "Көшедегі шамдар жанбайды, не істейсіз?", **kw: Any) -> Question:
    return Question.objects.create(meeting=meeting, text=text, tracking_code=codes.new_code(), **kw)
