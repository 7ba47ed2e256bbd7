"""The rules themselves: Decree 723 (2018), Order 608 and Order 1095 ch.3 as added by Order 652 (2023), the
АППК before and after Law 241-VIII, the Law on local state administration (gatherings), the Law on holidays
and the Law on personal data. Read from the seed texts in /work/shared/seeds and the statutory table in
DOMAIN.md. One rule lives here once; code asks :mod:`esep.law.rules` for it.

Dates of force. The seeds give the rule of entry into force ("ten calendar days after the first official
publication") but not the publication dates, so the dates below are assumptions, each said in its
``date_note``. The test cases sit well away from the assumed boundaries (Q1 2023 / Q1 2024, June 2023 /
December 2023).
"""

from __future__ import annotations

import datetime as dt

from esep.law.rules import Act, Rule, register, register_act

D = dt.date

register_act(
    Act(
        "decree_723",
        "Decree 723",
        "№ 723 қаулы",
        "Постановление № 723",
        "Government Decree No. 723 of 06.11.2018 (lost force by Decree No. 758 of 01.09.2023)",
        "Постановление Правительства РК от 06.11.2018 № 723",
    )
)
register_act(
    Act(
        "order_608",
        "Order 608",
        "№ 608 бұйрық",
        "Приказ № 608",
        "MVD Order No. 608 of 31.07.2023 (p.18 amended by Order No. 87 of 30.01.2024)",
        "Приказ МВД РК от 31.07.2023 № 608",
    )
)
register_act(
    Act(
        "order_652",
        "Order 652",
        "№ 652 бұйрық",
        "Приказ № 652",
        "MVD Order No. 1095 of 29.12.2015, chapter 3 (pp. 25-34), added by Order No. 652 of 21.08.2023",
        "Приказ МВД РК от 29.12.2015 № 1095, глава 3, в редакции приказа от 21.08.2023 № 652",
    )
)
register_act(Act("appk", "АППК", "ӘРПК", "АППК", "Administrative Procedural-Procedural Code of 29.06.2020 No. 350-VI"))
register_act(
    Act(
        "local_admin_law",
        "Law on local state administration",
        "Жергілікті мемлекеттік басқару туралы заң",
        "Закон о местном государственном управлении",
        "Law of 23.01.2001 No. 148-II on local state administration and self-government",
    )
)
register_act(
    Act(
        "holidays_law",
        "Law on holidays",
        "Мерекелер туралы заң",
        "Закон о праздниках",
        "Law of 13.12.2001 No. 267-II on holidays; Labour Code arts. 84-85",
    )
)
register_act(
    Act(
        "personal_data_law",
        "Law on personal data",
        "Дербес деректер туралы заң",
        "Закон о персональных данных",
        "Law of 21.05.2013 No. 94-V on personal data and their protection",
    )
)

# --- Dates of force (see date notes) ---------------------------------------------------------------------
D723_FROM = D(2018, 11, 20)
O608_FROM = D(2023, 8, 15)
O652_FROM = D(2023, 9, 4)
D723_CHIEF_TO = O608_FROM - dt.timedelta(days=1)
D723_INSPECTOR_TO = O652_FROM - dt.timedelta(days=1)
APPK_FROM = D(2021, 7, 1)
LAW_241_FROM = D(2025, 12, 30)

NOTE_723 = (
    "Decree 723 took force ten calendar days after its first publication (p.2); the publication date is not in "
    "the seed, 20.11.2018 is assumed. It lost force by Decree 758 of 01.09.2023; for each kind of report it is "
    "taken to govern until the order that replaced it took force."
)
NOTE_608 = (
    "Order 608 (registered 02.08.2023) took force ten calendar days after its first publication (p.4); the "
    "publication date is not in the seed, 15.08.2023 is assumed as the date of force."
)
NOTE_652 = (
    "Order 652 (registered 22.08.2023) took force ten calendar days after its first publication (p.6); the "
    "publication date is not in the seed, 04.09.2023 is assumed as the date of force."
)
NOTE_APPK = "The АППК took force on 01.07.2021; earlier appeals fell under the Law on appeals (not modelled)."
NOTE_241 = (
    "Law 241-VIII of 17.12.2025 took force about ten days after its publication in late December 2025; "
    "30.12.2025 is assumed. Check against the official publication date."
)
NOTE_APPK_UNCHANGED = (
    "Value as in the text in force in January 2026; the version before Law 241-VIII is taken to be the same "
    "(not checked paragraph by paragraph)."
)

