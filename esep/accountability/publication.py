"""The held report in public: staff choose what is published; every text a secretary or a resident typed is
redacted (``esep.accountability.redaction``) and checked by a staff member before residents see it.

Order 608 p.13 and Order 652 p.32 list what the minutes hold (time, date, place, number of participants,
decisions, complaints, proposals and remarks); the Law on personal data arts. 7-8 limits what of it may be
made public: never who raised what, never a participant's name, phone, address or IIN.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esep.accountability.models import ItemPublication, ReportPublication
from esep.accountability.redaction import redact
from esep.accounts.permissions import Action, can
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings.models import Meeting, MeetingStatus
from esep.protocols.models import ProtocolStatus

PUBLISHABLE = frozenset({MeetingStatus.HELD, MeetingStatus.CLOSED})


def known_names(meeting: Meeting) -> list[str]:
    """Every name Esep holds for people at or around this meeting: participants, persons in the minutes,
    authors of questions, applicants of its appeals, invitees and award recipients."""
    names: list[str] = list(meeting.participants.values_list("full_name", flat=True))
    names += list(meeting.questions.values_list("author_name", flat=True))
    names += list(meeting.appeals.values_list("applicant_name", flat=True))
    names += list(meeting.invitations.values_list("name", flat=True))
    names += list(meeting.awards.values_list("recipient", flat=True))
    protocol = getattr(meeting, "protocol", None)
    if protocol is not None:
        names += list(protocol.items.values_list("person_name", flat=True))
    return [n for n in names if n]


def draft_texts(meeting: Meeting) -> dict[str, Any]:
    """What the staff form starts from: the redacted place, agenda and items (nothing saved yet)."""
    names = known_names(meeting)
    protocol = meeting.protocol
    pub = ReportPublication.objects.filter(meeting=meeting).first()
    existing = {p.item_id: p for p in ItemPublication.objects.filter(item__protocol=protocol)}
    items = []
    for item in protocol.items.order_by("id"):
        p = existing.get(item.pk)
        items.append(
            {
                "item": item,
                "text": p.public_text if p else redact(item.text, known_names=names),
                "answer": p.public_answer if p else redact(item.answer, known_names=names),
                "publish": p.publish if p else False,
                "checked": p is not None and p.checked_at is not None,
            }
        )
    return {
        "publication": pub,
        "place": pub.public_place if pub else redact(protocol.place, known_names=names),
        "agenda": pub.public_agenda if pub else redact(protocol.agenda, known_names=names),
        "items": items,
    }


def report_publish(
    *,
    meeting: Meeting,
    actor: Any,
    place: str,
    agenda: str,
    show_decisions: bool,
    show_items: bool,
    show_video: bool,
    show_minutes: bool,
    items: dict[int, dict[str, Any]],
) -> ReportPublication:
    """Publish (or republish) what staff checked. ``items`` maps an item id to {"text", "answer", "publish"}.
    Every text is redacted again on saving, so a phone number typed back in by mistake is still removed."""
    if not can(actor, Action.CHANGE, meeting):
        raise PermissionDenied(_("You cannot publish this report."))
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status not in PUBLISHABLE:
            raise ValidationError(_("Only a held report can be published."))
        protocol = getattr(locked, "protocol", None)
        if protocol is None or protocol.status != ProtocolStatus.SIGNED:
            raise ValidationError(_("Publish the report once its minutes are signed."))
        names = known_names(locked)
        now = clock.now()
        pub, _created = ReportPublication.objects.update_or_create(
            meeting=locked,
            defaults={
                "public_place": redact(place, known_names=names)[:300],
                "public_agenda": redact(agenda, known_names=names)[:20000],
                "show_decisions": show_decisions,
                "show_items": show_items,
                "show_video": show_video,
                "show_minutes": show_minutes,
                "known_names": sorted(set(names)),
                "published_at": now,
                "published_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        valid_ids = set(protocol.items.values_list("pk", flat=True))
        for item_id, data in items.items():
            if item_id not in valid_ids:
                continue
            ItemPublication.objects.update_or_create(
                item_id=item_id,
                defaults={
                    "public_text": redact(data.get("text", ""), known_names=names)[:5000],
                    "public_answer": redact(data.get("answer", ""), known_names=names)[:5000],
                    "publish": bool(data.get("publish")) and bool((data.get("text") or "").strip()),
                    "checked_by": actor if getattr(actor, "is_authenticated", False) else None,
                    "checked_at": now,
                },
            )
        audit_record(
            actor=actor,
            action="report.publish",
            obj=pub,
            data={"items": sorted(i for i, d in items.items() if d.get("publish"))},
        )
        public_changed_on_commit()
        from esep.accountability.subscriptions import alert_subscribers

        alert_subscribers(meeting=locked, event="results")
    return pub


def report_unpublish(*, meeting: Meeting, actor: Any) -> None:
    if not can(actor, Action.CHANGE, meeting):
        raise PermissionDenied(_("You cannot publish this report."))
    with transaction.atomic():
        ReportPublication.objects.filter(meeting=meeting).update(published_at=None)
        audit_record(actor=actor, action="report.unpublish", obj=meeting)
        public_changed_on_commit()
