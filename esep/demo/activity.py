"""Residents' ratings and complaints about officers in the showcase district, so that the pages built on them
have something true to show in the demo: the evaluation (esep.evaluation) needs ratings and complaints with
outcomes, the public council moderates residents' comments (esep.feedback), the complaints register
(esep.complaints) counts per officer and unit.

Ratings are rows as a resident's form would leave them (one per resident and report, a score of 1–5, "was your
question answered?", a comment waiting for moderation on recent reports); complaints go through the services
staff use (registered as an appeal under АППК art. 99, taken, the outcome recorded by the staff unit with the
document's number), each step at its own moment in the past. Deterministic for a given body and day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import Any

from django.db.models import Q

from esep.accountability.models import FixAnswer, FixCheck
from esep.appeals.models import AppealSource
from esep.appeals.services import appeal_answer, appeal_register
from esep.complaints.models import ComplaintSource, Measure, Outcome
from esep.complaints.services import complaint_record_outcome, complaint_register
from esep.core import clock
from esep.demo import names
from esep.evaluation.selectors import last_finished_quarter
from esep.feedback.models import Answered, CommentStatus, Rating
from esep.law.compliance.checks import period_window
from esep.meetings.models import Meeting, MeetingStatus
from esep.police.models import PoliceBody

# How many days after a report residents' comments are still waiting for the council's moderation in the demo.
PENDING_DAYS = 45

COMMENTS = [
    "Участковый ответил на все вопросы, спасибо.",
    "Учаскелік инспектор барлық сұраққа жауап берді, рақмет.",
    "Мало времени дали на вопросы.",
    "Жиналыс уақыты ыңғайсыз болды, жұмыстан кейін келу қиын.",
    "Обещали поставить камеру у школы, ждём.",
    "Көше жарығы туралы сұрағыма әлі жауап жоқ.",
]

COMPLAINTS = [
    "Участковый не принял заявление о краже велосипеда и отправил в другой отдел.",
    "Учаскелік инспектор шағымымды тіркеуден бас тартты.",
    "Грубое обращение сотрудника при проверке документов.",
    "Қызметкер көршілер арасындағы дауға екі ай бойы келмеді.",
    "Инспектор не явился на назначенный приём граждан.",
    "Арызыма жауап мерзімінде берілмеді.",
]

APPEALS = [
    "Во дворе по ночам шумит компания, просим принять меры.",
    "Аулада жасөспірімдер кешке көлікпен жылдамдықты асырады.",
    "Прошу проверить стоянку грузовиков на тротуаре у дома.",
    "Дүкен жанында түнде алкоголь сатылады, тексеруді сұраймын.",
    "Сосед держит собаку без привязи, дети боятся ходить в школу.",
]
ANSWER = "Обращение рассмотрено, проведена профилактическая беседа, установлен контроль участкового инспектора."

# (outcome, measures) of the complaints decided in the demo, in turn.
OUTCOMES = [
    (Outcome.CONFIRMED, Measure.DISCIPLINARY),
    (Outcome.NOT_CONFIRMED, Measure.NONE),
    (Outcome.PARTLY, Measure.TRAINING),
    (Outcome.NOT_CONFIRMED, Measure.NONE),
    (Outcome.CONFIRMED, Measure.TRAINING),
    (Outcome.NOT_CONFIRMED, Measure.NONE),
]


def demo_activity(
    body: PoliceBody, *, inspectors: dict[int, Any], staff: Any, today: dt.date, real_now: dt.datetime | None = None
) -> dict[str, int]:
    """Ratings of the body's held reports of the last year and complaints about its inspectors."""
    real_now = real_now or clock.now()
    rng = random.Random(f"esep-demo-activity:{body.slug}:{today.isoformat()}")
    taste: dict[int, float] = {}  # each precinct's residents lean one way, so the evaluation has differences
    return {
        "ratings": _ratings(body, rng, real_now, taste),
        "complaints about officers": _complaints(body, inspectors, staff, rng, real_now),
        **_last_quarter(body, inspectors, staff, rng, real_now, taste),
    }


