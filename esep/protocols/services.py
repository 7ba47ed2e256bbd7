"""Writes to minutes: draft, items, decisions, signing and sealing, addenda, control of execution.

Signed minutes never change: every service that edits refuses once the content is frozen (the first
signature freezes it); a correction is an Addendum, signed and sealed as the next version of the chain.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can_control_decision, require
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings.models import Meeting, MeetingReporter, MeetingStatus
from esep.meetings.services import meeting_require_started
from esep.police.models import Competence, StateAgency, Subject
from esep.protocols import sealing, witness
from esep.protocols.models import (
    Addendum,
    ControlStatus,
    Decision,
    ItemKind,
    Protocol,
    ProtocolItem,
    ProtocolStatus,
    ProtocolVersion,
    Signature,
)
from esep.protocols.register import register_number_assign
from esep.protocols.signals import minutes_sealed
from esep.protocols.signatories import Slot, required_slots, user_may_fill

PROTOCOL_FIELDS = {
    "started_at",
    "ended_at",
    "place",
    "participants_override",
    "participants_override_reason",
    "agenda",
    "language",
}


def _lock(protocol: Protocol) -> Protocol:
    return Protocol.objects.select_for_update().select_related("meeting", "meeting__body").get(pk=protocol.pk)


def _open_addendum(protocol: Protocol) -> Addendum | None:
    return protocol.addenda.filter(version__isnull=True).order_by("id").first()


def _editable_target(protocol: Protocol) -> Addendum | None:
    """Where a new item or decision goes: the draft minutes, or the open addendum of signed minutes."""
    if protocol.status == ProtocolStatus.DRAFT:
        return None
    if protocol.status == ProtocolStatus.SIGNED:
        addendum = _open_addendum(protocol)
        if addendum is not None and not ProtocolVersion.objects.filter(addendum=addendum).exists():
            return addendum
    raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))


# --- the draft -------------------------------------------------------------------------------------------


def protocol_start(*, meeting: Meeting, actor: Any) -> Protocol:
    """Open the minutes of a meeting (idempotent), prefilled from the meeting; the user who opens them is
    their secretary unless another is named (Order 608 p.12)."""
    require(actor, Action.KEEP_MINUTES, meeting)
    if meeting.status in {MeetingStatus.DRAFT, MeetingStatus.CANCELLED}:
        raise ValidationError(_("Minutes are kept only for a meeting that takes place."))
    meeting_require_started(meeting, what="minutes")
    existing = Protocol.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            protocol = Protocol.objects.create(
                meeting=meeting,
                started_at=meeting.starts_at,
                ended_at=meeting.ends_at,
                place=(meeting.venue_kk or meeting.venue_ru or meeting.online_url)[:300],
                secretary=actor if getattr(actor, "is_authenticated", False) else None,
                secretary_name=(actor.get_full_name() if getattr(actor, "is_authenticated", False) else "")[:200],
            )
            audit_record(actor=actor, action="protocol.start", obj=protocol)
    except IntegrityError:
        return Protocol.objects.get(meeting=meeting)
    return protocol


def protocol_update(*, protocol: Protocol, actor: Any, **fields: Any) -> Protocol:
    """Edit the draft's own fields (time, place, number of participants, agenda, language)."""
    require(actor, Action.CHANGE, protocol)
    unknown = set(fields) - PROTOCOL_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        row = _lock(protocol)
        if row.status != ProtocolStatus.DRAFT:
            raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))
        for name, value in fields.items():
            setattr(row, name, value)
        if row.participants_override is not None and not row.participants_override_reason.strip():
            raise ValidationError(_("Say why the number of participants differs from the registration."))
        if not row.place.strip():
            raise ValidationError(_("Give the place of the report."))
        if row.ended_at and row.ended_at < row.started_at:
            raise ValidationError(_("The report cannot end before it starts."))
        row.save()
        audit_record(actor=actor, action="protocol.update", obj=row, data={"fields": sorted(fields)})
    return row


def protocol_set_secretary(*, protocol: Protocol, secretary: Any, actor: Any) -> Protocol:
    require(actor, Action.CHANGE, protocol)
    with transaction.atomic():
        row = _lock(protocol)
        if row.status != ProtocolStatus.DRAFT:
            raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))
        row.secretary = secretary
        row.secretary_name = secretary.get_full_name()[:200]
        row.save(update_fields=["secretary", "secretary_name", "updated_at"])
        audit_record(actor=actor, action="protocol.secretary", obj=row, data={"user": secretary.pk})
    return row


