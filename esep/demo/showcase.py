"""The showcase: a few reports played through Esep's real services, so that every page has a true story.

The bulk generator (esep.demo.generator) fills the country with an archive of reports; here the showcase
district body (Karaganda city) and a handful of other bodies get reports made the way staff make them:
announced and published to channels, invitations, residents' questions moderated, participants registered
at the door, minutes with items and decisions, signed and sealed, appeals opened, forwarded to akimat
departments and answered, one left overdue. Services and models read "now" from ``esep.core.clock``; each
step runs at its own moment of the story (``_Clock``, injected with ``clock.use``), never later than the
real now.

What each showcase meeting should evaluate to (esep.law.describe.evaluate_meeting), tested in
esep/demo/tests/test_showcase.py:
- ``full``: last quarter's inspector report of precinct 1, done by the book: no findings;
- ``problems``: the quarter before: announced late with a reason, few invitees, the akimat absent, no video,
  minutes signed the next day, an appeal left unanswered past its term;
- ``chief``: the chief's yearly report (Order 608): no findings; one decision past its due date;
- ``unsigned``: an inspector's report two days ago whose minutes are still a draft;
- ``today``: an inspector's report today, announced, with questions and invitations (the door page);
- ``upcoming``: a report in about two weeks with residents' questions waiting for moderation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation

from esep.accounts.models import Role, RoleAssignment, User
from esep.announcements.models import Channel
from esep.announcements.services import announcement_channel_record, announcement_publish
from esep.appeals.models import Appeal, AppealKind, AppealStatus
from esep.appeals.routing import route_agency
from esep.appeals.services import (
    appeal_answer,
    appeal_record_agency_reply,
    appeal_register_crime,
    appeal_take,
)
from esep.appeals.sweep import appeals_sweep
from esep.core import clock
from esep.demo import names
from esep.meetings.models import (
    Invitation,
    InviteeCategory,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingReporter,
    MeetingStatus,
)
from esep.meetings.services import (
    award_add,
    invitation_create,
    invitation_mark_attended,
    invitation_reply,
    meeting_close,
    meeting_mark_held,
    participant_register,
    participant_register_known,
    participants_register_sheet,
    video_add_link,
)
from esep.police.models import Officer, PoliceBody, PolicePoint, Precinct, StateAgency, Subject
from esep.protocols.models import ControlStatus, ItemKind
from esep.protocols.services import (
    decision_add,
    decision_control,
    protocol_item_add,
    protocol_sign,
    protocol_start,
    protocol_update,
)
from esep.questions.models import Question, QuestionStatus
from esep.questions.services import (
    question_accept,
    question_answer_at_meeting,
    question_answer_in_writing,
    question_merge,
    question_reject,
    question_submit,
)
from esep.workflows.question_appeal import question_to_appeal

if TYPE_CHECKING:  # pragma: no cover
    from esep.demo.generator import Generator

ALMATY = ZoneInfo("Asia/Almaty")
SHOWCASE_DISTRICT = "351000000"  # Karaganda city administration
OTHER_BODIES = 4  # besides the showcase body: a district each of Astana, Almaty, Shymkent and Karaganda region


# --- the clock ---------------------------------------------------------------------------------------------


class _Clock:
    """The services' now (injected with esep.core.clock.use) while a step of the story runs: the step's
    moment, a few milliseconds later at each call so that rows keep their order. Never later than the real
    now. Nothing is patched: other threads and requests keep the real time."""

    def __init__(self, real_now: dt.datetime) -> None:
        self.real_now = real_now
        self.moment = real_now

    def __call__(self) -> dt.datetime:
        self.moment = min(self.moment + dt.timedelta(milliseconds=5), self.real_now)
        return self.moment

    @contextmanager
    def at(self, moment: dt.datetime) -> Iterator[None]:
        if moment > self.real_now:
            raise ValueError(f"the showcase cannot act in the future: {moment:%Y-%m-%d %H:%M}")
        self.moment = moment
        with clock.use(self):
            yield


def _local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ALMATY)


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def _weekday_in(year: int, quarter: int, month: int = 2, day: int = 13) -> dt.date:
    """A Tuesday to Thursday around ``day`` of the quarter's ``month`` (1-3)."""
    result = dt.date(year, (quarter - 1) * 3 + month, day)
    while result.weekday() not in (1, 2, 3):
        result += dt.timedelta(days=1)
    return result


# --- the plan ----------------------------------------------------------------------------------------------


@dataclass
class Plan:
    """Which precincts and periods the showcase plays; the bulk generator leaves them alone."""

    today: dt.date
    body: PoliceBody
    precincts: list[Precinct]  # P1 (the demo inspector's), P2, P3 of the showcase body
    others: list[tuple[PoliceBody, Precinct]]
    chief_year: int
    days: dict[str, dt.date]
    reserved_quarters: set[tuple[int, int, int]] = field(default_factory=set)
    reserved_chief: set[tuple[int, int]] = field(default_factory=set)
    no_upcoming: set[int] = field(default_factory=set)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)