CHIEF, INSPECTOR = "chief", "inspector"
INVITEES = ("maslikhat", "public", "health", "social", "education", "agriculture", "housing", "organisations", "media")
MINUTES_FIELDS = ("time", "date", "place", "participants_count", "decisions", "citizen_items")
REGIONAL_MEDIA = ("print", "tv_radio", "official_website")


def _s(en: str, kk: str, ru: str) -> dict[str, str]:
    return {"summary_en": en, "summary_kk": kk, "summary_ru": ru}


def _meeting(code: str, summary: dict[str, str], *, d723, o608, o652, **common) -> None:
    """Register a meeting rule across the three texts. Each of d723/o608/o652 is (paragraph, value) or a dict
    {"chief": (...), "inspector": (...)} for Decree 723, which covered both kinds of report."""
    versions: list[Rule] = []
    if d723 is not None:
        per_kind = d723 if isinstance(d723, dict) else {CHIEF: d723, INSPECTOR: d723}
        for kind, (paragraph, val, *extra) in per_kind.items():
            versions.append(
                Rule(
                    code,
                    "decree_723",
                    paragraph,
                    val,
                    D723_FROM,
                    D723_CHIEF_TO if kind == CHIEF else D723_INSPECTOR_TO,
                    NOTE_723,
                    kind=kind,
                    **{**summary, **common, **(extra[0] if extra else {})},
                )
            )
    for act, kind, spec, start, note in (
        ("order_608", CHIEF, o608, O608_FROM, NOTE_608),
        ("order_652", INSPECTOR, o652, O652_FROM, NOTE_652),
    ):
        if spec is None:
            continue
        paragraph, val, *extra = spec
        versions.append(
            Rule(
                code,
                act,
                paragraph,
                val,
                start,
                None,
                note,
                kind=kind,
                **{**summary, **common, **(extra[0] if extra else {})},
            )
        )
    register(*versions)


# --- Meetings (reports to the population) ----------------------------------------------------------------

