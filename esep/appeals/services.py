"""The only code that writes appeals. Every change: lock the row, check the guard, change, write the
timeline and the audit log, queue notices in the same transaction (the outbox sends after commit).

Legal basis: Order 608 pp.16-17, Order 652 p.32 (what was not answered in full is checked under the
АППК; what is outside police competence goes to the competent body with the person notified); АППК
arts. 64 (registration, ticket), 65 (redirect in 3 working days), 76 (term, extension), 77 and 89 (answer),
88 (anonymous), 3 p.4 (crime reports are not appeals), 91 p.2 (silence counts as refusal), 99 (complaint
against an act or inaction: 20 working days, no extension), 70 p.3 (the person is told the procedure ended).
Personal data (Law on personal data arts. 8, 12, 18): ``appeal_withdraw_consent`` (the person withdraws
consent: the contact goes at once; esep.workflows.personal_data finds it by code) and ``appeals_erase_expired``
(retention; called by ``esep retention purge``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can, is_system, require
from esep.appeals import clock
from esep.appeals.models import (
    CLOCKED_KINDS,
    Appeal,
    AppealEvent,
    AppealForward,
    AppealKind,
    AppealStatus,
    EventKind,
)
from esep.appeals.notices import _actor_name, notify_agency, notify_person
from esep.appeals.routing import route_agency
from esep.appeals.transitions import can_transition
from esep.core import clock as core_clock
from esep.core.audit import audit_record
from esep.core.errors import EsepError
from esep.core.i18n import localized
from esep.police.models import Competence, Subject

LANGS = ("kk", "ru", "en")
MAX_TEXT = 10_000


class AppealError(EsepError, ValueError):
    """A guard refused the change; the message is for the person who asked (translated)."""


# --- helpers -----------------------------------------------------------------------------------------


def _today() -> dt.date:
    return core_clock.localdate()


def _is_overdue(appeal: Appeal, on: dt.date) -> bool:
    due = appeal.effective_due_on
    return bool(appeal.kind in CLOCKED_KINDS and due and on > due)


def _event(
    appeal: Appeal,
    kind: str,
    *,
    actor: Any = None,
    status_from: str = "",
    note: str = "",
    overdue: bool | None = None,
    **data,
) -> AppealEvent:
    return AppealEvent.objects.create(
        appeal=appeal,
        at=core_clock.now(),
        kind=kind,
        status_from=status_from,
        status_to=appeal.status if status_from else "",
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_name=_actor_name(actor),
        note=note,
        data=data,
        overdue=_is_overdue(appeal, _today()) if overdue is None else overdue,
    )


def _move(appeal: Appeal, to: str, kind: str, *, actor: Any, note: str = "", **data) -> AppealEvent:
    """Guard and record one transition. The caller holds the row lock and saves the appeal."""
    if not can_transition(appeal.kind, appeal.status, to):
        raise AppealError(
            _("An appeal that is %(status)s cannot become %(to)s.")
            % {"status": appeal.get_status_display(), "to": AppealStatus(to).label}
        )
    status_from = appeal.status
    event_overdue = _is_overdue(appeal, _today())
    appeal.status = to
    if to in {AppealStatus.ANSWERED, AppealStatus.ENDED_WITHOUT_ANSWER, AppealStatus.CRIME_REGISTERED}:
        appeal.finished_at = appeal.finished_at or core_clock.now()
    return _event(appeal, kind, actor=actor, status_from=status_from, note=note, overdue=event_overdue, **data)


def _locked(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update(of=("self",)).select_related("body", "territory").get(pk=appeal.pk)


def _clean_text(value: str, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if required and not value:
        raise AppealError(_("%(field)s is required.") % {"field": field})
    if len(value) > limit:
        raise AppealError(_("%(field)s is too long (at most %(limit)s characters).") % {"field": field, "limit": limit})
    return value


# --- registration ------------------------------------------------------------------------------------


def appeal_register(
    *,
    body,
    text: str,
    source: str,
    actor: Any,
    kind: str = AppealKind.APPEAL,
    subject: str = Subject.POLICE,
    competence: str = Competence.POLICE,
    applicant_name: str = "",
    applicant_contact: str = "",
    contact_consent: bool = False,
    language: str = "kk",
    received_at: dt.datetime | None = None,
    received_by_name: str | None = None,
    meeting=None,
    precinct=None,
    territory=None,
    agency=None,
    source_key: str | None = None,
    code: str | None = None,
) -> Appeal:
    """Register an appeal (or a crime report) and start its clock.

    Idempotent on ``source_key``: registering the same source again returns the first appeal, even when
    two requests race (the unique index decides). An appeal outside police competence is forwarded at
    once when a competent body is known (given, or found by territory and subject).
    """
    if source_key:
        existing = Appeal.objects.filter(source_key=source_key).first()
        if existing is not None:
            return existing
    text = _clean_text(text, _("Text"))
    if subject not in Subject.values:
        raise AppealError(_("Unknown subject."))
    now = core_clock.now()
    received_at = received_at or now
    consent = bool(contact_consent and applicant_contact.strip())
    appeal = Appeal(
        kind=kind,
        source=source,
        source_key=source_key or None,
        meeting=meeting,
        precinct=precinct,
        body=body,
        territory=territory or _territory_for(meeting, precinct, body),
        subject=subject,
        competence=competence,
        text=text,
        language=language if language in LANGS else "kk",
        applicant_name=(applicant_name or "").strip()[:200],
        # Law on personal data art. 7: a contact is kept only with consent.
        applicant_contact=(applicant_contact or "").strip()[:200] if consent else "",
        contact_consent=consent,
        received_at=received_at,
        received_by_name=(received_by_name if received_by_name is not None else _actor_name(actor))[:200],
        registered_at=now,
    )
    if code and not Appeal.objects.filter(code=code).exists():
        appeal.code = code
    if kind not in AppealKind.values:
        raise AppealError(_("Unknown kind of appeal."))
    if kind in CLOCKED_KINDS:
        # АППК art. 64 p.2: registered on the day of receipt, or the next working day.
        appeal.registered_on = clock.registration_day(received_at)
        if kind == AppealKind.COMPLAINT:
            appeal.due_on, appeal.due_basis = clock.complaint_term(received_at)  # АППК art. 99
        else:
            appeal.due_on, appeal.due_basis = clock.term(received_at)  # АППК art. 76
        if competence == Competence.OTHER:
            appeal.redirect_due_on, appeal.redirect_basis = clock.redirect_term(timezone.localtime(received_at).date())
    else:
        appeal.registered_on = timezone.localtime(received_at).date()
    try:
        with transaction.atomic():
            appeal.save()
            appeal.number = f"{appeal.registered_on:%Y}-{body.pk}-{appeal.pk:06d}"
            appeal.save(update_fields=["number"])
            _event(appeal, EventKind.REGISTERED, actor=actor, number=appeal.number, due_on=str(appeal.due_on or ""))
            audit_record(actor=actor, action="appeal.register", obj=appeal, data={"source": source, "kind": kind})
            _after_registration(appeal, actor=actor, agency=agency)
    except IntegrityError:
        if source_key:
            existing = Appeal.objects.filter(source_key=source_key).first()
            if existing is not None:
                return existing
        raise
    return appeal


def _territory_for(meeting, precinct, body):
    if meeting is not None and meeting.settlement_id:
        return meeting.settlement
    if precinct is not None:
        first = precinct.settlements.order_by("kato").first()
        if first is not None:
            return first
    return body.territory


def _after_registration(appeal: Appeal, *, actor: Any, agency=None) -> None:
    if appeal.kind == AppealKind.CRIME_REPORT:
        notify_person(appeal=appeal, what="crime_report", actor=actor)
        return
    if appeal.is_anonymous:
        # АППК art. 88 p.1 sub.2: no name, signature or address: the procedure ends without an answer.
        _move(
            appeal,
            AppealStatus.ENDED_WITHOUT_ANSWER,
            EventKind.ENDED,
            actor=actor,
            note=_("Anonymous appeal: ended without an answer (APPK art. 88 p.1 sub.2)."),
            citation="АППК art. 88 p.1 sub.2",
        )
        appeal.ended_reason = _("Anonymous appeal (APPK art. 88 p.1 sub.2).")
        appeal.save(update_fields=["status", "finished_at", "ended_reason"])
        if appeal.applicant_contact:
            # АППК art. 70 p.3: a person who left no name but a contact is still told the procedure ended.
            notify_person(appeal=appeal, what="ended", actor=actor, reason=appeal.ended_reason)
        return
    notify_person(
        appeal=appeal,
        what="registered",
        actor=actor,
        registered=timezone.localtime(appeal.registered_at).strftime("%d.%m.%Y %H:%M"),
        received_by=appeal.received_by_name or str(appeal.body),
        due=appeal.due_on.strftime("%d.%m.%Y"),
    )
    if appeal.competence == Competence.OTHER:
        target = agency or route_agency(territory=appeal.territory, subject=appeal.subject)
        if target is not None:
            _forward(appeal, agency=target, actor=actor, routed_automatically=agency is None)
            appeal.save()


# --- sources -----------------------------------------------------------------------------------------


def appeal_reclassify_as_complaint(*, appeal: Appeal, actor) -> Appeal:
    """An appeal found to be a complaint against an officer's act or inaction is considered as one: its term
    becomes the complaint's, counted from registration as before (АППК art. 99: 20 working days, no
    extension). Only while no answer, extension or forwarding has happened."""
    require(actor, Action.CHANGE, appeal)
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.kind == AppealKind.COMPLAINT:
            return appeal
        if appeal.kind != AppealKind.APPEAL or appeal.status not in (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS):
            raise AppealError(_("Only an appeal still being considered can become a complaint against an officer."))
        before = str(appeal.due_on or "")
        appeal.kind = AppealKind.COMPLAINT
        appeal.due_on, appeal.due_basis = clock.complaint_term(appeal.received_at)
        appeal.save(update_fields=["kind", "due_on", "due_basis", "updated_at"])
        audit_record(
            actor=actor,
            action="appeal.reclassify_complaint",
            obj=appeal,
            data={"due_before": before, "due_after": str(appeal.due_on)},
        )
    return appeal


# --- transitions -------------------------------------------------------------------------------------


def appeal_take(*, appeal: Appeal, actor) -> Appeal:
    """The actor becomes responsible; a registered appeal goes into consideration."""
    require(actor, Action.CHANGE, appeal)
    with transaction.atomic():
        appeal = _locked(appeal)
        appeal.assignee = actor
        appeal.assignee_name = _actor_name(actor)
        if appeal.status == AppealStatus.REGISTERED:
            _move(appeal, AppealStatus.IN_PROGRESS, EventKind.TAKEN, actor=actor)
        elif appeal.is_open:
            _event(appeal, EventKind.TAKEN, actor=actor)
        else:
            raise AppealError(_("This appeal is already finished."))
        appeal.save()
        audit_record(actor=actor, action="appeal.take", obj=appeal)
    return appeal


def appeal_extend(*, appeal: Appeal, actor, until: dt.date, reason: str, decided_by: str = "") -> Appeal:
    """АППК art. 76 p.3: a reasoned decision of the head or a deputy extends the term, at most N months
    from the decision; the person is told (within the notice term; Esep tells them at once)."""
    reason = _clean_text(reason, _("Reason"), limit=2000)
    if not is_system(actor) and not can(actor, Action.EXTEND, appeal):
        raise AppealError(_("Only the head of the police body or a deputy may extend the term."))
    today = _today()
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.kind == AppealKind.COMPLAINT:
            days, citation = clock.complaint_rule_citation(appeal.registered_on or today, translation.get_language())
            raise AppealError(
                _(
                    "A complaint against an act or inaction is considered within %(days)s working days of "
                    "registration and its term cannot be extended (%(citation)s)."
                )
                % {"days": days, "citation": citation}
            )
        if appeal.kind != AppealKind.APPEAL:
            raise AppealError(_("Only an appeal under the APPK has a term to extend."))
        limit, basis = clock.extension_limit(today, registered_on=appeal.registered_on, term_due=appeal.due_on)
        if until > limit:
            raise AppealError(
                _("The term may be extended until %(limit)s at most.") % {"limit": limit.strftime("%d.%m.%Y")}
            )
        if appeal.effective_due_on and until <= appeal.effective_due_on:
            raise AppealError(_("The new term must be later than the current one."))
        _move(appeal, AppealStatus.EXTENDED, EventKind.EXTENDED, actor=actor, note=reason, until=until.isoformat())
        notice_due, notice_basis = clock.notice_term(today, registered_on=appeal.registered_on)
        appeal.extended_until = until
        appeal.extension_reason = reason
        appeal.extension_decided_by = (decided_by or _actor_name(actor))[:200]
        appeal.extension_decided_on = today
        appeal.extension_basis = {**basis, "notice_due": notice_due.isoformat(), "notice": notice_basis}
        appeal.save()
        notify_person(appeal=appeal, what="extended", actor=actor, until=until.strftime("%d.%m.%Y"), reason=reason)
        audit_record(actor=actor, action="appeal.extend", obj=appeal, data={"until": until.isoformat()})
    return appeal


def _forward(appeal: Appeal, *, agency, actor, routed_automatically: bool) -> AppealForward:
    now = core_clock.now()
    today = timezone.localdate(now)
    if appeal.redirect_due_on is None:
        received_on = timezone.localtime(appeal.received_at).date()
        appeal.redirect_due_on, appeal.redirect_basis = clock.redirect_term(received_on)
    appeal.competence = Competence.OTHER
    # АППК art. 76 p.2: the competent body's term runs from the day after it receives the appeal.
    agency_due, agency_basis = clock.term(today)
    forward = AppealForward.objects.create(
        appeal=appeal,
        agency=agency,
        agency_name=agency.name_ru or agency.name,
        agency_email=agency.email,
        routed_automatically=routed_automatically,
        forwarded_at=now,
        forwarded_on=today,
        forwarded_by_name=_actor_name(actor),
        agency_due_on=agency_due,
        agency_due_basis=agency_basis,
    )
    appeal.forwarded_late = today > appeal.redirect_due_on
    _move(
        appeal,
        AppealStatus.FORWARDED,
        EventKind.FORWARDED,
        actor=actor,
        note=agency.name,
        agency=agency.pk,
        agency_name=forward.agency_name,
        late=appeal.forwarded_late,
    )
    message_id = notify_agency(forward=forward)
    if message_id is None:
        _event(
            appeal, EventKind.REMINDER, actor=actor, note=_("The competent body has no email: send the appeal by post.")
        )
    # АППК art. 65: the person is notified at the same time.
    notify_person(
        appeal=appeal,
        what="forwarded",
        actor=actor,
        agency=localized(agency, "name", appeal.language),
        date=today.strftime("%d.%m.%Y"),
    )
    audit_record(actor=actor, action="appeal.forward", obj=appeal, data={"agency": agency.pk})
    return forward


def appeal_forward(*, appeal: Appeal, actor, agency=None) -> AppealForward:
    """Send an appeal outside police competence to the competent body (АППК art. 65; Order 608 p.17),
    notifying the person at the same time. Without ``agency`` the body is found by territory and subject."""
    require(actor, Action.CHANGE, appeal)
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.kind not in CLOCKED_KINDS:
            raise AppealError(_("A crime report is not forwarded under the APPK."))
        target = agency or route_agency(territory=appeal.territory, subject=appeal.subject)
        if target is None:
            raise AppealError(_("No competent body is known for this territory and subject; choose one."))
        if not can_transition(appeal.kind, appeal.status, AppealStatus.FORWARDED):
            raise AppealError(_("This appeal cannot be forwarded now."))
        forward = _forward(appeal, agency=target, actor=actor, routed_automatically=agency is None)
        appeal.save()
    return forward


def appeal_answer(
    *, appeal: Appeal, actor, text: str, measures: str = "", language: str = "", appeal_rights: str = ""
) -> Appeal:
    """АППК arts. 77, 89: a written, reasoned answer in the state language or the language of the appeal,
    with the measures taken and how to appeal it. Lateness is frozen now."""
    require(actor, Action.CHANGE, appeal)
    text = _clean_text(text, _("Answer"))
    measures = _clean_text(measures, _("Measures taken"), required=False)
    with transaction.atomic():
        appeal = _locked(appeal)
        lang = language if language in ("kk", "ru") else appeal.language if appeal.language in ("kk", "ru") else "kk"
        today = _today()
        _move(appeal, AppealStatus.ANSWERED, EventKind.ANSWERED, actor=actor)
        appeal.answer_text = text
        appeal.answer_measures = measures
        appeal.answer_language = lang
        with translation.override(lang):
            appeal.answer_appeal_rights = appeal_rights.strip() or default_appeal_rights()
        appeal.answered_on = today
        appeal.answered_by_name = _actor_name(actor)
        appeal.answered_late = bool(appeal.effective_due_on and today > appeal.effective_due_on)
        appeal.save()
        notify_person(appeal=appeal, what="answered", actor=actor, details=_answer_details(appeal))
        audit_record(actor=actor, action="appeal.answer", obj=appeal, data={"late": appeal.answered_late})
    return appeal


def default_appeal_rights() -> str:
    return _(
        "You may appeal this answer to a higher administrative body or official, or to court (APPK arts. 91 and 100)."
    )


def _answer_details(appeal: Appeal) -> str:
    parts = [appeal.answer_text]
    if appeal.answer_measures:
        parts.append(_("Measures taken: %(measures)s") % {"measures": appeal.answer_measures})
    parts.append(appeal.answer_appeal_rights)
    return "\n\n".join(parts)


def appeal_record_agency_reply(
    *, token: str, text: str, measures: str = "", number: str = "", name: str = ""
) -> AppealForward:
    """The competent body records its answer through its link (no account). Once only: a second
    submission is refused, so a double click changes nothing."""
    text = _clean_text(text, _("Answer"))
    measures = _clean_text(measures, _("Measures taken"), required=False)
    name = _clean_text(name, _("Name and position"), limit=200)
    number = _clean_text(number, _("Outgoing number"), required=False, limit=60)
    with transaction.atomic():
        forward = (
            AppealForward.objects.select_for_update(of=("self",))
            .select_related("agency")
            .filter(token=token, withdrawn=False)
            .first()
        )
        if forward is None:
            raise AppealError(_("This link is not valid."))
        if forward.replied_at is not None:
            raise AppealError(_("The answer has already been recorded. Thank you."))
        appeal = _locked(forward.appeal)
        now = core_clock.now()
        forward.reply_text = text
        forward.reply_measures = measures
        forward.reply_number = number
        forward.replied_by_name = name
        forward.replied_at = now
        forward.replied_late = bool(forward.agency_due_on and timezone.localdate(now) > forward.agency_due_on)
        forward.save()
        actor = f"{name} ({forward.agency_name})"
        _move(appeal, AppealStatus.ANSWERED, EventKind.AGENCY_REPLIED, actor=actor, agency_name=forward.agency_name)
        appeal.answer_text = text
        appeal.answer_measures = measures
        appeal.answer_language = appeal.language
        appeal.answered_on = timezone.localdate(now)
        appeal.answered_by_name = actor[:300]
        appeal.answered_by_agency = True
        appeal.answered_late = forward.replied_late
        appeal.save()
        notify_person(
            appeal=appeal,
            what="agency_replied",
            actor=actor,
            agency=localized(forward.agency, "name", appeal.language),
            details=_answer_details(appeal),
        )
        audit_record(actor=actor, action="appeal.agency_reply", obj=appeal, data={"forward": forward.pk})
    return forward


def appeal_end_without_answer(*, appeal: Appeal, actor, reason: str) -> Appeal:
    """End the procedure without an answer (e.g. АППК art. 88); the person is told (АППК art. 70 p.3)."""
    require(actor, Action.CHANGE, appeal)
    reason = _clean_text(reason, _("Reason"), limit=2000)
    with transaction.atomic():
        appeal = _locked(appeal)
        _move(appeal, AppealStatus.ENDED_WITHOUT_ANSWER, EventKind.ENDED, actor=actor, note=reason)
        appeal.ended_reason = reason
        appeal.save()
        notify_person(appeal=appeal, what="ended", actor=actor, reason=reason)
        audit_record(actor=actor, action="appeal.end", obj=appeal)
    return appeal


def appeal_register_crime(*, appeal: Appeal, actor, register_number: str) -> Appeal:
    """A crime report made at a meeting is entered in the crime register (АППК art. 3 p.4)."""
    require(actor, Action.CHANGE, appeal)
    register_number = _clean_text(register_number, _("Crime register number"), limit=60)
    with transaction.atomic():
        appeal = _locked(appeal)
        _move(appeal, AppealStatus.CRIME_REGISTERED, EventKind.CRIME_REGISTERED, actor=actor, note=register_number)
        appeal.crime_register_number = register_number
        appeal.save()
        audit_record(actor=actor, action="appeal.crime_register", obj=appeal, data={"number": register_number})
    return appeal


def appeal_close(*, appeal: Appeal, actor, note: str = "") -> Appeal:
    """Close a finished appeal (answer checked, measures done) or stop following a forwarded one."""
    require(actor, Action.CHANGE, appeal)
    note = _clean_text(note, _("Note"), required=False, limit=2000)
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.status == AppealStatus.FORWARDED and not note:
            raise AppealError(_("Say why a forwarded appeal is closed without the competent body's answer."))
        was_forwarded = appeal.status == AppealStatus.FORWARDED
        _move(appeal, AppealStatus.CLOSED, EventKind.CLOSED, actor=actor, note=note)
        appeal.closed_on = _today()
        appeal.finished_at = appeal.finished_at or core_clock.now()
        appeal.save()
        if was_forwarded:
            # АППК art. 70 p.3: the procedure ends without the competent body's answer; the person is told.
            notify_person(appeal=appeal, what="closed", actor=actor, reason=note)
        audit_record(actor=actor, action="appeal.close", obj=appeal)
    return appeal


# --- personal data -----------------------------------------------------------------------------------

REDACTED = "[—]"


def _redact_copies(appeal: Appeal, values: list[str]) -> int:
    """Replace ``values`` (a name, a contact) wherever the timeline and the outbox copied them; the rows
    stay. Returns the number of timeline rows changed."""
    values = [v for v in {v.strip() for v in values} if len(v) >= 3]
    if not values:
        return 0
    changed = 0
    for event in appeal.events.all():
        note, data, actor_name = event.note, _redact_json(event.data, values), event.actor_name
        for value in values:
            note = note.replace(value, REDACTED)
            actor_name = actor_name.replace(value, REDACTED)
        if (note, data, actor_name) != (event.note, event.data, event.actor_name):
            event.note, event.data, event.actor_name = note, data, actor_name
            event.save(update_fields=["note", "data", "actor_name"])
            changed += 1
    from esep.notifications.services import messages_forget

    messages_forget(related=appeal, values=values, replacement=REDACTED)
    return changed


def _redact_json(value: Any, values: list[str]) -> Any:
    if isinstance(value, str):
        for v in values:
            value = value.replace(v, REDACTED)
        return value
    if isinstance(value, list):
        return [_redact_json(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _redact_json(v, values) for k, v in value.items()}
    return value


def appeal_withdraw_consent(*, appeal: Appeal, actor: Any = "resident") -> Appeal:
    """The person withdraws consent to keep their contact (Law on personal data art. 8): the contact is
    deleted at once (the law allows ``personal_data.withdrawal_days``), from the appeal, the timeline and
    the outbox, and the timeline says so. The name stays: the appeal is considered under the АППК, which
    needs it (art. 88); it goes with the retention term. Withdrawing again changes nothing."""
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.consent_withdrawn_at is not None and not appeal.applicant_contact:
            return appeal
        contact = appeal.applicant_contact
        appeal.applicant_contact = ""
        appeal.consent_withdrawn_at = core_clock.now()
        appeal.save(update_fields=["applicant_contact", "consent_withdrawn_at", "updated_at"])
        _redact_copies(appeal, [contact] if contact else [])
        _event(appeal, EventKind.CONSENT_WITHDRAWN, actor=actor, overdue=False, citation="Law on personal data art. 8")
        audit_record(actor=actor, action="appeal.consent_withdraw", obj=appeal, data={"had_contact": bool(contact)})
    return appeal


def appeals_erase_expired(*, finished_before: dt.datetime, now: dt.datetime, actor: Any) -> int:
    """Destroy the applicant's name and contact of appeals finished before ``finished_before`` (the cut-off
    comes from the retention rule of esep.law; the caller writes the destruction record in the same
    transaction). Text, status, dates, flags and the timeline stay; copies of the name and contact in the
    timeline and the outbox are replaced. Returns how many appeals lost personal data; a second call with
    the same cut-off returns 0."""
    due = (
        Appeal.objects.filter(
            finished_at__isnull=False, finished_at__lt=finished_before, applicant_erased_at__isnull=True
        )
        .exclude(status__in=[AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.EXTENDED])
        .exclude(applicant_name="", applicant_contact="")
    )
    count = 0
    for pk in list(due.values_list("pk", flat=True)):
        appeal = Appeal.objects.select_for_update(of=("self",)).get(pk=pk)
        values = [appeal.applicant_name, appeal.applicant_contact]
        appeal.applicant_name = ""
        appeal.applicant_contact = ""
        appeal.applicant_erased_at = now
        appeal.save(update_fields=["applicant_name", "applicant_contact", "applicant_erased_at", "updated_at"])
        _redact_copies(appeal, values)
        _event(appeal, EventKind.DATA_ERASED, actor=actor, overdue=False)
        count += 1
    return count