def story_days(today: dt.date) -> tuple[int, dict[str, dt.date]]:
    """The year of the chief's report played, and the day of each story, for a demo made on ``today``."""
    current = _quarter(today)
    # Chief's report on a year, held in Q1 of the next year (Order 608 p.4): the last one already held.
    chief_year = (
        today.year - 1 if today >= _weekday_in(today.year, 1, 2, 20) + dt.timedelta(days=60) else today.year - 2
    )
    return chief_year, {
        "problems": _weekday_in(*_shift_quarter(*current, -2)),
        "full": _weekday_in(*_shift_quarter(*current, -1)),
        "chief": _weekday_in(chief_year + 1, 1, 2, 20),
        "unsigned": today - dt.timedelta(days=2),
        "today": today,
        "upcoming": today + dt.timedelta(days=16),
    }


def plan(gen: Generator, showcase_kato: str) -> Plan:
    today = gen.today
    body = gen.district_bodies.get(showcase_kato) or next(iter(gen.district_bodies.values()))
    own = [p for p in gen.precincts if p.body_id == body.pk][:3]
    others: list[tuple[PoliceBody, Precinct]] = []
    with_precincts = {p.body_id for p in gen.precincts}
    wanted = ["71", "75", "79", body.territory.kato[:2]]
    for prefix in wanted[:OTHER_BODIES]:
        candidates = [
            b
            for kato, b in sorted(gen.district_bodies.items())
            if kato.startswith(prefix) and b.pk != body.pk and b.pk in with_precincts
        ]
        if candidates:
            chosen = candidates[0]
            others.append((chosen, next(p for p in gen.precincts if p.body_id == chosen.pk)))
    chief_year, days = story_days(today)
    result = Plan(today, body, own, others, chief_year, days)
    p1 = own[0]
    for story, precinct in (("problems", p1), ("full", p1), ("today", p1)):
        result.reserved_quarters.add((precinct.pk, *_quarter(days[story])))
    if len(own) > 1:
        result.reserved_quarters.add((own[1].pk, *_quarter(days["unsigned"])))
    if len(own) > 2:
        result.reserved_quarters.add((own[2].pk, *_quarter(days["upcoming"])))
    for _body, precinct in others:
        result.reserved_quarters.add((precinct.pk, *_quarter(days["full"])))
    result.reserved_chief = {(b.pk, chief_year) for b in [body, *(b for b, _p in others)]}
    result.no_upcoming = {p.pk for p in own} | {p.pk for _b, p in others}
    return result


# --- the cast ----------------------------------------------------------------------------------------------


@dataclass
class Cast:
    body: PoliceBody
    staff: User
    secretary: User
    chief: User
    inspector: User  # signs as the inspector of ``precinct``
    precinct: Precinct


def _hidden_user(username: str, first: str, last: str, role: str, body: PoliceBody, officer=None) -> User:
    """An account of another body's officer, used only to play the story (no password: not a demo login)."""
    user = User.objects.create_user(username=username, first_name=first, last_name=last)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    RoleAssignment.objects.create(user=user, role=role, body=body, officer=officer)
    return user


def _cast_for(gen: Generator, body: PoliceBody, precinct: Precinct) -> Cast:
    chief = gen.chiefs[body.pk]
    inspector = gen.current_inspector[precinct.pk]
    slug = body.slug
    if precinct.point_id:
        # Order 652 p.33: the showcase's inspector controls execution of their minutes.
        PolicePoint.objects.filter(pk=precinct.point_id).update(responsible_officer=inspector)
    return Cast(
        body=body,
        staff=_hidden_user(f"demo-{slug}-staff", "Штаб", "Қызметкері", Role.STAFF_UNIT, body),
        secretary=_hidden_user(f"demo-{slug}-secretary", "Хатшы", "Полиция", Role.SECRETARY, body),
        chief=_hidden_user(f"demo-{slug}-chief", chief.first_name, chief.last_name, Role.CHIEF, body, chief),
        inspector=_hidden_user(
            f"demo-{slug}-inspector", inspector.first_name, inspector.last_name, Role.INSPECTOR, body, inspector
        ),
        precinct=precinct,
    )


# --- the texts ---------------------------------------------------------------------------------------------