_meeting(
    "meeting.chief_period",
    _s(
        "A chief reports at least once a year, in the first quarter of the year after the reporting period.",
        "Бастық жылына кемінде бір рет, есепті кезеңнен кейінгі жылдың бірінші тоқсанында есеп береді.",
        "Начальник отчитывается не реже раза в год, в первом квартале года, следующего за отчетным.",
    ),
    d723={CHIEF: ("p.21", "yearly_q1_next_year")},
    o608=("p.4", "yearly_q1_next_year"),
    o652=None,
)
_meeting(
    "meeting.inspector_period",
    _s(
        "A district inspector reports at least once a quarter at a gathering of the local community.",
        "Учаскелік инспектор тоқсанына кемінде бір рет жергілікті қауымдастық жиынында есеп береді.",
        "Участковый инспектор отчитывается не реже раза в квартал на сходе местного сообщества.",
    ),
    d723={INSPECTOR: ("p.24", "quarterly")},
    o608=None,
    o652=("p.26", "quarterly", {"note": "Also Order 1095 p.22 sub.13 as amended by Order 652."}),
)
_meeting(
    "meeting.notice_days",
    _s(
        "The time and place of a report are announced at least 10 days before it.",
        "Есептің уақыты мен орны кемінде 10 күн бұрын хабарланады.",
        "Время и место отчета объявляются не позднее чем за 10 дней до него.",
    ),
    d723=("p.7.2", 10),
    o608=("p.8.2", 10, {"note": "The text says 'not later than ten days'; calendar days, as in Order 652 p.27."}),
    o652=("p.27", 10),
    unit="calendar_days",
    direction="before",
    start_event="meeting",
)
_meeting(
    "meeting.notice_content",
    _s(
        "The announcement states the time and place and, for chiefs, the schedule and how to send questions.",
        "Хабарландыруда уақыты мен орны, бастықтар үшін кесте және сұрақ жіберу тәсілдері көрсетіледі.",
        "В объявлении указываются время и место, для начальников также график и способы направления вопросов.",
    ),
    d723=("p.7.2", ("time", "place", "schedule", "questions_channel")),
    o608=("p.8.2", ("time", "place", "schedule", "questions_channel")),
    o652=("p.27", ("time", "place")),
)
_meeting(
    "meeting.notice_channels",
    _s(
        "Where the announcement is published: regional media; for inspectors also social networks and "
        "the administrations of organisations.",
        "Хабарландыру өңірлік БАҚ-та; инспекторлар үшін әлеуметтік желілерде және ұйымдар әкімшілігі арқылы.",
        "Объявление публикуется в региональных СМИ; для инспекторов также в соцсетях и через администрации "
        "организаций.",
    ),
    d723=("p.7.2", REGIONAL_MEDIA),
    o608=("p.8.2", REGIONAL_MEDIA),
    o652=("p.27", (*REGIONAL_MEDIA, "social_network", "organisations")),
)
_meeting(
    "meeting.venue_capacity",
    _s(
        "The venue meets sanitary requirements and holds the expected number of participants.",
        "Өткізу орны санитариялық талаптарға сай және қатысушылардың болжамды санын сыйғызады.",
        "Место проведения соответствует санитарным требованиям и вмещает предполагаемое число участников.",
    ),
    d723=("p.8", True),
    o608=("p.9", True),
    o652=("p.27", True),
)
_meeting(
    "meeting.invitees",
    _s(
        "Invited: maslikhat deputies, the public, health, social protection, education, agriculture and "
        "housing bodies, organisations and enterprises, mass media.",
        "Шақырылады: мәслихат депутаттары, жұртшылық, денсаулық сақтау, әлеуметтік қорғау, білім, ауыл және "
        "тұрғын үй-коммуналдық шаруашылық органдары, ұйымдар мен кәсіпорындар, БАҚ.",
        "Приглашаются: депутаты маслихата, общественность, органы здравоохранения, соцзащиты, образования, "
        "сельского и жилищно-коммунального хозяйства, организации и предприятия, СМИ.",
    ),
    d723=("p.10", INVITEES, {"modality": "may"}),
    o608=("p.11", INVITEES, {"modality": "must"}),
    o652=("p.28", INVITEES, {"modality": "by_agreement"}),
)
_meeting(
    "meeting.participants_required",
    _s(
        "Who takes part: representatives of the local executive body; for inspectors also the leadership "
        "of the police body.",
        "Қатысады: жергілікті атқарушы орган өкілдері; инспекторлар үшін полиция органының басшылығы да.",
        "Участвуют: представители местного исполнительного органа; для инспекторов также руководство органа полиции.",
    ),
    d723={CHIEF: ("p.21", ("akimat",)), INSPECTOR: ("p.24", ("police_leadership", "akimat"))},
    o608=("p.4", ("akimat",), {"modality": "invite"}),
    o652=("p.26", ("police_leadership", "akimat")),
)
_meeting(
    "meeting.secretary_from",
    _s(
        "Who keeps the minutes: a secretary from the akimat (Decree 723) or an employee of the police body.",
        "Хаттаманы хатшы жүргізеді: әкімдік өкілі (723 қаулы) немесе полиция органының қызметкері.",
        "Протокол ведет секретарь: представитель акимата (Постановление 723) или сотрудник органа полиции.",
    ),
    d723=("p.11", "akimat"),
    o608=("p.12", "police"),
    o652=None,
)
_meeting(
    "meeting.minutes_fields",
    _s(
        "The minutes state time, date, place, number of participants, decisions, and citizens' complaints, "
        "proposals and remarks.",
        "Хаттамада уақыты, күні, орны, қатысушылар саны, шешімдер, азаматтардың шағымдары, ұсыныстары мен "
        "ескертулері көрсетіледі.",
        "Протокол содержит время, дату, место, число участников, решения, жалобы, предложения и замечания граждан.",
    ),
    d723=("p.12", MINUTES_FIELDS),
    o608=("p.13", MINUTES_FIELDS),
    o652=("p.32", MINUTES_FIELDS),
)
_meeting(
    "meeting.minutes_same_day",
    _s(
        "The minutes are completed on the day of the meeting.",
        "Хаттама есеп өткізілген күні ресімделеді.",
        "Протокол оформляется в день проведения отчета.",
    ),
    d723=("p.13", True),
    o608=("p.14", True),
    o652=("p.32", True),
)
_meeting(
    "meeting.signatories",
    _s(
        "Who signs the minutes: secretary and chief (608); the inspector (652); under Decree 723 the secretary "
        "and the officer, sealed with the akimat's stamp.",
        "Хаттамаға қол қояды: хатшы мен бастық (608); инспектор (652); 723 қаулы бойынша хатшы мен қызметкер, "
        "әкімдік мөрімен.",
        "Протокол подписывают: секретарь и начальник (608); инспектор (652); по Постановлению 723 секретарь и "
        "сотрудник, с печатью акимата.",
    ),
    d723={
        CHIEF: ("p.14", ("secretary", "chief", "akimat_stamp")),
        INSPECTOR: ("p.14", ("secretary", "inspector", "akimat_stamp")),
    },
    o608=("p.15", ("secretary", "chief")),
    o652=("p.32", ("inspector",)),
)
_meeting(
    "meeting.video_required",
    _s(
        "The report is video-recorded (inspectors, Order 652).",
        "Есеп бейнежазбаға түсіріледі (инспекторлар, 652 бұйрық).",
        "Ход отчета фиксируется видеозаписью (инспекторы, приказ 652).",
    ),
    d723=("", False),
    o608=("", False),
    o652=("p.32", True),
)
_meeting(
    "meeting.registration_required",
    _s(
        "Every participant is registered, respecting art. 39-3 p.1 of the Law on local state administration "
        "(inspectors, Order 652).",
        "Барлық қатысушы тіркеледі, Жергілікті мемлекеттік басқару туралы заңның 39-3-бабы 1-т. сақталады "
        "(инспекторлар, 652 бұйрық).",
        "Все участники регистрируются с соблюдением п.1 ст. 39-3 Закона о местном государственном управлении "
        "(инспекторы, приказ 652).",
    ),
    d723=("", False),
    o608=("", False),
    o652=("p.32", True),
)
_meeting(
    "meeting.unanswered_recorded",
    _s(
        "Complaints, proposals and remarks not fully answered at the report are entered in the minutes and "
        "checked (under the АППК; under Decree 723 the Law on appeals).",
        "Есепте толық жауап берілмеген шағымдар, ұсыныстар мен ескертулер хаттамаға тіркеліп, тексеріледі.",
        "Жалобы, предложения и замечания без полного ответа на отчете фиксируются в протоколе и проверяются.",
    ),
    d723=("p.15", "law_on_appeals"),
    o608=("p.16", "appk"),
    o652=("p.32", "appk"),
)
_meeting(
    "meeting.outside_competence",
    _s(
        "What is outside police competence is sent to the competent state body, notifying the person.",
        "Полиция құзыретіне кірмейтін мәселелер бастамашыны хабардар ете отырып, құзыретті органға жіберіледі.",
        "Не входящее в компетенцию полиции направляется в компетентный орган с уведомлением инициатора.",
    ),
    d723=("p.16", True),
    o608=("p.17", True),
    o652=("p.32", True),
)
_meeting(
    "meeting.materials_keeper",
    _s(
        "Who registers and keeps the report materials: the akimat (Decree 723), the police staff unit (608), "
        "the police body of the territory for 1 year (652).",
        "Есеп материалдарын тіркейтін және сақтайтын: әкімдік (723), полиция штабы (608), аумақтың полиция "
        "органы 1 жыл (652).",
        "Кто регистрирует и хранит материалы: акимат (723), штаб органа полиции (608), орган полиции "
        "территории 1 год (652).",
    ),
    d723=("p.17", "akimat"),
    o608=("p.18", "police_staff_unit", {"note": "p.18 as amended by Order 87 of 30.01.2024 (documentation rules)."}),
    o652=("p.32", "police_body"),
)

