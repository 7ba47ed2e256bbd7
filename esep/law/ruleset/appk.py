"""Appeals: the АППК (from 01.07.2021), before and after Law 241-VIII, and before it the Law of 12.01.2007
No. 221-III on the procedure for considering appeals, as earlier versions of the same rules."""

from __future__ import annotations

import datetime as dt

from esep.law.rules import Act, Rule, register, register_act
from esep.law.ruleset.dates import (
    APPK_FROM,
    LAW_221_TO,
    LAW_241_FROM,
    NOTE_221,
    NOTE_241,
    NOTE_APPK,
    NOTE_APPK_UNCHANGED,
)
from esep.law.ruleset.meetings import _s

register_act(Act("appk", "АППК", "ӘРПК", "АППК", "Administrative Procedural-Procedural Code of 29.06.2020 No. 350-VI"))
register_act(
    Act(
        "law_221",
        "Law 221-III",
        "№ 221-III заң",
        "Закон № 221-III",
        "Law of 12.01.2007 No. 221-III on the procedure for considering appeals of individuals and legal entities "
        "(lost force 01.07.2021)",
        "Закон РК от 12.01.2007 № 221-III «О порядке рассмотрения обращений физических и юридических лиц»",
    )
)

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


# --- АППК: what was not a term ------------------------------------------------------------------------------

register(
    Rule(
        "appk.complaint_extendable",
        "appk",
        "art. 99",
        False,
        APPK_FROM,
        None,
        NOTE_APPK,
        **_s(
            "The term of a complaint against an act or inaction cannot be extended.",
            "Әрекетке немесе әрекетсіздікке шағымды қарау мерзімі ұзартылмайды.",
            "Срок рассмотрения жалобы на действие или бездействие не продлевается.",
        ),
    ),
    Rule(
        "appk.anonymous_unanswered",
        "appk",
        "art. 88 p.1 sub.2",
        True,
        APPK_FROM,
        None,
        NOTE_APPK,
        note="Reports of crimes or threats to security are passed on at once; they are not appeals (art. 3 p.4).",
        **_s(
            "An anonymous appeal (no name, signature or address) ends without an answer, except reports of "
            "crimes or threats.",
            "Жасырын өтініш (аты-жөні, қолы немесе мекенжайы жоқ) бойынша рәсім жауапсыз тоқтатылады; қылмыс "
            "немесе қауіп туралы хабарлар бұған жатпайды.",
            "Анонимное обращение (без имени, подписи или адреса) прекращается без ответа, кроме сообщений о "
            "преступлениях или угрозах.",
        ),
    ),
)

# --- Before the АППК: the Law of 12.01.2007 No. 221-III (to 30.06.2021) -------------------------------------