def _clean_item(protocol: Protocol, data: dict[str, Any]) -> dict[str, Any]:
    text = (data.get("text") or "").strip()
    if not text:
        raise ValidationError(_("Write down what the person said."))
    kind = data.get("kind") or ItemKind.COMPLAINT
    if kind not in ItemKind.values:
        raise ValidationError(_("Choose the kind of the item."))
    competence = data.get("competence") or Competence.POLICE
    subject = data.get("subject") or (Subject.POLICE if competence == Competence.POLICE else Subject.OTHER)
    if subject not in Subject.values:
        raise ValidationError(_("Choose the subject."))
    agency = data.get("target_agency") or None
    if isinstance(agency, int | str):
        agency = StateAgency.objects.filter(pk=agency).first()
    answered = bool(data.get("answered_in_full"))
    if competence == Competence.OTHER and not answered and agency is None:
        # Order 608 p.17; Order 652 p.32: sent to the competent state body with the person notified.
        raise ValidationError(_("Choose the state body competent for this item."))
    reporters = list(protocol.meeting.reporters.all())
    reporter = data.get("reporter") or None
    if isinstance(reporter, int | str):
        reporter = next((r for r in reporters if str(r.pk) == str(reporter)), None)
    if reporter is None and len(reporters) == 1:
        reporter = reporters[0]
    if reporter is None and len(reporters) > 1:
        raise ValidationError(_("At a joint gathering, name the inspector responsible."))
    if reporter is not None and reporter.meeting_id != protocol.meeting_id:
        raise ValidationError(_("The inspector does not report at this meeting."))
    consent = bool(data.get("contact_consent"))
    return {
        "kind": kind,
        "text": text,
        "person_name": " ".join((data.get("person_name") or "").split())[:200],
        "person_contact": (data.get("person_contact") or "").strip()[:200] if consent else "",
        "contact_consent": consent,
        "answered_in_full": answered,
        "answer": (data.get("answer") or "").strip(),
        "competence": competence,
        "subject": subject,
        "target_agency": agency if competence == Competence.OTHER else None,
        "reporter": reporter,
    }


def protocol_item_add(*, protocol: Protocol, actor: Any, **data: Any) -> ProtocolItem:
    """Record a complaint, proposal, remark or crime report heard at the report (Order 608 p.13, 16-17)."""
    require(actor, Action.CHANGE, protocol)
    with transaction.atomic():
        row = _lock(protocol)
        addendum = _editable_target(row)
        item = ProtocolItem.objects.create(protocol=row, addendum=addendum, **_clean_item(row, data))
        audit_record(actor=actor, action="protocol_item.add", obj=item)
    return item


def protocol_item_update(*, item: ProtocolItem, actor: Any, **data: Any) -> ProtocolItem:
    require(actor, Action.CHANGE, item)
    with transaction.atomic():
        _lock(item.protocol)
        row = ProtocolItem.objects.select_for_update().get(pk=item.pk)
        if row.version_id is not None:
            raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))
        for name, value in _clean_item(row.protocol, data).items():
            setattr(row, name, value)
        row.save()
        audit_record(actor=actor, action="protocol_item.update", obj=row)
    return row


def protocol_item_delete(*, item: ProtocolItem, actor: Any) -> None:
    require(actor, Action.CHANGE, item)
    with transaction.atomic():
        _lock(item.protocol)
        row = ProtocolItem.objects.select_for_update().get(pk=item.pk)
        if row.version_id is not None:
            raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))
        audit_record(actor=actor, action="protocol_item.delete", obj=row, data={"text": row.text[:200]})
        row.delete()


def decision_add(
    *, protocol: Protocol, text: str, responsible: str, due_date: dt.date, actor: Any, reporter: Any = None
) -> Decision:
    """A decision with who answers for it and by when (Order 608 p.13, 19; Order 652 p.32-33)."""
    require(actor, Action.CHANGE, protocol)
    text, responsible = text.strip(), " ".join(responsible.split())
    if not text or not responsible or due_date is None:
        raise ValidationError(_("A decision needs its text, who is responsible and by when."))
    with transaction.atomic():
        row = _lock(protocol)
        addendum = _editable_target(row)
        if isinstance(reporter, int | str):
            reporter = MeetingReporter.objects.filter(pk=reporter, meeting=row.meeting).first() if reporter else None
        decision = Decision.objects.create(
            protocol=row,
            addendum=addendum,
            text=text,
            responsible=responsible[:300],
            due_date=due_date,
            reporter=reporter or None,
        )
        audit_record(actor=actor, action="decision.add", obj=decision)
    return decision