register(
    Rule(
        "retention.inspector_materials_days",
        "order_652",
        "p.32",
        1,
        O652_FROM,
        None,
        NOTE_652,
        unit="years",
        start_event="meeting",
        kind=INSPECTOR,
        note="The value is in years (1 year), despite the code's name; deadlines.compute() handles the unit.",
        **_s(
            "Inspector report materials are kept for 1 year by the police body of the territory.",
            "Инспектор есебінің материалдары аумақтың полиция органында 1 жыл сақталады.",
            "Материалы отчета инспектора хранятся 1 год в органе полиции территории.",
        ),
    )
)

# --- АППК: appeals ------------------------------------------------------------------------------------------

register(
    Rule(
        "appk.redirect_days",
        "appk",
        "art. 65",
        3,
        APPK_FROM,
        None,
        NOTE_APPK + " " + NOTE_APPK_UNCHANGED,
        unit="working_days",
        start_event="receipt",
        **_s(
            "An appeal outside the body's competence is passed to the competent body within 3 working days of "
            "receipt, notifying the applicant.",
            "Құзыретке жатпайтын өтініш түскеннен кейін 3 жұмыс күні ішінде өтініш берушіге хабарлай отырып, "
            "құзыретті органға жіберіледі.",
            "Обращение вне компетенции передается в компетентный орган не позднее 3 рабочих дней с момента "
            "поступления с уведомлением заявителя.",
        ),
    ),
    Rule(
        "appk.term_days",
        "appk",
        "art. 76 p.1",
        15,
        APPK_FROM,
        LAW_241_FROM - dt.timedelta(days=1),
        NOTE_APPK,
        unit="working_days",
        start_event="receipt",
        **_s(
            "An appeal is considered within 15 working days from its receipt.",
            "Өтініш түскен күннен бастап 15 жұмыс күні ішінде қаралады.",
            "Обращение рассматривается в течение 15 рабочих дней со дня поступления.",
        ),
    ),
    Rule(
        "appk.term_days",
        "appk",
        "art. 76 p.1",
        15,
        LAW_241_FROM,
        None,
        NOTE_241,
        unit="working_days",
        start_event="registration",
        note="After a redirect the term runs from the day after the competent body receives it (art. 76 p.2).",
        **_s(
            "An appeal is considered within 15 working days from its registration, counting from the next day "
            "(as amended by Law 241-VIII).",
            "Өтініш тіркелген күннен кейінгі күннен бастап 15 жұмыс күні ішінде қаралады (241-VIII заң).",
            "Обращение рассматривается в течение 15 рабочих дней со дня регистрации, со следующего дня "
            "(в редакции Закона 241-VIII).",
        ),
    ),
    Rule(
        "appk.extension_max_months",
        "appk",
        "art. 76 p.3",
        2,
        APPK_FROM,
        None,
        NOTE_APPK + " " + NOTE_APPK_UNCHANGED,
        unit="months",
        start_event="extension_decision",
        **_s(
            "The term may be extended by a reasoned decision of the head, by at most 2 months.",
            "Мерзім басшының дәлелді шешімімен ең көбі 2 айға ұзартылуы мүмкін.",
            "Срок может быть продлен мотивированным решением руководителя не более чем на 2 месяца.",
        ),
    ),
    Rule(
        "appk.notice_days",
        "appk",
        "art. 70 p.3; art. 76 p.3",
        3,
        APPK_FROM,
        None,
        NOTE_APPK + " " + NOTE_APPK_UNCHANGED,
        unit="working_days",
        start_event="decision",
        **_s(
            "The applicant is told of an extension or of the end of the procedure within 3 working days.",
            "Өтініш беруші мерзімнің ұзартылғаны немесе рәсімнің тоқтатылғаны туралы 3 жұмыс күні ішінде "
            "хабардар етіледі.",
            "Заявитель уведомляется о продлении или прекращении процедуры в течение 3 рабочих дней.",
        ),
    ),
    Rule(
        "appk.complaint_term_days",
        "appk",
        "art. 99",
        20,
        APPK_FROM,
        None,
        NOTE_APPK + " " + NOTE_APPK_UNCHANGED,
        unit="working_days",
        start_event="registration",
        **_s(
            "A complaint against an act or inaction is considered within 20 working days of registration, "
            "without extension.",
            "Әрекетке немесе әрекетсіздікке шағым тіркелген күннен бастап 20 жұмыс күні ішінде, ұзартусыз қаралады.",
            "Жалоба на действие или бездействие рассматривается в течение 20 рабочих дней со дня регистрации, "
            "без продления.",
        ),
    ),
    Rule(
        "appk.working_hours",
        "appk",
        "art. 64 pp.2-3",
        ("09:00", "18:30"),
        APPK_FROM,
        None,
        NOTE_APPK,
        unit="hours",
        note="The АППК refers to the body's working hours; 09:00-18:30 is the usual schedule of state bodies.",
        **_s(
            "An appeal received after working hours or on a non-working day is registered on the next working day.",
            "Жұмыс уақытынан кейін немесе жұмыс емес күні түскен өтініш келесі жұмыс күні тіркеледі.",
            "Обращение, поступившее после рабочего времени или в нерабочий день, регистрируется следующим "
            "рабочим днем.",
        ),
    ),
    Rule(
        "appk.deadline_shift",
        "appk",
        "art. 76 p.5",
        True,
        APPK_FROM,
        None,
        NOTE_APPK,
        **_s(
            "A deadline that falls on a non-working day moves to the next working day.",
            "Мерзімнің соңғы күні жұмыс емес күнге түссе, келесі жұмыс күніне ауысады.",
            "Срок, последний день которого приходится на нерабочий день, переносится на следующий рабочий день.",
        ),
    ),
)

