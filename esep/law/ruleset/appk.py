"""Appeals: the АППК (from 01.07.2021), before and after Law 241-VIII, and before it the Law of 12.01.2007
No. 221-III on the procedure for considering appeals, as earlier versions of the same rules."""

from __future__ import annotations

import datetime as dt

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.dates import APPK_FROM, LAW_241_FROM, NOTE_241, NOTE_APPK, NOTE_APPK_UNCHANGED
from esep.law.ruleset.meetings import _s

register_act(Act("appk", "АППК", "ӘРПК", "АППК", "Administrative Procedural-Procedural Code of 29.06.2020 No. 350-VI"))

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