def decision_delete(*, decision: Decision, actor: Any) -> None:
    require(actor, Action.CHANGE, decision)
    with transaction.atomic():
        _lock(decision.protocol)
        row = Decision.objects.select_for_update().get(pk=decision.pk)
        if row.version_id is not None:
            raise ValidationError(_("Signed minutes cannot be changed; start an addendum to correct them."))
        audit_record(actor=actor, action="decision.delete", obj=row, data={"text": row.text[:200]})
        row.delete()


def decision_control(
    *, decision: Decision, status: str, progress: str = "", evidence: Any = None, actor: Any
) -> Decision:
    """Control of execution (Order 608 p.19; Order 652 p.33): status, progress and evidence of a signed
    decision. These fields are outside the seal: they record the work done after the meeting."""
    require(actor, Action.CONTROL, decision)
    if status not in ControlStatus.values:
        raise ValidationError(_("Choose the state of execution."))
    with transaction.atomic():
        row = Decision.objects.select_for_update().get(pk=decision.pk)
        if row.version_id is None:
            raise ValidationError(_("Execution is controlled once the minutes are signed."))
        if status == ControlStatus.DONE and not (progress.strip() or row.progress or evidence or row.evidence):
            raise ValidationError(_("Describe what was done or attach evidence before marking it executed."))
        if status == ControlStatus.DONE and not can_control_decision(actor, row):
            # Order 608 p.19 (leadership of the police body); Order 652 p.33 (the inspector responsible for
            # the district police point).
            raise PermissionDenied(
                _(
                    "Only the leadership of the police body (chief's report) or the inspector responsible for "
                    "the district police point (inspector's report) may mark a decision executed."
                )
            )
        row.control_status = status
        if progress.strip():
            row.progress = (row.progress + "\n" if row.progress else "") + progress.strip()
        if evidence is not None:
            row.evidence.save(evidence.name, evidence, save=False)
        row.executed_at = clock.now() if status == ControlStatus.DONE else None
        row.save()
        audit_record(actor=actor, action="decision.control", obj=row, data={"status": status})
        public_changed_on_commit()  # a published report shows the progress of its decisions
    return row


# --- addenda ----------------------------------------------------------------------------------------------


def addendum_start(*, protocol: Protocol, text: str, actor: Any) -> Addendum:
    """Begin a correction of signed minutes; it is signed and sealed like the minutes themselves."""
    require(actor, Action.CHANGE, protocol)
    if not text.strip():
        raise ValidationError(_("Write the correction."))
    with transaction.atomic():
        row = _lock(protocol)
        if row.status != ProtocolStatus.SIGNED:
            raise ValidationError(_("Only signed minutes are corrected by an addendum; edit the draft instead."))
        if _open_addendum(row) is not None:
            raise ValidationError(_("An addendum is already being prepared."))
        addendum = Addendum.objects.create(protocol=row, text=text.strip(), created_by=actor)
        audit_record(actor=actor, action="addendum.start", obj=addendum)
    return addendum


# --- signing and sealing -----------------------------------------------------------------------------------