# --- Gatherings of the local community (Law on local state administration) --------------------------------

NOTE_GATHERING = "Art. 39-3 has been in force throughout the period modelled; its exact date of force is not recorded."
register(
    Rule(
        "gathering.notice_days",
        "local_admin_law",
        "art. 39-3 p.8",
        10,
        None,
        None,
        NOTE_GATHERING,
        unit="calendar_days",
        direction="before",
        start_event="meeting",
        **_s(
            "Members of the local community are told of a gathering at least 10 calendar days ahead.",
            "Жергілікті қауымдастық мүшелеріне жиын туралы кемінде 10 күнтізбелік күн бұрын хабарланады.",
            "Члены местного сообщества оповещаются о сходе не позднее чем за 10 календарных дней.",
        ),
    ),
    Rule(
        "gathering.quorum_percent",
        "local_admin_law",
        "art. 39-3 p.9",
        (("gathering", 10), ("assembly", 50)),
        None,
        None,
        NOTE_GATHERING,
        **_s(
            "Quorum: a gathering needs 10% of the members living there; a meeting, half of the delegated members.",
            "Кворум: жиынға тұратын мүшелердің 10%-ы, жиналысқа өкілетті мүшелердің жартысы қажет.",
            "Кворум: сходу нужно 10% проживающих членов, собранию половина делегированных членов.",
        ),
    ),
    Rule(
        "gathering.participants",
        "local_admin_law",
        "art. 39-3 p.1",
        ("registered_resident", "adult", "capable", "not_imprisoned"),
        None,
        None,
        NOTE_GATHERING,
        **_s(
            "Gathering participants are residents of the territory; not minors, persons found incapable by a "
            "court, or prisoners.",
            "Жиынға аумақта тіркелген тұрғындар қатысады; кәмелетке толмағандар, әрекетке қабілетсіз деп "
            "танылғандар және бас бостандығынан айырылғандар қатыспайды.",
            "Участники схода: жители территории; кроме несовершеннолетних, недееспособных по решению суда и "
            "лиц в местах лишения свободы.",
        ),
    ),
)

