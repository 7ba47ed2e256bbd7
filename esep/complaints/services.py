"""The only code that writes the register of complaints about officers.

A complaint is registered as an appeal of kind "complaint" (esep.appeals.services.appeal_register: АППК
art. 64 registration and ticket, art. 99 term of 20 working days without extension), with the officers and
unit it concerns. Its outcome is recorded by the leadership of the body or of a body above
(esep.accounts.permissions.can_decide_complaint), never by an officer it concerns, and answers the applicant
through the appeal (АППК arts. 77, 89: a reasoned answer with the measures taken).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import can_decide_complaint
from esep.appeals.models import OPEN_STATUSES, Appeal, AppealKind, AppealSource
from esep.appeals.notices import _actor_name
from esep.appeals.services import appeal_answer, appeal_reclassify_as_complaint, appeal_register
from esep.complaints.models import ComplaintSource, Measure, OfficerComplaint, Outcome
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.errors import EsepError
from esep.police.models import Officer

MAX_OFFICERS = 20


class ComplaintError(EsepError, ValueError):
    """A guard refused the change; the message is for the person who asked (translated)."""


def _check_officers(body, officers: Iterable[Officer]) -> list[Officer]:
    officers = list({o.pk: o for o in officers}.values())
    if not officers:
        raise ComplaintError(_("Name at least one officer the complaint is about."), fields={"officers": ["required"]})
    if len(officers) > MAX_OFFICERS:
        raise ComplaintError(_("Too many officers in one complaint."))
    prefix = body.path
    for officer in officers:
        if not officer.body.path.startswith(prefix):
            raise ComplaintError(
                _("Officer %(name)s does not serve in %(body)s or a body under it.")
                % {"name": officer.full_name, "body": body}
            )
    return officers


def _check_precinct(body, precinct):
    if precinct is not None and not precinct.body.path.startswith(body.path):
        raise ComplaintError(_("The precinct is not in this police body."))
    return precinct


def complaint_register(
    *,
    body,
    officers: Iterable[Officer],
    text: str,
    source: str,
    actor: Any,
    precinct=None,
    applicant_name: str = "",
    applicant_contact: str = "",
    contact_consent: bool = False,
    language: str = "kk",
    received_at: dt.datetime | None = None,
    external_id: str | None = None,
) -> OfficerComplaint:
    """Register a complaint about officers (a letter, a complaint entered by staff or one received from the
    national appeals system). Idempotent on ``external_id``."""
    external_id = (external_id or "").strip() or None
    if external_id:
        existing = OfficerComplaint.objects.filter(external_id=external_id).first()
        if existing is not None:
            return existing
    if source not in ComplaintSource.values or source in (ComplaintSource.MINUTES, ComplaintSource.QUESTION):
        raise ComplaintError(_("Unknown source of the complaint."))
    officers = _check_officers(body, officers)
    precinct = _check_precinct(body, precinct)
    with transaction.atomic():
        appeal = appeal_register(
            body=body,
            text=text,
            source=AppealSource.STAFF,
            actor=actor,
            kind=AppealKind.COMPLAINT,
            applicant_name=applicant_name,
            applicant_contact=applicant_contact,
            contact_consent=contact_consent,
            language=language,
            received_at=received_at,
            precinct=precinct,
            source_key=f"complaints.external:{external_id}" if external_id else None,
        )
        return _attach(
            appeal, officers=officers, precinct=precinct, source=source, actor=actor, external_id=external_id
        )


def complaint_from_appeal(
    *, appeal: Appeal, officers: Iterable[Officer], actor: Any, precinct=None
) -> OfficerComplaint:
    """An appeal opened from a minutes item or a question (Order 608 p.16, Order 652 p.32) turns out to be a
    complaint about officers: it is entered in the register and considered as a complaint (АППК art. 99)."""
    if hasattr(appeal, "officer_complaint"):
        return appeal.officer_complaint
    officers = _check_officers(appeal.body, officers)
    precinct = _check_precinct(appeal.body, precinct or appeal.precinct)
    source = {
        AppealSource.PROTOCOL: ComplaintSource.MINUTES,
        AppealSource.QUESTION: ComplaintSource.QUESTION,
    }.get(appeal.source, ComplaintSource.STAFF)
    with transaction.atomic():
        if appeal.kind != AppealKind.COMPLAINT:
            appeal = appeal_reclassify_as_complaint(appeal=appeal, actor=actor)
        return _attach(appeal, officers=officers, precinct=precinct, source=source, actor=actor, external_id=None)


def _attach(appeal: Appeal, *, officers, precinct, source: str, actor: Any, external_id) -> OfficerComplaint:
    complaint = OfficerComplaint.objects.create(
        appeal=appeal,
        body=appeal.body,
        precinct=precinct,
        point=precinct.point if precinct is not None else None,
        source=source,
        external_id=external_id,
        received_on=clock.localdate(appeal.received_at),
    )
    complaint.officers.set(officers)
    audit_record(
        actor=actor,
        action="complaint.register",
        obj=complaint,
        data={"appeal": appeal.pk, "officers": sorted(o.pk for o in officers), "source": source},
    )
    return complaint


def complaint_record_outcome(
    *,
    complaint: OfficerComplaint,
    actor: Any,
    outcome: str,
    measures: str,
    decision_number: str,
    decision_date: dt.date,
    answer_text: str = "",
) -> OfficerComplaint:
    """Record the outcome decided by the body's leadership and, while the appeal is still open, answer the
    applicant through it (АППК arts. 77, 89). Recorded once: a recorded outcome is not rewritten."""
    with transaction.atomic():
        complaint = (
            OfficerComplaint.objects.select_for_update(of=("self",))
            .select_related("body", "appeal")
            .get(pk=complaint.pk)
        )
        officer_ids = set(complaint.officers.values_list("pk", flat=True))
        if not can_decide_complaint(actor, complaint.body.path, officer_ids):
            raise ComplaintError(
                _("Only the chief or the staff unit of this body or a body above it records the outcome."),
                code="forbidden",
                status=403,
            )
        if complaint.outcome:
            raise ComplaintError(_("The outcome of this complaint is already recorded."), code="conflict", status=409)
        errors: dict[str, list[str]] = {}
        if outcome not in Outcome.values:
            errors["outcome"] = [_("Choose the outcome.")]
        if measures not in Measure.values:
            errors["measures"] = [_("Choose the measures taken.")]
        elif outcome == Outcome.NOT_CONFIRMED and measures != Measure.NONE:
            errors["measures"] = [_("No measures are taken on a complaint that was not confirmed.")]
        decision_number = (decision_number or "").strip()
        if not decision_number or len(decision_number) > 60:
            errors["decision_number"] = [_("Give the document's number (at most 60 characters).")]
        if not isinstance(decision_date, dt.date):
            errors["decision_date"] = [_("Give the document's date.")]
        elif decision_date > clock.localdate() or decision_date < complaint.received_on:
            errors["decision_date"] = [_("The document's date is between the day of receipt and today.")]
        if errors:
            raise ComplaintError(next(iter(errors.values()))[0], fields=errors)
        appeal = complaint.appeal
        if appeal.status in OPEN_STATUSES:
            text = (answer_text or "").strip() or _(
                "Your complaint was checked: %(outcome)s. Document No. %(number)s of %(date)s."
            ) % {
                "outcome": Outcome(outcome).label,
                "number": decision_number,
                "date": decision_date.strftime("%d.%m.%Y"),
            }
            appeal_answer(appeal=appeal, actor=actor, text=text, measures=str(Measure(measures).label))
        complaint.outcome = outcome
        complaint.measures = measures
        complaint.decision_number = decision_number
        complaint.decision_date = decision_date
        complaint.decided_by = actor if getattr(actor, "is_authenticated", False) else None
        complaint.decided_by_name = _actor_name(actor)
        complaint.decided_at = clock.now()
        complaint.save()
        audit_record(
            actor=actor,
            action="complaint.outcome",
            obj=complaint,
            data={"outcome": outcome, "measures": measures, "number": decision_number, "date": str(decision_date)},
        )
    return complaint