def _check_complete(protocol: Protocol) -> None:
    """What Order 608 p.13 / Order 652 p.32 require before anyone signs."""
    missing = []
    if not protocol.place.strip():
        missing.append(_("place"))
    if protocol.started_at is None:
        missing.append(_("time"))
    if protocol.participants_count == 0:
        missing.append(_("number of participants"))
    if not protocol.secretary_name.strip():
        missing.append(_("secretary"))
    if missing:
        raise ValidationError(_("The minutes lack: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing)})


def _freeze(protocol: Protocol, addendum: Addendum | None) -> ProtocolVersion:
    number = protocol.versions.count() + 1
    if addendum is None:
        items = list(protocol.items.filter(version__isnull=True, addendum__isnull=True))
        decisions = list(protocol.decisions.filter(version__isnull=True, addendum__isnull=True))
    else:
        items = list(addendum.items.filter(version__isnull=True))
        decisions = list(addendum.decisions.filter(version__isnull=True))
    content = sealing.version_content(
        protocol=protocol, number=number, items=items, decisions=decisions, addendum=addendum
    )
    slots = required_slots(protocol.meeting)
    if not slots:
        raise ValidationError(_("The rules of the meeting's date name nobody to sign the minutes."))
    version = ProtocolVersion.objects.create(
        protocol=protocol,
        number=number,
        addendum=addendum,
        content=sealing.canonical(content),
        required_slots=[{"key": s.key, "role": s.role, "officer": s.officer_id, "name": s.officer_name} for s in slots],
    )
    ProtocolItem.objects.filter(pk__in=[i.pk for i in items]).update(version=version)
    Decision.objects.filter(pk__in=[d.pk for d in decisions]).update(version=version)
    if addendum is None:
        protocol.status = ProtocolStatus.SIGNING
        protocol.save(update_fields=["status", "updated_at"])
    return version


def version_slots(version: ProtocolVersion) -> list[Slot]:
    return [Slot(s["key"], s["role"], s.get("officer"), s.get("name", "")) for s in version.required_slots]


def _open_appeals(protocol: Protocol, actor: Any) -> None:
    """Hand the items not answered in full to the appeals part (АППК), in this same transaction, so that
    signed minutes and their appeals are committed together or not at all (Order 608 p.16-17). The receiver
    is esep.workflows.sealing."""
    minutes_sealed.send(sender=Protocol, protocol=protocol, actor=actor)


def pending_version(protocol: Protocol) -> ProtocolVersion | None:
    return protocol.versions.filter(sha256="").order_by("-number").first()


def protocol_sign(*, protocol: Protocol, user: Any, slot: str | None = None) -> Signature:
    """Sign the minutes (or the open addendum) in a role the rules of the meeting's date require.

    The protocol row is locked, so two staff signing at once produce one version and no duplicate
    signature. The first signature freezes the content; the last one seals it into the chain and hands
    the items not answered in full to appeals.
    """
    with transaction.atomic():
        row = _lock(protocol)
        meeting_require_started(row.meeting, what="signed")
        version = pending_version(row)
        if version is None:
            if row.status == ProtocolStatus.DRAFT:
                _check_complete(row)
                version = _freeze(row, None)
            else:
                addendum = _open_addendum(row)
                if addendum is None:
                    raise ValidationError(_("These minutes are already signed."))
                version = _freeze(row, addendum)
        signed = set(version.signatures.values_list("slot", flat=True))
        candidates = [
            s
            for s in version_slots(version)
            if s.key not in signed
            and (slot is None or s.key == slot)
            and user_may_fill(user, s, row.meeting, row.secretary_id)
        ]
        if not candidates:
            if any(s.user_id == user.pk for s in version.signatures.all()):
                raise ValidationError(_("You have already signed these minutes."))
            raise ValidationError(_("The rules of the meeting's date do not ask you to sign these minutes."))
        chosen = candidates[0]
        signature = Signature.objects.create(
            version=version,
            slot=chosen.key,
            role=chosen.role,
            user=user,
            signer_name=(user.get_full_name() or user.get_username())[:200],
            signed_at=clock.now(),
        )
        audit_record(actor=user, action="protocol.sign", obj=row, data={"version": version.number, "slot": chosen.key})
        if signed | {chosen.key} >= {s.key for s in version_slots(version)}:
            _seal(row, version, user)
    return signature


def _seal(protocol: Protocol, version: ProtocolVersion, actor: Any) -> None:
    previous = protocol.versions.filter(number__lt=version.number).order_by("-number").first()
    version.prev_sha256 = previous.sha256 if previous else sealing.GENESIS
    version.seal = sealing.canonical(sealing.signatures_data(version))
    version.sha256 = sealing.chain_hash(version.prev_sha256, version.content, version.seal)
    # The witness outside the database (esep.protocols.witness): a MAC under the seal key.
    version.mac = witness.version_mac(protocol.pk, version.number, version.sha256)
    version.key_id = witness.key_id()
    version.sealed_at = clock.now()
    version.save(update_fields=["prev_sha256", "seal", "sha256", "mac", "key_id", "sealed_at"])
    if protocol.status != ProtocolStatus.SIGNED:
        protocol.status = ProtocolStatus.SIGNED
        protocol.signed_at = version.sealed_at
        protocol.save(update_fields=["status", "signed_at", "updated_at"])
        register_number_assign(protocol)
    audit_record(
        actor=actor,
        action="protocol.seal",
        obj=protocol,
        data={"version": version.number, "sha256": version.sha256, "number": protocol.document_number},
    )
    _open_appeals(protocol, actor)