# --- Personal data ---------------------------------------------------------------------------------------

register(
    Rule(
        "personal_data.withdrawal_days",
        "personal_data_law",
        "art. 8",
        15,
        None,
        None,
        "Value as in the text in force in January 2026; earlier versions are not tracked.",
        unit="working_days",
        start_event="request",
        note="DOMAIN.md cites arts. 7-9, 12, 18 together; the paragraph of the 15-day term should be checked.",
        **_s(
            "A withdrawal of consent is honoured within 15 working days.",
            "Келісімді кері қайтарып алу 15 жұмыс күні ішінде орындалады.",
            "Отзыв согласия исполняется в течение 15 рабочих дней.",
        ),
    )
)

# Retention of personal data outside the report materials. The Law on personal data says only that data are
# kept no longer than their purpose needs and destroyed when it is reached (arts. 12, 18); it sets no number
# of days. The numbers below are Esep's own policy, chosen and written down here so that they can be read,
# cited and changed in one place; each version says so in its date_note.
NOTE_PD_POLICY = (
    "Esep's own retention policy, not a statutory number: the Law on personal data (arts. 12, 18) requires "
    "destruction when the purpose is reached but sets no term. Applied from the start (no date of force)."
)
register(
    Rule(
        "retention.question_contact_days",
        "personal_data_law",
        "art. 12; art. 18",
        30,
        None,
        None,
        NOTE_PD_POLICY
        + " The purpose (answering the question and telling the author what became of it) is reached when the "
        "question is closed; 30 calendar days leave time to read the answer and ask about it.",
        unit="calendar_days",
        start_event="closed",
        note="The consent text (questions/consent.py, 2025-1) allows keeping the data as long as the report "
        "materials; this shorter term stays within it.",
        **_s(
            "The name and contact of a question's author are destroyed 30 calendar days after the question is "
            "closed (Esep's policy).",
            "Сұрақ авторының аты мен байланысы сұрақ жабылғаннан кейін 30 күнтізбелік күннен соң жойылады "
            "(Esep саясаты).",
            "Имя и контакт автора вопроса уничтожаются через 30 календарных дней после закрытия вопроса "
            "(политика Esep).",
        ),
    ),
    Rule(
        "retention.question_contact_open_years",
        "personal_data_law",
        "art. 12; art. 18",
        1,
        None,
        None,
        NOTE_PD_POLICY
        + " For a question never closed (the meeting cancelled, nobody moderated it) the purpose lapses with the "
        "report; the consent text promises storage no longer than the report materials (Order 652 p.32: 1 year).",
        unit="years",
        start_event="meeting",
        **_s(
            "The name and contact of a question that was never closed are destroyed 1 year after the meeting "
            "(Esep's policy, as long as the report materials).",
            "Жабылмаған сұрақ авторының аты мен байланысы жиналыстан 1 жылдан кейін жойылады (Esep саясаты, "
            "есеп материалдары сақталатын мерзім).",
            "Имя и контакт автора незакрытого вопроса уничтожаются через 1 год после встречи (политика Esep, "
            "как срок хранения материалов отчета).",
        ),
    ),
    Rule(
        "retention.appeal_applicant_years",
        "personal_data_law",
        "art. 12; art. 18",
        1,
        None,
        None,
        NOTE_PD_POLICY
        + " No term for the applicant's data in an appeal file was found in the texts at hand (the АППК sets "
        "none; the storage term of the file itself follows the body's nomenclature of cases under Order 236, "
        "which is not in the seeds). 1 year after the procedure is finished leaves time for a complaint or a "
        "suit against the answer (АППК arts. 91, 100) and for the next report on measures taken (Order 652 "
        "p.30). Only the name and contact go: the text, answer, dates and timeline of the appeal stay.",
        unit="years",
        start_event="finished",
        note="Check against the police body's nomenclature of cases; if it keeps appeal files with names longer, "
        "add a version here.",
        **_s(
            "The applicant's name and contact are destroyed 1 year after the appeal is finished (Esep's policy).",
            "Өтініш берушінің аты мен байланысы өтініш бойынша рәсім аяқталғаннан кейін 1 жылдан соң жойылады "
            "(Esep саясаты).",
            "Имя и контакт заявителя уничтожаются через 1 год после завершения процедуры по обращению (политика Esep).",
        ),
    ),
    Rule(
        "retention.outbox_recipient_days",
        "personal_data_law",
        "art. 12; art. 18",
        30,
        None,
        None,
        NOTE_PD_POLICY
        + " An email or SMS has reached its purpose once it is delivered or has failed for good; its row stays as "
        "evidence that the person was notified (АППК art. 65), 30 calendar days later without the address.",
        unit="calendar_days",
        start_event="sent",
        **_s(
            "The recipient's address of an email or SMS is destroyed 30 calendar days after it was sent, delivered "
            "or failed for good (Esep's policy).",
            "Хат немесе SMS алушының мекенжайы жіберілгеннен, жеткізілгеннен немесе түпкілікті жіберілмегеннен "
            "кейін 30 күнтізбелік күннен соң жойылады (Esep саясаты).",
            "Адрес получателя письма или SMS уничтожается через 30 календарных дней после отправки, доставки "
            "или окончательной ошибки (политика Esep).",
        ),
    ),
)

