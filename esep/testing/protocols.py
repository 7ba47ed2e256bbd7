"""Test helpers for meetings (holding) and protocols: people who sign, a held meeting, registered
participants, minutes ready to sign."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from esep.accounts.models import Role, RoleAssignment, User
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus, RegistrationMethod
from esep.meetings.services import participant_register
from esep.police.models import Officer, PoliceBody, Position
from esep.protocols import services
from esep.protocols.models import Protocol
from esep.testing import factories

_seq = itertools.count(1)
ALMATY = dt.timezone(dt.timedelta(hours=5))


def at(year: int, month: int, day: int, hour: int = 18, minute: int = 0) -> dt.datetime:
    """An aware datetime in Asia/Almaty (UTC+5 since March 2024)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def person(role: str, body: PoliceBody, *, officer: Officer | None = None, **kw: Any) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        username=kw.pop("username", f"{role}{n}"),
        password=kw.pop("password", "pass-word-123"),
        first_name=kw.pop("first_name", "Айгерім"),
        last_name=kw.pop("last_name", f"Сейітқали{n}"),
        email=kw.pop("email", f"{role}{n}@police.example.kz"),
        **kw,
    )
    RoleAssignment.objects.create(user=user, role=role, body=body, officer=officer)
    return user


def inspector_user(officer: Officer, **kw: Any) -> User:
    return person(Role.INSPECTOR, officer.body, officer=officer, **kw)


def secretary_user(body: PoliceBody, **kw: Any) -> User:
    return person(Role.SECRETARY, body, **kw)


def chief_user(body: PoliceBody, **kw: Any) -> User:
    officer = factories.officer(body, position=Position.CHIEF)
    return person(Role.CHIEF, body, officer=officer, **kw)


def held_meeting(starts_at: dt.datetime | None = None, **kw: Any) -> Meeting:
    return factories.meeting(starts_at=starts_at, status=kw.pop("status", MeetingStatus.HELD), **kw)


NAMES = ["Әлия", "Ғалым", "Қанат", "Меруерт", "Өмірзақ", "Ұлан", "Үміт", "Іңкәр", "Дәурен", "Сәуле"]


def register_people(meeting: Meeting, n: int) -> None:
    for i in range(n):
        participant_register(
            meeting=meeting,
            full_name=f"Тұрғынова {NAMES[i % len(NAMES)]} {'ұлы' * (i // len(NAMES))}",
            residence=f"Абай к-сі, {i + 1}",
            method=RegistrationMethod.DOOR,
            eligibility_declared=True,
        )


def minutes(meeting: Meeting, secretary: User, *, participants: int = 3, **item: Any) -> Protocol:
    """Minutes with registered participants, one complaint and one decision, ready to be signed."""
    if participants:
        register_people(meeting, participants)
    protocol = services.protocol_start(meeting=meeting, actor=secretary)
    services.protocol_item_add(
        protocol=protocol,
        actor=secretary,
        kind=item.pop("kind", "complaint"),
        text=item.pop("text", "Кіреберісте жарық жоқ, түнде қорқынышты."),
        person_name=item.pop("person_name", "Жұмабаева Гүлнұр"),
        person_contact=item.pop("person_contact", "gulnur@example.kz"),
        contact_consent=item.pop("contact_consent", True),
        answered_in_full=item.pop("answered_in_full", False),
        **item,
    )
    services.decision_add(
        protocol=protocol,
        actor=secretary,
        text="Түнгі рейдтерді күшейту",
        responsible="УИП",
        due_date=timezone.localtime(meeting.starts_at).date() + dt.timedelta(days=30),
    )
    return protocol


def inspector_meeting_with_people(starts_at: dt.datetime) -> tuple[Meeting, User, User]:
    """A held inspector's meeting, its inspector's user and a secretary of the body."""
    meeting = held_meeting(starts_at=starts_at, kind=MeetingKind.INSPECTOR)
    officer = meeting.reporters.get().officer
    return meeting, inspector_user(officer), secretary_user(meeting.body)


def responsible_for_point(meeting: Meeting, officer: Officer) -> None:
    """Record ``officer`` as the inspector responsible for the district police point of the meeting's
    precincts (Order 652 p.33), creating the point where a precinct has none."""
    from esep.police.models import PolicePoint

    for precinct in meeting.precincts.all():
        if precinct.point_id is None:
            precinct.point = factories.point(precinct.body)
            precinct.save(update_fields=["point"])
        PolicePoint.objects.filter(pk=precinct.point_id).update(responsible_officer=officer)


def inspector_meeting_with_controller(starts_at: dt.datetime) -> tuple[Meeting, User, User]:
    """Like ``inspector_meeting_with_people``, the inspector also responsible for the point (Order 652 p.33)."""
    meeting, inspector, secretary = inspector_meeting_with_people(starts_at)
    responsible_for_point(meeting, meeting.reporters.get().officer)
    return meeting, inspector, secretary