register(
    Rule(
        "appk.term_days",
        "law_221",
        "art. 8 p.1",
        15,
        None,
        LAW_221_TO,
        NOTE_221,
        unit="calendar_days",
        start_event="receipt",
        note="Art. 8 p.2 gave 30 calendar days where information from other bodies or a check on site was "
        "needed; the description has no field for that, so the general 15 days apply.",
        **_s(
            "An appeal is considered within 15 calendar days of its receipt.",
            "Өтініш түскен күннен бастап 15 күнтізбелік күн ішінде қаралады.",
            "Обращение рассматривается в течение 15 календарных дней со дня поступления.",
        ),
    ),
    Rule(
        "appk.complaint_term_days",
        "law_221",
        "art. 8 p.1",
        15,
        None,
        LAW_221_TO,
        NOTE_221,
        unit="calendar_days",
        start_event="receipt",
        note="Law 221-III had no separate term for complaints against an act or inaction: a complaint was an "
        "appeal like any other.",
        **_s(
            "A complaint is an appeal: considered within 15 calendar days of its receipt.",
            "Шағым өтініш ретінде түскен күннен бастап 15 күнтізбелік күн ішінде қаралады.",
            "Жалоба рассматривается как обращение в течение 15 календарных дней со дня поступления.",
        ),
    ),
    Rule(
        "appk.complaint_extendable",
        "law_221",
        "art. 8 p.4",
        True,
        None,
        LAW_221_TO,
        NOTE_221,
        **_s(
            "A complaint's term could be extended like any appeal's.",
            "Шағымның мерзімі кез келген өтініштікі сияқты ұзартылуы мүмкін еді.",
            "Срок рассмотрения жалобы мог быть продлен, как и по любому обращению.",
        ),
    ),
    Rule(
        "appk.redirect_days",
        "law_221",
        "art. 7 p.3",
        3,
        None,
        LAW_221_TO,
        NOTE_221,
        unit="working_days",
        start_event="receipt",
        **_s(
            "An appeal outside the body's competence is sent to the competent body within 3 working days, "
            "notifying the applicant.",
            "Құзыретке жатпайтын өтініш 3 жұмыс күні ішінде өтініш берушіге хабарлай отырып, құзыретті органға "
            "жіберіледі.",
            "Обращение вне компетенции направляется в компетентный орган в течение 3 рабочих дней с "
            "уведомлением заявителя.",
        ),
    ),
    Rule(
        "appk.extension_max_months",
        "law_221",
        "art. 8 p.4",
        30,
        None,
        LAW_221_TO,
        NOTE_221,
        unit="calendar_days",
        start_event="term_end",
        note="In calendar days counted from the end of the term, despite the code's name; deadlines.compute() "
        "reads the unit and the start from the version.",
        **_s(
            "The term may be extended once by a reasoned decision of the head, by at most 30 calendar days.",
            "Мерзім басшының дәлелді шешімімен бір рет, ең көбі 30 күнтізбелік күнге ұзартылуы мүмкін.",
            "Срок может быть однократно продлен мотивированным решением руководителя не более чем на 30 "
            "календарных дней.",
        ),
    ),
    Rule(
        "appk.notice_days",
        "law_221",
        "art. 8 p.4",
        3,
        None,
        LAW_221_TO,
        NOTE_221,
        unit="calendar_days",
        start_event="decision",
        **_s(
            "The applicant is told of an extension within 3 days of it.",
            "Өтініш беруші мерзімнің ұзартылғаны туралы 3 күн ішінде хабардар етіледі.",
            "Заявитель уведомляется о продлении срока в течение 3 дней.",
        ),
    ),
    Rule(
        "appk.working_hours",
        "law_221",
        "art. 7",
        ("09:00", "18:30"),
        None,
        LAW_221_TO,
        NOTE_221,
        unit="hours",
        note="Law 221-III registered an appeal on the day it was received; the body's usual working hours decide "
        "which day that is, as under the АППК.",
        **_s(
            "An appeal is registered on the day it is received; after working hours, on the next working day.",
            "Өтініш түскен күні тіркеледі; жұмыс уақытынан кейін келесі жұмыс күні.",
            "Обращение регистрируется в день поступления; после рабочего времени следующим рабочим днем.",
        ),
    ),
    Rule(
        "appk.deadline_shift",
        "law_221",
        "",
        True,
        None,
        LAW_221_TO,
        NOTE_221,
        note="Law 221-III states no rule of its own; the general rule of civil legislation (a last day on a "
        "non-working day moves to the next working day) is applied. Check the citation.",
        **_s(
            "A deadline that falls on a non-working day moves to the next working day.",
            "Мерзімнің соңғы күні жұмыс емес күнге түссе, келесі жұмыс күніне ауысады.",
            "Срок, последний день которого приходится на нерабочий день, переносится на следующий рабочий день.",
        ),
    ),
    Rule(
        "appk.anonymous_unanswered",
        "law_221",
        "",
        True,
        None,
        LAW_221_TO,
        NOTE_221,
        note="Anonymous appeals were not considered, except reports of crimes; the paragraph is to be found in "
        "the official text.",
        **_s(
            "An anonymous appeal is not considered, except reports of crimes.",
            "Жасырын өтініш қаралмайды, қылмыс туралы хабарлардан басқа.",
            "Анонимное обращение не рассматривается, кроме сообщений о преступлениях.",
        ),
    ),
)
