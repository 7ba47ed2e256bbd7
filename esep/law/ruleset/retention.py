"""How long Esep keeps personal data outside the report materials (Law on personal data arts. 12, 18)."""

from __future__ import annotations

from esep.law.rules import Rule, register
from esep.law.ruleset import personal_data  # noqa: F401  (registers the act first)
from esep.law.ruleset.meetings import _s

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
    # Questions sent between reports (esep/accountability/waiting.py) keep the terms of questions sent in
    # advance: once closed (joined a report's questions, which then hold the data, or registered as an appeal,
    # which holds its own copy) the waiting row's copy goes under retention.question_contact_days; one that
    # never reached a report goes under the rule below, the same 1 year counted from the day it was sent.
    Rule(
        "retention.waiting_question_contact_years",
        "personal_data_law",
        "art. 12; art. 18",
        1,
        None,
        None,
        NOTE_PD_POLICY
        + " A question sent between reports waits for the precinct's next report (Order 652 p.27, 31); if none "
        "is announced within a year, its purpose lapses as for a question never closed "
        "(retention.question_contact_open_years: the consent text promises storage no longer than the report "
        "materials, Order 652 p.32: 1 year). The text stays and still joins the next report, without the name.",
        unit="years",
        start_event="sent",
        **_s(
            "The name and contact of a question sent between reports that is still waiting are destroyed 1 year "
            "after it was sent (Esep's policy, as for questions sent in advance).",
            "Есептер арасында жіберілген және әлі күтіп тұрған сұрақ авторының аты мен байланысы ол жіберілгеннен "
            "кейін 1 жылдан соң жойылады (Esep саясаты, алдын ала жіберілген сұрақтардағыдай).",
            "Имя и контакт автора вопроса, отправленного между отчетами и все еще ожидающего, уничтожаются через "
            "1 год после отправки (политика Esep, как для вопросов, заданных заранее).",
        ),
    ),
    Rule(
        "retention.subscription_unconfirmed_days",
        "personal_data_law",
        "art. 12; art. 18",
        7,
        None,
        None,
        NOTE_PD_POLICY
        + " An e-mail subscription is confirmed by a link (double opt-in, esep/accountability/subscriptions.py); "
        "an address nobody confirmed may belong to someone who never asked, so it is not kept longer than the "
        "link is worth using: 7 calendar days after the confirmation mail, then the subscription is deleted.",
        unit="calendar_days",
        start_event="confirmation_mail",
        **_s(
            "A subscription not confirmed within 7 calendar days of the confirmation mail is deleted with its "
            "e-mail address (Esep's policy).",
            "Растау хатынан кейін 7 күнтізбелік күн ішінде расталмаған жазылым электрондық пошта мекенжайымен "
            "бірге жойылады (Esep саясаты).",
            "Подписка, не подтвержденная в течение 7 календарных дней после письма с подтверждением, удаляется "
            "вместе с адресом электронной почты (политика Esep).",
        ),
    ),
    Rule(
        "retention.subscription_unsubscribed_days",
        "personal_data_law",
        "art. 12; art. 18",
        0,
        None,
        None,
        NOTE_PD_POLICY
        + " Unsubscribing reaches the purpose: the one-click link deletes the address at once; the purge removes "
        "any address left on an ended subscription (ended by staff in the admin, or before that rule) the next "
        "day. The subscription row stays without the address (what was followed, when, the consent version).",
        unit="calendar_days",
        start_event="unsubscribed",
        **_s(
            "The e-mail address of an ended subscription is deleted when it ends (Esep's policy).",
            "Тоқтатылған жазылымның электрондық пошта мекенжайы ол тоқтатылған кезде жойылады (Esep саясаты).",
            "Адрес электронной почты прекращенной подписки удаляется при ее прекращении (политика Esep).",
        ),
    ),
)