# --- Working days ----------------------------------------------------------------------------------------

register(
    Rule(
        "calendar.public_holidays",
        "holidays_law",
        "art. 5",
        # (month, day, key, carried over when it falls on a day off)
        (
            (1, 1, "new_year", True),
            (1, 2, "new_year", True),
            (1, 7, "orthodox_christmas", False),
            (3, 8, "womens_day", True),
            (3, 21, "nauryz", True),
            (3, 22, "nauryz", True),
            (3, 23, "nauryz", True),
            (5, 1, "unity_day", True),
            (5, 7, "defender_day", True),
            (5, 9, "victory_day", True),
            (7, 6, "capital_day", True),
            (8, 30, "constitution_day", True),
            (10, 25, "republic_day", True),
            (12, 16, "independence_day", True),
        ),
        None,
        None,
        "List as in DOMAIN.md (texts to January 2026). Used for years the `holidays` package does not cover with "
        "confirmed data (from 2026); earlier years come from the package.",
        note="The first day of Kurban Ait is a holiday without carry-over; its lunar date comes from the "
        "calendar table (CalendarDay), as do each year's transfers of days off (Labour Code art. 85).",
        **_s(
            "Public holidays are days off; a holiday on a day off moves the day off to the next working day, "
            "except 7 January and the first day of Kurban Ait.",
            "Мереке күндері демалыс; демалыс күніне сәйкес келген мереке келесі жұмыс күніне ауысады, 7 қаңтар "
            "мен Құрбан айттың бірінші күнінен басқа.",
            "Праздники являются выходными; выходной при совпадении праздника с выходным переносится на "
            "следующий рабочий день, кроме 7 января и первого дня Курбан айта.",
        ),
    )
)

from esep.law import report_sections  # noqa: E402,F401  (the sections a report must contain)