QUESTIONS = [
    ("kk", "Біздің аулада кешке жастар жиналып, түн ортасына дейін шу шығарады. Не істеуге болады?"),
    ("ru", "Когда установят камеры видеонаблюдения на перекрёстке у школы? Дети переходят дорогу без светофора."),
    ("kk", "Телефон арқылы алаяқтық жиілеп кетті. Қарт адамдарға қалай сақтану керектігін айтып беріңізші."),
    ("ru", "Во дворе по ночам паркуются грузовики и перекрывают проезд скорой помощи."),
    ("kk", "Учаскелік инспектордың қабылдау уақыты қашан? Жұмыстан кейін келуге бола ма?"),
    ("ru", "Почему на нашей улице не горят фонари уже третий месяц? Вечером страшно ходить."),
]
REJECTED_QUESTION = ("ru", "Куплю гараж недорого, звоните!!! Реклама, а не вопрос.")
REJECT_REASON = "Бұл сұрақ емес, жарнама. / Это реклама, а не вопрос."
ITEMS = {
    "answered": (ItemKind.COMPLAINT, "Жасөспірімдер кешке мектеп маңында темекі шегеді.", Subject.POLICE),
    "unanswered": (
        ItemKind.COMPLAINT,
        "Көршінің иті бақылаусыз жүр, балаларға шабуыл жасады; бұрын айтқанбыз, шара қолданылмады.",
        Subject.POLICE,
    ),
    "lights": (ItemKind.PROPOSAL, "Абай көшесіндегі аулаларда көше жарығын қалпына келтіру керек.", Subject.HOUSING),
    "road": (ItemKind.COMPLAINT, "Мектеп алдындағы жаяу жүргінші өткелінде бағдаршам жоқ.", Subject.ROADS),
    "crime": (ItemKind.CRIME_REPORT, "Кеше түнде подъезден велосипед ұрланды.", Subject.POLICE),
    "remark": (ItemKind.REMARK, "Учаскелік пункттің телефонына хабарласу қиын.", Subject.POLICE),
}
ANSWER_IN_FULL = "Инспектор профилактикалық рейд жүргізетінін және мектеппен бірге түсіндіру жұмысын айтты."
AGENDA = (
    "1. Учаскелік инспектордың тоқсандағы жұмысы туралы есебі (Бұйрық 652, 30-т.).\n"
    "2. Тұрғындардың алдын ала жіберген сұрақтарына жауаптар.\n"
    "3. Тұрғындардың шағымдары, ұсыныстары мен ескертулері."
)
CHIEF_AGENDA = (
    "1. Полиция органы бастығының жыл қорытындысы бойынша есебі (Бұйрық 608, 6-т.).\n"
    "2. Азаматтардың ұсыныстары мен ескертулері."
)

SUMMARIES = {
    MeetingKind.INSPECTOR: {
        "summary_kk": "Учаскелік инспектор тоқсандағы құқық бұзушылықтар, алдын алу жұмысы және тұрғындардың "
        "өтініштері бойынша есеп берді. Тұрғындар жастардың кешкі шуы, көше жарығы және алаяқтық туралы сұрады; "
        "жауап берілмеген өтініштер ӘРПК бойынша тіркелді, әкімдікке қатыстылары тиісті бөлімге жіберілді.",
        "summary_ru": "Участковый инспектор отчитался о правонарушениях за квартал и профилактической работе. "
        "Жители спрашивали о шуме по вечерам, уличном освещении и мошенничестве; обращения без полного ответа "
        "зарегистрированы по АППК, вопросы акимата направлены в его отделы.",
        "summary_en": "The district inspector reported on the quarter's offences and prevention work. Residents "
        "asked about noise in the evenings, street lighting and fraud; what was not answered in full was "
        "registered as appeals, and what belongs to the akimat was sent to its departments.",
    },
    MeetingKind.CHIEF: {
        "summary_kk": "Полиция органының бастығы жыл қорытындысы бойынша есеп берді: қылмыстық ахуал, алдын алу "
        "бағдарламалары, жол қауіпсіздігі, өтініштермен жұмыс. Шешімдер хаттамаға енгізілді.",
        "summary_ru": "Начальник органа полиции отчитался об итогах года: криминогенная обстановка, программы "
        "профилактики, безопасность дорожного движения, работа с обращениями. Решения внесены в протокол.",
        "summary_en": "The chief of the police body reported on the year: crime, prevention programmes, road "
        "safety and appeals. The decisions taken are in the minutes.",
    },
}