def _last_quarter_bounds(today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the first day of the evaluation's default quarter (the last finished one) to the next quarter's
    first day, at 10:00 Almaty time (the law's period window for an inspector's report)."""
    start, end = period_window("inspector", *last_finished_quarter(today))
    zone = clock.now().tzinfo
    return tuple(
        dt.datetime(day.year, day.month, day.day, 10, tzinfo=zone) for day in (start, end + dt.timedelta(days=1))
    )


def _last_quarter(body, inspectors, staff, rng, real_now, taste) -> dict[str, int]:
    """In the last finished quarter (the evaluation's default period), six precincts get residents' appeals
    answered in or after the АППК term and answers to "was it fixed?", enough to compare them."""
    since, until = _last_quarter_bounds(clock.localdate(real_now))
    precincts = _precincts(body, inspectors)[:6]
    appeals = checks = 0
    for i, precinct in enumerate(precincts):
        for n in range(4):
            received = since + dt.timedelta(days=3 + 9 * n + i, hours=rng.randint(0, 6))
            with clock.use(lambda moment=received: moment):
                appeal = appeal_register(
                    body=body,
                    text=APPEALS[(i + n) % len(APPEALS)],
                    source=AppealSource.STAFF,
                    actor=staff,
                    applicant_name=f"{rng.choice(names.SURNAMES)} {rng.choice(names.MALE_FIRST)}",
                    language="kk" if (i + n) % 2 else "ru",
                    received_at=received,
                    precinct=precinct,
                )
            answered = received + dt.timedelta(days=rng.choice([4, 7, 9, 12, 12, 26 if i % 3 == 2 else 10]))
            with clock.use(lambda moment=answered: moment):
                appeal_answer(appeal=appeal, actor=staff, text=ANSWER)
            appeals += 1
        meeting = (
            Meeting.objects.filter(reporters__precinct=precinct, status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED))
            .filter(starts_at__lt=until)
            .order_by("-starts_at")
            .first()
        )
        if meeting is None:
            continue
        mean = taste.get(precinct.pk, 3.8)
        rows = []
        for n in range(rng.randint(5, 9)):
            asked = since + dt.timedelta(days=5 + 8 * n)
            rows.append(
                FixCheck(
                    precinct=precinct,
                    meeting=meeting,
                    language="kk",
                    asked_at=asked,
                    answer=FixAnswer.SOLVED if rng.random() < (mean - 1.5) / 3.5 else FixAnswer.NOT_SOLVED,
                    answered_at=asked + dt.timedelta(days=rng.randint(1, 6)),
                )
            )
        FixCheck.objects.bulk_create(rows)
        checks += len(rows)
    return {"appeals answered (last quarter)": appeals, '"was it fixed?" answers': checks}


def _precincts(body: PoliceBody, inspectors: dict[int, Any]) -> list:
    return sorted((p for p in body.precincts.all() if p.pk in inspectors), key=lambda p: (len(p.number), p.number))


def _ratings(body: PoliceBody, rng: random.Random, real_now: dt.datetime, taste: dict[int, float]) -> int:
    held = (
        Meeting.objects.filter(
            Q(body=body) | Q(body__parent=body),
            status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED),
            starts_at__gte=real_now - dt.timedelta(days=400),
            starts_at__lte=real_now - dt.timedelta(hours=6),
        )
        .order_by("starts_at", "pk")
        .prefetch_related("reporters")
    )
    rows = []
    for meeting in held:
        reporters = list(meeting.reporters.all())
        key = reporters[0].precinct_id if reporters and reporters[0].precinct_id else meeting.pk
        mean = taste.setdefault(key, rng.uniform(2.8, 4.7))
        recent = meeting.starts_at >= real_now - dt.timedelta(days=PENDING_DAYS)
        for n in range(rng.randint(3, 28)):
            score = min(5, max(1, round(rng.gauss(mean, 0.9))))
            moment = min(meeting.starts_at + dt.timedelta(hours=rng.randint(2, 96)), real_now)
            comment, status = "", CommentStatus.NONE
            if rng.random() < 0.12:
                comment = rng.choice(COMMENTS)
                status = CommentStatus.PENDING if recent else CommentStatus.APPROVED
            rows.append(
                Rating(
                    meeting=meeting,
                    client_key=hashlib.sha256(f"demo:{meeting.code}:{n}".encode()).hexdigest(),
                    score=score,
                    answered=rng.choice([Answered.YES, Answered.YES, Answered.NO, Answered.DID_NOT_ASK]),
                    comment=comment,
                    comment_status=status,
                    created_at=moment,
                    updated_at=moment,
                    moderated_at=moment + dt.timedelta(days=2) if status == CommentStatus.APPROVED else None,
                )
            )
    Rating.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _complaints(body: PoliceBody, inspectors: dict[int, Any], staff: Any, rng, real_now: dt.datetime) -> int:
    precincts = _precincts(body, inspectors)[:8]
    if not precincts:
        return 0
    made = 0
    for n in range(12):
        precinct = precincts[(n * 5) % len(precincts)]
        received = real_now - dt.timedelta(days=20 + n * 27, hours=rng.randint(0, 8))
        with clock.use(lambda moment=received: moment):
            complaint = complaint_register(
                body=body,
                officers=[inspectors[precinct.pk]],
                precinct=precinct,
                text=COMPLAINTS[n % len(COMPLAINTS)],
                # A named applicant: an appeal without a name ends without an answer (АППК art. 88 p.1 sub.2).
                applicant_name=f"{rng.choice(names.SURNAMES)} {rng.choice(names.MALE_FIRST)}",
                source=ComplaintSource.LETTER if n % 3 else ComplaintSource.STAFF,
                actor=staff,
                received_at=received,
                language="ru" if n % 2 == 0 else "kk",
            )
        made += 1
        if n < 2:  # the newest two are still being considered (АППК art. 99 term)
            continue
        decided = received + dt.timedelta(days=12)
        outcome, measures = OUTCOMES[n % len(OUTCOMES)]
        with clock.use(lambda moment=decided: moment):
            complaint_record_outcome(
                complaint=complaint,
                actor=staff,
                outcome=outcome,
                measures=measures,
                decision_number=f"{decided:%Y}/{140 + n}",
                decision_date=clock.localdate(decided),
            )
    return made
