"""What each rule about reports to the population means, the same under every act. The acts' modules
(decree_723, order_608, order_1095_652) give each rule's paragraph, value and dates of force."""

from __future__ import annotations

import datetime as dt
from typing import Any

from esep.law.rules import Rule

INVITEES = ("maslikhat", "public", "health", "social", "education", "agriculture", "housing", "organisations", "media")
MINUTES_FIELDS = ("time", "date", "place", "participants_count", "decisions", "citizen_items")
REGIONAL_MEDIA = ("print", "tv_radio", "official_website")


def _s(en: str, kk: str, ru: str) -> dict[str, str]:
    return {"summary_en": en, "summary_kk": kk, "summary_ru": ru}


IN_PERSON = ("indoor", "outdoor")

ABOUT: dict[str, dict[str, Any]] = {
    "meeting.format_allowed": dict(
        **_s(
            "A report is an in-person speech before the population; only an inspector's report under Order 652 may "
            "also be held online.",
            "Есеп халық алдында бетпе-бет сөйлеу болып табылады; тек 652 бұйрық бойынша инспектордың есебі онлайн "
            "форматта да өткізілуі мүмкін.",
            "Отчет является очным выступлением перед населением; только отчет участкового по приказу 652 может "
            "проводиться и в онлайн-формате.",
        )
    ),
    "meeting.chief_period": dict(
        **_s(
            "A chief reports at least once a year, in the first quarter of the year after the reporting period.",
            "Бастық жылына кемінде бір рет, есепті кезеңнен кейінгі жылдың бірінші тоқсанында есеп береді.",
            "Начальник отчитывается не реже раза в год, в первом квартале года, следующего за отчетным.",
        )
    ),
    "meeting.inspector_period": dict(
        **_s(
            "A district inspector reports at least once a quarter at a gathering of the local community.",
            "Учаскелік инспектор тоқсанына кемінде бір рет жергілікті қауымдастық жиынында есеп береді.",
            "Участковый инспектор отчитывается не реже раза в квартал на сходе местного сообщества.",
        )
    ),
    "meeting.notice_days": dict(
        **_s(
            "The time and place of a report are announced at least 10 days before it.",
            "Есептің уақыты мен орны кемінде 10 күн бұрын хабарланады.",
            "Время и место отчета объявляются не позднее чем за 10 дней до него.",
        ),
        unit="calendar_days",
        direction="before",
        start_event="meeting",
    ),
    "meeting.notice_content": dict(
        **_s(
            "The announcement states the time and place and, for chiefs, the schedule and how to send questions.",
            "Хабарландыруда уақыты мен орны, бастықтар үшін кесте және сұрақ жіберу тәсілдері көрсетіледі.",
            "В объявлении указываются время и место, для начальников также график и способы направления вопросов.",
        )
    ),
    "meeting.notice_channels": dict(
        **_s(
            "Where the announcement is published: regional media; for inspectors also social networks and "
            "the administrations of organisations.",
            "Хабарландыру өңірлік БАҚ-та; инспекторлар үшін әлеуметтік желілерде және ұйымдар әкімшілігі арқылы.",
            "Объявление публикуется в региональных СМИ; для инспекторов также в соцсетях и через администрации "
            "организаций.",
        )
    ),
    "meeting.venue_capacity": dict(
        **_s(
            "The venue meets sanitary requirements and holds the expected number of participants.",
            "Өткізу орны санитариялық талаптарға сай және қатысушылардың болжамды санын сыйғызады.",
            "Место проведения соответствует санитарным требованиям и вмещает предполагаемое число участников.",
        )
    ),
    "meeting.invitees": dict(
        **_s(
            "Invited: maslikhat deputies, the public, health, social protection, education, agriculture and "
            "housing bodies, organisations and enterprises, mass media.",
            "Шақырылады: мәслихат депутаттары, жұртшылық, денсаулық сақтау, әлеуметтік қорғау, білім, ауыл және "
            "тұрғын үй-коммуналдық шаруашылық органдары, ұйымдар мен кәсіпорындар, БАҚ.",
            "Приглашаются: депутаты маслихата, общественность, органы здравоохранения, соцзащиты, образования, "
            "сельского и жилищно-коммунального хозяйства, организации и предприятия, СМИ.",
        )
    ),
    "meeting.participants_required": dict(
        **_s(
            "Who takes part: representatives of the local executive body; for inspectors also the leadership "
            "of the police body.",
            "Қатысады: жергілікті атқарушы орган өкілдері; инспекторлар үшін полиция органының басшылығы да.",
            "Участвуют: представители местного исполнительного органа; для инспекторов также руководство "
            "органа полиции.",
        )
    ),
    "meeting.secretary_from": dict(
        **_s(
            "Who keeps the minutes: a secretary from the akimat (Decree 723) or an employee of the police body.",
            "Хаттаманы хатшы жүргізеді: әкімдік өкілі (723 қаулы) немесе полиция органының қызметкері.",
            "Протокол ведет секретарь: представитель акимата (Постановление 723) или сотрудник органа полиции.",
        )
    ),
    "meeting.minutes_fields": dict(
        **_s(
            "The minutes state time, date, place, number of participants, decisions, and citizens' complaints, "
            "proposals and remarks.",
            "Хаттамада уақыты, күні, орны, қатысушылар саны, шешімдер, азаматтардың шағымдары, ұсыныстары мен "
            "ескертулері көрсетіледі.",
            "Протокол содержит время, дату, место, число участников, решения, жалобы, предложения и замечания граждан.",
        )
    ),
    "meeting.minutes_same_day": dict(
        **_s(
            "The minutes are completed on the day of the meeting.",
            "Хаттама есеп өткізілген күні ресімделеді.",
            "Протокол оформляется в день проведения отчета.",
        )
    ),
    "meeting.signatories": dict(
        **_s(
            "Who signs the minutes: secretary and chief (608); the inspector (652); under Decree 723 the secretary "
            "and the officer, sealed with the akimat's stamp.",
            "Хаттамаға қол қояды: хатшы мен бастық (608); инспектор (652); 723 қаулы бойынша хатшы мен қызметкер, "
            "әкімдік мөрімен.",
            "Протокол подписывают: секретарь и начальник (608); инспектор (652); по Постановлению 723 секретарь и "
            "сотрудник, с печатью акимата.",
        )
    ),
    "meeting.video_required": dict(
        **_s(
            "The report is video-recorded (inspectors, Order 652).",
            "Есеп бейнежазбаға түсіріледі (инспекторлар, 652 бұйрық).",
            "Ход отчета фиксируется видеозаписью (инспекторы, приказ 652).",
        )
    ),
    "meeting.registration_required": dict(
        **_s(
            "Every participant is registered, respecting art. 39-3 p.1 of the Law on local state administration "
            "(inspectors, Order 652).",
            "Барлық қатысушы тіркеледі, Жергілікті мемлекеттік басқару туралы заңның 39-3-бабы 1-т. сақталады "
            "(инспекторлар, 652 бұйрық).",
            "Все участники регистрируются с соблюдением п.1 ст. 39-3 Закона о местном государственном управлении "
            "(инспекторы, приказ 652).",
        )
    ),
    "meeting.unanswered_recorded": dict(
        **_s(
            "Complaints, proposals and remarks not fully answered at the report are entered in the minutes and "
            "checked (under the АППК; under Decree 723 the Law on appeals).",
            "Есепте толық жауап берілмеген шағымдар, ұсыныстар мен ескертулер хаттамаға тіркеліп, тексеріледі.",
            "Жалобы, предложения и замечания без полного ответа на отчете фиксируются в протоколе и проверяются.",
        )
    ),
    "meeting.outside_competence": dict(
        **_s(
            "What is outside police competence is sent to the competent state body, notifying the person.",
            "Полиция құзыретіне кірмейтін мәселелер бастамашыны хабардар ете отырып, құзыретті органға жіберіледі.",
            "Не входящее в компетенцию полиции направляется в компетентный орган с уведомлением инициатора.",
        )
    ),
    "meeting.materials_keeper": dict(
        **_s(
            "Who registers and keeps the report materials: the akimat (Decree 723), the police staff unit (608), "
            "the police body of the territory for 1 year (652).",
            "Есеп материалдарын тіркейтін және сақтайтын: әкімдік (723), полиция штабы (608), аумақтың полиция "
            "органы 1 жыл (652).",
            "Кто регистрирует и хранит материалы: акимат (723), штаб органа полиции (608), орган полиции "
            "территории 1 год (652).",
        )
    ),
}


def versions(
    act: str,
    rows: list[tuple],
    *,
    valid_from: dt.date,
    valid_to: dict[str, dt.date | None],
    date_note: str,
) -> list[Rule]:
    """The versions of meeting rules one act sets. A row is (code, kind, paragraph, value[, extra]); kind None
    means the act covers both kinds of report, each until its own ``valid_to``."""
    out = []
    for code, kind, paragraph, value, *extra in rows:
        for k in (kind,) if kind else tuple(valid_to):
            fields = {**ABOUT[code], **(extra[0] if extra else {})}
            out.append(Rule(code, act, paragraph, value, valid_from, valid_to[k], date_note, kind=k, **fields))
    return out