class Story:
    def __init__(self, gen: Generator, clock: _Clock, cast: Cast, rng: random.Random) -> None:
        self.gen = gen
        self.clock = clock
        self.cast = cast
        self.rng = rng

    # --- helpers ----------------------------------------------------------------------------------------
    def person(self) -> str:
        female = self.rng.random() < 0.45
        first = self.rng.choice(names.FEMALE_FIRST if female else names.MALE_FIRST)
        surname = self.rng.choice(names.SURNAMES) + ("а" if female else "")
        father = self.rng.choice(names.FATHERS) + ("қызы" if female else "ұлы")
        return f"{surname} {first} {father}"

    def residence(self) -> str:
        street = self.rng.choice(names.STREETS)[0]
        place = self.cast.precinct.settlements.order_by("kato").first()
        town = place.name_kk if place is not None else str(self.cast.body.territory)
        return f"{town}, {street}, {self.rng.randint(1, 90)}-үй, {self.rng.randint(1, 120)}-пәтер"

    def phone(self) -> str:
        return f"+7 70{self.rng.randint(0, 9)} {self.rng.randint(100, 999)} {self.rng.randint(10, 99)} " + str(
            self.rng.randint(10, 99)
        )

    def meeting(self, *, kind: str, precinct: Precinct | None, officer: Officer, starts_at: dt.datetime) -> Meeting:
        """A meeting as the staff unit enters it in the schedule (Order 608 p.8.1)."""
        settlement = precinct.settlements.order_by("kato").first() if precinct is not None else None
        chief = kind == MeetingKind.CHIEF
        venue_kk, venue_ru = (
            ("Әкімдіктің мәжіліс залы", "Зал заседаний акимата")
            if chief
            else (f"№{self.rng.randint(2, 80)} мектеп акт залы", "актовый зал школы")
        )
        local = timezone.localtime(starts_at, ALMATY).date()
        with self.clock.at(starts_at - dt.timedelta(days=30)):
            meeting = Meeting.objects.create(
                kind=kind,
                body=self.cast.body,
                period_year=local.year - 1 if chief else local.year,
                period_quarter=None if chief else (local.month - 1) // 3 + 1,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=3 if chief else 2),
                settlement=settlement,
                venue_kk=venue_kk,
                venue_ru=venue_ru if chief else f"{venue_ru} №{venue_kk.split()[0][1:]}",
                venue_capacity=250 if chief else 120,
                expected_attendance=150 if chief else 60,
                format=MeetingFormat.INDOOR,
                gathering_type="" if chief else "gathering",
                status=MeetingStatus.SCHEDULED,
            )
            MeetingReporter.objects.create(meeting=meeting, officer=officer, precinct=precinct)
            if precinct is not None:
                meeting.precincts.add(precinct)
        return meeting

    def announce(self, meeting: Meeting, *, days_before: int, channels: list[str], late_reason: str = "") -> None:
        moment = meeting.starts_at - dt.timedelta(days=days_before, hours=-2)
        with self.clock.at(moment):
            announcement = announcement_publish(meeting=meeting, actor=self.cast.staff, late_reason=late_reason)
        with self.clock.at(moment + dt.timedelta(hours=3)):
            urls = {
                Channel.REGIONAL_MEDIA: "https://ortalyq.kz/news/",
                Channel.TV_RADIO: "https://www.youtube.com/@qaragandy-tv",
                Channel.SOCIAL_NETWORKS: "https://www.instagram.com/p/",
                Channel.ENTERPRISES: "https://ksk.example.kz/notices/",
                Channel.ENTRANCE_POSTERS: "https://esep.example.kz/poster-photo/",
            }
            for channel in channels:
                announcement_channel_record(
                    announcement=announcement,
                    channel=channel,
                    date=clock.localdate(),
                    url=f"{urls[channel]}{meeting.code}",
                    actor=self.cast.staff,
                )
        meeting.refresh_from_db()

    def invite(self, meeting: Meeting, categories: list[str], *, days_before: int = 18) -> dict[str, Invitation]:
        terr = self.cast.body.territory
        agencies = {a.kind + ":" + ",".join(a.subjects): a for a in StateAgency.objects.filter(territory=terr)}

        def agency(subject: str) -> StateAgency | None:
            return next((a for key, a in agencies.items() if subject in key.split(":")[1].split(",")), None)

        region_health = next(
            (
                a
                for a in StateAgency.objects.filter(territory__kato=terr.kato[:2] + "0000000")
                if "health" in a.subjects
            ),
            None,
        )
        people = {
            InviteeCategory.AKIMAT: (agency(Subject.LAND), ""),
            InviteeCategory.POLICE_LEADERSHIP: (None, f"{self.cast.body.name_kk} басшылығы"),
            InviteeCategory.MASLIKHAT: (None, f"{terr.name_kk} мәслихатының депутаты"),
            InviteeCategory.PUBLIC: (None, "Аула комитеттерінің өкілдері"),
            InviteeCategory.PUBLIC_COUNCIL: (None, "Облыстық полиция департаменті жанындағы қоғамдық кеңес"),
            InviteeCategory.HEALTH: (region_health, "Қалалық емхана"),
            InviteeCategory.SOCIAL: (agency(Subject.SOCIAL), ""),
            InviteeCategory.EDUCATION: (agency(Subject.EDUCATION), ""),
            InviteeCategory.AGRICULTURE: (agency(Subject.AGRICULTURE), ""),
            InviteeCategory.HOUSING: (agency(Subject.HOUSING), ""),
            InviteeCategory.ORGANISATIONS: (None, "Пәтер иелерінің кооперативтері қауымдастығы"),
            InviteeCategory.MEDIA: (None, "«Орталық Қазақстан» газеті"),
        }
        result = {}
        with self.clock.at(meeting.starts_at - dt.timedelta(days=days_before)):
            for category in categories:
                known, name = people[category]
                result[category] = invitation_create(
                    meeting=meeting,
                    category=category,
                    name=(known.name_kk if known is not None else name) or str(terr),
                    email=known.email if known is not None else "",
                    actor=self.cast.staff,
                )
        return result

    def reply(self, invitations: dict[str, Invitation], meeting: Meeting, accepted: list[str]) -> None:
        with self.clock.at(meeting.starts_at - dt.timedelta(days=6)):
            for category in accepted:
                if category in invitations and invitations[category].email:
                    invitation_reply(token=invitations[category].token, accept=True, note="")

    def ask(self, meeting: Meeting, count: int, *, days_before: int = 12, offset: int = 0) -> list[Question]:
        questions = []
        for i in range(count):
            language, text = QUESTIONS[(offset + i) % len(QUESTIONS)]
            named = i % 2 == 0
            with self.clock.at(meeting.starts_at - dt.timedelta(days=days_before - i, hours=3)):
                questions.append(
                    question_submit(
                        meeting=meeting,
                        text=text,
                        author_name=self.person() if named else "",
                        contact=self.phone() if named else "",
                        consent_given=named,
                        language=language,
                    )
                )
        return questions

    def register(self, meeting: Meeting, count: int, *, sheet: int = 0) -> None:
        """At the door (Order 652 p.32): known residents of earlier reports first, then new people, then a
        paper sheet entered by the secretary."""
        with self.clock.at(meeting.starts_at - dt.timedelta(minutes=25)):
            precincts = list(meeting.precincts.all())
            from esep.meetings.models import Participant

            known = list(
                Participant.objects.filter(meeting__precincts__in=precincts, meeting__starts_at__lt=meeting.starts_at)
                .exclude(full_name="")
                .order_by("id")[: count // 3]
            )
            for previous in known:
                participant_register_known(meeting=meeting, previous=previous, actor=self.cast.secretary)
            for _ in range(count - len(known)):
                participant_register(
                    meeting=meeting,
                    full_name=self.person(),
                    residence=self.residence(),
                    method="door",
                    eligibility_declared=True,
                    actor=self.cast.secretary,
                )
        if sheet:
            with self.clock.at(meeting.starts_at + dt.timedelta(minutes=40)):
                lines = [f"{self.person()}; {self.residence()}" for _ in range(sheet)]
                participants_register_sheet(
                    meeting=meeting, text="\n".join(lines), eligibility_declared=True, actor=self.cast.secretary
                )

    def attended(self, meeting: Meeting, invitations: dict[str, Invitation], categories: list[str]) -> None:
        with self.clock.at(meeting.starts_at + dt.timedelta(minutes=5)):
            for category in categories:
                invitation_mark_attended(invitation=invitations[category], attended=True, actor=self.cast.secretary)

    def hold(self, meeting: Meeting, *, video: bool = True, award: bool = False) -> None:
        with self.clock.at(meeting.ends_at or meeting.starts_at + dt.timedelta(hours=2)):
            meeting_mark_held(meeting=meeting, actor=self.cast.staff)
            # The summary residents read on the public page. Esep has no service for it yet (see the report
            # of the demo-ux branch); the archive rows are written the same way.
            Meeting.objects.filter(pk=meeting.pk).update(**SUMMARIES[meeting.kind])
            if video:
                digest = hashlib.sha256(f"esep-demo-video-{meeting.code}".encode()).hexdigest()
                video_add_link(
                    meeting=meeting,
                    url=f"https://video.police.example.kz/reports/{meeting.code}.mp4",
                    sha256=digest,
                    actor=self.cast.secretary,
                )
            if award:
                award_add(
                    meeting=meeting,
                    recipient=self.person(),
                    reason="Қоғамдық тәртіпті сақтауға белсенді көмегі үшін алғыс хат (Бұйрық 652, 34-т.)",
                    actor=self.cast.staff,
                )

    def minutes(self, meeting: Meeting, items: list[tuple[str, bool]], decisions: list[tuple[str, str, int]], *,
                agenda: str = AGENDA, participants_override: int | None = None) -> Any:  # fmt: skip
        """Minutes as the secretary keeps them (Order 608 pp.12-13; Order 652 p.32)."""
        with self.clock.at((meeting.ends_at or meeting.starts_at) + dt.timedelta(minutes=15)):
            protocol = protocol_start(meeting=meeting, actor=self.cast.secretary)
            fields: dict[str, Any] = {"agenda": agenda, "language": "kk"}
            if participants_override is not None:
                fields["participants_override"] = participants_override
                fields["participants_override_reason"] = "Залда тіркеу парағы бойынша саналды."
            protocol = protocol_update(protocol=protocol, actor=self.cast.secretary, **fields)
            territory = meeting.settlement or self.cast.body.territory
            for key, answered in items:
                kind, text, subject = ITEMS[key]
                competence = "police" if subject == Subject.POLICE else "other"
                named = key != "remark"
                protocol_item_add(
                    protocol=protocol,
                    actor=self.cast.secretary,
                    kind=kind,
                    text=text,
                    person_name=self.person() if named else "",
                    person_contact=self.phone() if named else "",
                    contact_consent=named,
                    answered_in_full=answered,
                    answer=ANSWER_IN_FULL if answered else "",
                    competence=competence,
                    subject=subject,
                    target_agency=route_agency(territory=territory, subject=subject) if competence == "other" else None,
                )
            day = timezone.localtime(meeting.starts_at, ALMATY).date()
            for text, responsible, due_in in decisions:
                decision_add(
                    protocol=protocol,
                    text=text,
                    responsible=responsible,
                    due_date=day + dt.timedelta(days=due_in),
                    actor=self.cast.secretary,
                )
        return protocol

    def sign(self, protocol: Any, meeting: Meeting, signers: list[User], *, delay: dt.timedelta) -> None:
        with self.clock.at((meeting.ends_at or meeting.starts_at) + delay):
            for user in signers:
                protocol_sign(protocol=protocol, user=user)
            # A fresh row: the instance caches the draft minutes it was created with.
            meeting_close(meeting=Meeting.objects.get(pk=meeting.pk), actor=self.cast.staff)

    def follow_up(self, meeting: Meeting, *, answer_police: bool, agency_replies: bool) -> None:
        """After the report: staff take the appeals; police answer in time; the akimat department answers."""
        day = timezone.localtime(meeting.starts_at, ALMATY).date()
        for appeal in Appeal.objects.filter(meeting=meeting, source="protocol").order_by("id"):
            if appeal.kind == AppealKind.CRIME_REPORT:
                with self.clock.at(_local(day + dt.timedelta(days=2), 9)):
                    appeal_take(appeal=appeal, actor=self.cast.staff)
                    appeal_register_crime(
                        appeal=appeal, actor=self.cast.staff, register_number=f"ЕРДР {day:%y}{appeal.pk:07d}"
                    )
            elif appeal.status == AppealStatus.FORWARDED:
                if agency_replies:
                    forward = appeal.forwards.order_by("-id").first()
                    with self.clock.at(_local(day + dt.timedelta(days=9), 16)):
                        appeal_record_agency_reply(
                            token=forward.token,
                            text="Көше жарығын қалпына келтіру жұмыстары жоспарға енгізілді, мердігер анықталды.",
                            measures="Шам бағаналары ауыстырылады; мерзімі — 30 күн.",
                            number=f"ЖТ-{appeal.pk:04d}",
                            name="Бөлім басшысы Ахметова Ж. С.",
                        )
            elif appeal.status == AppealStatus.REGISTERED:
                with self.clock.at(_local(day + dt.timedelta(days=2), 10)):
                    appeal_take(appeal=appeal, actor=self.cast.inspector)
                if answer_police:
                    with self.clock.at(_local(day + dt.timedelta(days=7), 15)):
                        appeal_answer(
                            appeal=appeal,
                            actor=self.cast.inspector,
                            text="Ит иесіне әкімшілік хаттама толтырылды, иесі итті байлап ұстауға міндеттелді.",
                            measures="ӘҚБтК 408-бабы бойынша хаттама; аулада профилактикалық әңгіме өткізілді.",
                        )

    # --- the stories ------------------------------------------------------------------------------------
    def inspector_full(self, day: dt.date, *, questions: bool = True) -> Meeting:
        """An inspector's report done by the book (Order 652 pp.26-33): no findings."""
        officer = self.gen.current_inspector[self.cast.precinct.pk]
        meeting = self.meeting(kind=MeetingKind.INSPECTOR, precinct=self.cast.precinct, officer=officer,
                               starts_at=_local(day, 18))  # fmt: skip
        self.announce(meeting, days_before=20, channels=[Channel.SOCIAL_NETWORKS, Channel.ENTRANCE_POSTERS])
        invitations = self.invite(meeting, list(InviteeCategory.values))
        self.reply(invitations, meeting, [InviteeCategory.AKIMAT, InviteeCategory.HOUSING])
        asked = self.ask(meeting, 4) if questions else []
        if asked:
            with self.clock.at(meeting.starts_at - dt.timedelta(days=2)):
                asked[:3] = [question_accept(question=q, actor=self.cast.inspector) for q in asked[:3]]
                question_merge(question=asked[3], into=asked[0], actor=self.cast.inspector)
        self.register(meeting, 24, sheet=6)
        self.attended(meeting, invitations, [InviteeCategory.AKIMAT, InviteeCategory.POLICE_LEADERSHIP,
                                             InviteeCategory.MASLIKHAT])  # fmt: skip
        self.hold(meeting, award=True)
        if asked:
            with self.clock.at(meeting.ends_at):
                question_answer_at_meeting(
                    question=asked[0], actor=self.cast.inspector, note="Кездесуде жауап берілді."
                )
                question_answer_in_writing(
                    question=asked[1],
                    answer="Бейнебақылау камерасы 2-тоқсанда орнатылады; оған дейін таңертең патруль тұрады.",
                    actor=self.cast.inspector,
                )
                question_to_appeal(question=asked[2], actor=self.cast.inspector)
        protocol = self.minutes(
            meeting,
            [("answered", True), ("unanswered", False), ("lights", False), ("crime", False)],
            [
                ("Мектеп маңында кешкі профилактикалық рейдтер өткізу.", "Учаскелік инспектор", 30),
                ("Тұрғындармен алаяқтықтың алдын алу бойынша кездесу өткізу.", "Учаскелік инспектор", 150),
            ],
        )
        self.sign(protocol, meeting, [self.cast.inspector], delay=dt.timedelta(minutes=45))
        self.follow_up(meeting, answer_police=True, agency_replies=True)
        for appeal in Appeal.objects.filter(meeting=meeting, source="question", status=AppealStatus.REGISTERED):
            with self.clock.at(_local(day + dt.timedelta(days=8), 11)):
                appeal_take(appeal=appeal, actor=self.cast.inspector)
                appeal_answer(
                    appeal=appeal,
                    actor=self.cast.inspector,
                    text="Қарт адамдарға арналған жадынама пәтер иелерінің кооперативтері арқылы таратылды.",
                )
        first, second = protocol.decisions.order_by("id")[:2]
        with self.clock.at(_local(day + dt.timedelta(days=25), 12)):
            decision_control(decision=first, status=ControlStatus.DONE, progress="Төрт рейд өткізілді.",
                             actor=self.cast.inspector)  # fmt: skip
            decision_control(decision=second, status=ControlStatus.IN_PROGRESS, actor=self.cast.inspector,
                             progress="Пәтер иелерінің кооперативтерімен келісілді.")  # fmt: skip
        return meeting

    def inspector_problems(self, day: dt.date) -> Meeting:
        """What goes wrong: late notice, the akimat absent, no video, minutes a day late, an appeal overdue."""
        officer = self.gen.current_inspector[self.cast.precinct.pk]
        meeting = self.meeting(kind=MeetingKind.INSPECTOR, precinct=self.cast.precinct, officer=officer,
                               starts_at=_local(day, 18))  # fmt: skip
        self.announce(
            meeting,
            days_before=6,
            channels=[],
            late_reason="Мектеп залы кеш бекітілді. / Зал школы подтвердили поздно.",
        )
        invitations = self.invite(meeting, [InviteeCategory.AKIMAT, InviteeCategory.POLICE_LEADERSHIP], days_before=5)
        self.register(meeting, 14)
        self.attended(meeting, invitations, [InviteeCategory.POLICE_LEADERSHIP])
        self.hold(meeting, video=False)
        protocol = self.minutes(
            meeting,
            [("remark", True), ("unanswered", False), ("road", False)],
            [("Учаскелік пункттің кезекшілік кестесін жариялау.", "УПП бастығы", 14)],
        )
        self.sign(protocol, meeting, [self.cast.inspector], delay=dt.timedelta(hours=16))
        # Staff take the complaint but never answer it: the sweep marks it overdue (АППК art. 76 p.1, 91 p.2).
        self.follow_up(meeting, answer_police=False, agency_replies=False)
        return meeting

    def chief_full(self, day: dt.date) -> Meeting:
        """The chief's yearly report (Order 608): every invitee of p.11, secretary and chief sign on the day."""
        chief = self.gen.chiefs[self.cast.body.pk]
        meeting = self.meeting(kind=MeetingKind.CHIEF, precinct=None, officer=chief, starts_at=_local(day, 15))
        self.announce(meeting, days_before=16,
                      channels=[Channel.REGIONAL_MEDIA, Channel.TV_RADIO, Channel.SOCIAL_NETWORKS])  # fmt: skip
        invitations = self.invite(meeting, list(InviteeCategory.values), days_before=20)
        self.reply(invitations, meeting, [InviteeCategory.AKIMAT, InviteeCategory.HEALTH, InviteeCategory.EDUCATION])
        self.attended(meeting, invitations, [InviteeCategory.AKIMAT, InviteeCategory.MASLIKHAT,
                                             InviteeCategory.MEDIA])  # fmt: skip
        self.register(meeting, 12)
        self.hold(meeting, video=False, award=True)  # Order 608 asks no video (and no retention rule for it)
        protocol = self.minutes(
            meeting,
            [("answered", True), ("lights", False), ("unanswered", False)],
            [
                ("Қылмыстық жағдайды талдау нәтижесін әкімдікке жіберу.", "Штаб бастығы", 30),
                ("Мектептер маңында бейнебақылау жүйесін кеңейту ұсынысын дайындау.", "Бастықтың орынбасары", 75),
                ("Учаскелік инспекторлардың қабылдау кестесін жаңарту.", "УПП бастықтары", 500),
            ],
            agenda=CHIEF_AGENDA,
            participants_override=146,
        )
        self.sign(protocol, meeting, [self.cast.secretary, self.cast.chief], delay=dt.timedelta(minutes=40))
        self.follow_up(meeting, answer_police=True, agency_replies=True)
        first = protocol.decisions.order_by("id").first()
        with self.clock.at(_local(day + dt.timedelta(days=20), 12)):
            # Order 608 p.19: the leadership of the body closes a decision of the chief's report.
            decision_control(decision=first, status=ControlStatus.DONE, progress="Талдау әкімдікке жіберілді.",
                             actor=self.cast.chief)  # fmt: skip
        return meeting

    def inspector_unsigned(self, day: dt.date) -> Meeting:
        """Held two days ago; the minutes are a draft: the Today page asks for them (Order 652 p.32)."""
        officer = self.gen.current_inspector[self.cast.precinct.pk]
        meeting = self.meeting(kind=MeetingKind.INSPECTOR, precinct=self.cast.precinct, officer=officer,
                               starts_at=_local(day, 18))  # fmt: skip
        self.announce(meeting, days_before=14, channels=[Channel.SOCIAL_NETWORKS])
        invitations = self.invite(meeting, list(InviteeCategory.values), days_before=13)
        self.register(meeting, 18)
        self.attended(meeting, invitations, [InviteeCategory.AKIMAT, InviteeCategory.POLICE_LEADERSHIP])
        self.hold(meeting)
        self.minutes(meeting, [("answered", True), ("road", False)], [])
        return meeting

    def inspector_today(self, day: dt.date) -> Meeting:
        """Today at 18:00 (or within the next two hours if the demo is made in the evening): announced in
        time, invitations answered, questions accepted, one still waiting; the door page is ready."""
        officer = self.gen.current_inspector[self.cast.precinct.pk]
        now = timezone.localtime(self.clock.real_now, ALMATY)
        later = (now + dt.timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
        starts_at = min(max(_local(day, 18), later), _local(day, 23))
        meeting = self.meeting(kind=MeetingKind.INSPECTOR, precinct=self.cast.precinct, officer=officer,
                               starts_at=starts_at)  # fmt: skip
        self.announce(meeting, days_before=12, channels=[Channel.SOCIAL_NETWORKS, Channel.ENTERPRISES])
        invitations = self.invite(meeting, list(InviteeCategory.values), days_before=11)
        self.reply(invitations, meeting, [InviteeCategory.AKIMAT, InviteeCategory.SOCIAL])
        asked = self.ask(meeting, 3, days_before=9, offset=3)
        with self.clock.at(meeting.starts_at - dt.timedelta(days=4)):
            question_accept(question=asked[0], actor=self.cast.inspector)
            question_accept(question=asked[1], actor=self.cast.inspector)
        return meeting

    def inspector_upcoming(self, day: dt.date) -> Meeting:
        """In about two weeks: announced, residents' questions waiting for moderation."""
        officer = self.gen.current_inspector[self.cast.precinct.pk]
        starts_at = _local(day, 18)
        meeting = self.meeting(kind=MeetingKind.INSPECTOR, precinct=self.cast.precinct, officer=officer,
                               starts_at=starts_at)  # fmt: skip
        self.announce(meeting, days_before=24, channels=[Channel.SOCIAL_NETWORKS])
        self.invite(meeting, [InviteeCategory.AKIMAT, InviteeCategory.POLICE_LEADERSHIP], days_before=23)
        asked = self.ask(meeting, 3, days_before=22, offset=1)
        with self.clock.at(meeting.starts_at - dt.timedelta(days=19)):
            question_submit(meeting=meeting, text=REJECTED_QUESTION[1], language=REJECTED_QUESTION[0])
        with self.clock.at(meeting.starts_at - dt.timedelta(days=18)):
            question_accept(question=asked[0], actor=self.cast.inspector)
        return meeting


def _reject_spam(meeting: Meeting, clock: _Clock, actor: User) -> None:
    spam = Question.objects.filter(meeting=meeting, text=REJECTED_QUESTION[1], status=QuestionStatus.SUBMITTED).first()
    if spam is not None:
        with clock.at(meeting.starts_at - dt.timedelta(days=17)):
            question_reject(question=spam, reason=REJECT_REASON, actor=actor)


def play(gen: Generator, result: Plan, *, real_now: dt.datetime | None = None) -> Plan:
    """Play the showcase through the services. Deterministic for a given KATO and day."""
    # Texts Esep stores (timeline notes, notices) are written in the language active when they happen; the
    # periodic commands run with the default language (Kazakh), so the showcase does too.
    with translation.override(settings.LANGUAGE_CODE):
        return _play(gen, result, real_now=real_now)


def _play(gen: Generator, result: Plan, *, real_now: dt.datetime | None) -> Plan:
    story_clock = _Clock(real_now or clock.now())
    rng = random.Random("esep-demo-showcase")
    users = {u.username: u for u in User.objects.filter(username__in=["staff", "chief", "inspector", "secretary"])}
    p1 = result.precincts[0]
    cast = Cast(result.body, users["staff"], users["secretary"], users["chief"], users["inspector"], p1)
    story = Story(gen, story_clock, cast, rng)
    result.meetings["problems"] = story.inspector_problems(result.days["problems"])
    result.meetings["full"] = story.inspector_full(result.days["full"])
    result.meetings["chief"] = story.chief_full(result.days["chief"])
    result.meetings["today"] = story.inspector_today(result.days["today"])
    if len(result.precincts) > 1:
        p2 = result.precincts[1]
        p2_inspector = gen.current_inspector[p2.pk]
        cast2 = Cast(result.body, users["staff"], users["secretary"], users["chief"],
                     _hidden_user(f"demo-{result.body.slug}-inspector-2", p2_inspector.first_name,
                                  p2_inspector.last_name, Role.INSPECTOR, result.body, p2_inspector), p2)  # fmt: skip
        result.meetings["unsigned"] = Story(gen, story_clock, cast2, rng).inspector_unsigned(result.days["unsigned"])
    if len(result.precincts) > 2:
        cast3 = Cast(result.body, users["staff"], users["secretary"], users["chief"], users["inspector"],
                     result.precincts[2])  # fmt: skip
        upcoming = Story(gen, story_clock, cast3, rng).inspector_upcoming(result.days["upcoming"])
        result.meetings["upcoming"] = upcoming
        _reject_spam(upcoming, story_clock, users["staff"])
    for index, (body, precinct) in enumerate(result.others, start=1):
        other = Story(gen, story_clock, _cast_for(gen, body, precinct), rng)
        result.meetings[f"full-{index}"] = other.inspector_full(result.days["full"], questions=index % 2 == 1)
        result.meetings[f"chief-{index}"] = other.chief_full(result.days["chief"])
    # The sweep, as cron runs it: the unanswered complaint becomes overdue (АППК art. 91 p.2).
    appeals_sweep(today=gen.today)
    result.codes = sample_codes()
    return result


def sample_codes() -> dict[str, str]:
    """Codes a visitor of the demo can type: a question's tracking code and appeals' codes (showcase body)."""
    codes: dict[str, str] = {}
    here = {"meeting__body__territory__kato": SHOWCASE_DISTRICT}
    question = Question.objects.filter(status=QuestionStatus.ANSWERED_WRITING, **here).order_by("id").first()
    if question is not None:
        codes["question (answered in writing)"] = question.tracking_code
    forwarded = Appeal.objects.filter(answered_by_agency=True, **here).order_by("id").first()
    if forwarded is not None:
        codes["appeal (answered by an akimat department)"] = forwarded.code
    overdue = Appeal.objects.filter(overdue_since__isnull=False, **here).order_by("id").first()
    if overdue is not None:
        codes["appeal (overdue)"] = overdue.code
    return codes
