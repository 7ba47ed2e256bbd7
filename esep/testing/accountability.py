"""Test helpers for accountability: a held inspector's report whose every secretary-typed field carries
personal data (names, phones, IIN, addresses), signed, with its execution controlled and published."""

from __future__ import annotations

import datetime as dt
from typing import Any

from esep.accountability import publication
from esep.meetings import services as meeting_services
from esep.meetings.models import Invitation, InviteeCategory, Meeting, MeetingKind, MeetingStatus
from esep.protocols import services as protocol_services
from esep.testing import factories
from esep.testing.protocols import held_meeting, inspector_user, responsible_for_point, secretary_user

# Personal data a secretary might type anywhere; none of it may reach a public page or a public PDF.
PERSON = "Жұмабаева Гүлнұр Серікқызы"
OTHER_PERSON = "Иванов Пётр Сергеевич"
PHONE = "+7 701 234 56 78"
PHONE_2 = "8 (702) 987-65-43"
IIN = "870112345678"
ADDRESS_KK = "Абай көшесі, 15, пәтер 7"
ADDRESS_RU = "ул. Ленина, д. 5, кв. 12"
EMAIL = "gulnur.zh@example.kz"
SEEDED = f"{OTHER_PERSON}, ИИН {IIN}, тел. {PHONE_2}, {ADDRESS_RU}"

# What must never be found (digits compared without spaces, brackets or dashes).
FORBIDDEN_WORDS = ["Жұмабаева", "Гүлнұр", "Серікқызы", "Иванов", "Пётр", "Сергеевич", "Ленина", "Абай көшесі", "gulnur"]
FORBIDDEN_DIGITS = ["7012345678", "7029876543", IIN]


def leaks(text: str) -> list[str]:
    """The seeded personal data found in ``text``."""
    digits = "".join(ch for ch in text if ch.isdigit())
    found = [w for w in FORBIDDEN_WORDS if w.lower() in text.lower()]
    return found + [d for d in FORBIDDEN_DIGITS if d in digits]


def held_report(
    starts_at: dt.datetime, *, publish: bool = True, reporters=None, kind: str = MeetingKind.INSPECTOR
) -> dict[str, Any]:
    """A held inspector's report with personal data in every field a secretary can type, its minutes
    signed by the inspector (responsible for the district police point), one decision in progress and one
    executed, published by staff who accepted the automatic redaction without editing it."""
    meeting = held_meeting(starts_at=starts_at, kind=kind, reporters=reporters)
    officer = meeting.reporters.first().officer
    inspector = inspector_user(officer)
    responsible_for_point(meeting, officer)
    secretary = secretary_user(meeting.body)
    meeting_services.participant_register(
        meeting=meeting,
        full_name=PERSON,
        residence=ADDRESS_KK,
        method="door",
        eligibility_declared=True,
        contact=PHONE,
        contact_consent=True,
    )
    meeting_services.participant_register(
        meeting=meeting, full_name=OTHER_PERSON, residence=ADDRESS_RU, method="door", eligibility_declared=True
    )
    # Invited before the meeting (a person by name).
    Invitation.objects.create(meeting=meeting, category=InviteeCategory.PUBLIC, name=OTHER_PERSON)
    meeting_services.award_add(
        meeting=meeting, recipient=PERSON, reason=f"Белсенді көмегі үшін, {PHONE}", actor=secretary
    )
    meeting_services.video_add_link(
        meeting=meeting, url="https://video.example.kz/report-7", sha256="a" * 64, actor=secretary
    )
    protocol = protocol_services.protocol_start(meeting=meeting, actor=secretary)
    protocol_services.protocol_update(
        protocol=protocol,
        actor=secretary,
        place=f"Мәдениет үйі, {ADDRESS_KK}, жауапты {PERSON}",
        agenda=f"Есепті тыңдады. {PERSON} ({PHONE}) сөйледі. {SEEDED}.",
        participants_override=2,
        participants_override_reason=f"{OTHER_PERSON} тізімге кейін жазылды",
    )
    answered = protocol_services.protocol_item_add(
        protocol=protocol,
        actor=secretary,
        kind="remark",
        text=f"Кіреберісте жарық жоқ, {ADDRESS_KK}. Хабарласу: {PHONE}, {EMAIL}.",
        person_name=PERSON,
        person_contact=EMAIL,
        contact_consent=True,
        answered_in_full=True,
        answer=f"Жарық орнатылады. {OTHER_PERSON} тексереді, ИИН {IIN}.",
    )
    appealed = protocol_services.protocol_item_add(
        protocol=protocol,
        actor=secretary,
        kind="complaint",
        text=f"Көршім {OTHER_PERSON} түнде шу шығарады, {ADDRESS_RU}, ИИН {IIN}, тел. {PHONE_2}.",
        person_name=PERSON,
        person_contact=PHONE,
        contact_consent=True,
        answered_in_full=False,
    )
    protocol_services.decision_add(
        protocol=protocol,
        actor=secretary,
        text=f"Түнгі рейдтерді күшейту ({ADDRESS_RU}); {OTHER_PERSON} хабардар етілсін",
        responsible=f"УИП, {PHONE}",
        due_date=starts_at.date() + dt.timedelta(days=30),
    )
    protocol_services.decision_add(
        protocol=protocol,
        actor=secretary,
        text="Мектеп маңында жаяу жүргіншілер өткелін белгілеу",
        responsible="УИП",
        due_date=starts_at.date() + dt.timedelta(days=10),
    )
    protocol_services.protocol_sign(protocol=protocol, user=inspector)
    protocol.refresh_from_db()
    first, second = protocol.decisions.order_by("id")
    protocol_services.decision_control(
        decision=first, status="in_progress", progress=f"Екі рейд өтті, {PERSON} хабардар етілді.", actor=inspector
    )
    protocol_services.decision_control(decision=second, status="done", progress="Өткел белгіленді.", actor=inspector)
    staff = factories.staff(b=meeting.body)
    if publish:
        draft = publication.draft_texts(meeting)
        publication.report_publish(
            meeting=meeting,
            actor=staff,
            place=draft["place"],
            agenda=draft["agenda"],
            show_decisions=True,
            show_items=True,
            show_video=True,
            show_minutes=True,
            items={
                row["item"].pk: {"text": row["text"], "answer": row["answer"], "publish": True}
                for row in draft["items"]
            },
        )
    return {
        "meeting": meeting,
        "protocol": protocol,
        "inspector": inspector,
        "secretary": secretary,
        "staff": staff,
        "answered": answered,
        "appealed": appealed,
        "decisions": [first, second],
    }


def next_report(meeting: Meeting, starts_at: dt.datetime, **kw: Any) -> Meeting:
    """The same precinct's next report (announced)."""
    reporter = meeting.reporters.first()
    return factories.meeting(
        body_=meeting.body,
        reporters=[(reporter.officer, reporter.precinct)],
        starts_at=starts_at,
        status=kw.pop("status", MeetingStatus.ANNOUNCED),
        **kw,
    )
