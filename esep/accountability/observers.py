"""Public council members as observers of the police's reports (parliament speech, sixth conclusion: public
councils take part in meetings with the population and control the work of the local police).

A member of the public council of the meeting's territory (``Action.OBSERVE`` on the meeting) writes a note
after the report is held; residents see it on the meeting's page once its author publishes it. Its author
alone edits, publishes or withdraws it: the police body rated cannot. A council member is not a resident,
but what they write may still name residents or give a phone number, so the published text is passed through
``esep.accountability.redaction`` with the names Esep holds for the meeting, like every other published text.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from esep.accountability.models import ObserverNote
from esep.accountability.publication import known_names
from esep.accountability.redaction import redact
from esep.accounts.permissions import Action, may, require, restrict
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings.models import Meeting, MeetingStatus

NOTE_MAX = 5000
OBSERVABLE = frozenset({MeetingStatus.HELD, MeetingStatus.CLOSED})


def _author_name(actor: Any) -> str:
    return (actor.get_full_name() or actor.get_username())[:200]


def observer_note_save(*, meeting: Meeting, actor: Any, text: str, publish: bool) -> ObserverNote:
    """Write (or rewrite) the actor's note on a held report and, with ``publish``, show it to residents.
    A published note rewritten stays published with its new text, redacted again."""
    require(actor, Action.OBSERVE, meeting)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write what you observed."))
    if len(text) > NOTE_MAX:
        raise ValidationError(_("The note is too long."))
    now = clock.now()
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status not in OBSERVABLE:
            raise ValidationError(_("An observer's note is written after the report is held."))
        note = ObserverNote.objects.select_for_update().filter(meeting=locked, author=actor).first()
        created = note is None
        if note is None:
            note = ObserverNote(meeting=locked, author=actor, created_at=now)
        note.author_name = _author_name(actor)
        note.text = text
        note.updated_at = now
        published = publish or note.published
        note.public_text = redact(text, known_names=known_names(locked)) if published else ""
        if published and not note.published:
            note.published_at = now
        note.published = published
        note.save()
        audit_record(
            actor=actor,
            action="observer_note.create" if created else "observer_note.update",
            obj=note,
            data={"meeting": locked.code, "published": published},
        )
        if published:
            public_changed_on_commit()
    return note


def observer_note_withdraw(*, note: ObserverNote, actor: Any) -> ObserverNote:
    """Take a published note off the meeting's page (its author only); the text is kept as a draft."""
    require(actor, Action.PUBLISH, note)
    if note.author_id != getattr(actor, "pk", None):
        raise PermissionDenied
    with transaction.atomic():
        locked = ObserverNote.objects.select_for_update().get(pk=note.pk)
        if not locked.published:
            raise ValidationError(_("This note is not published."))
        locked.published = False
        locked.public_text = ""
        locked.published_at = None
        locked.save(update_fields=["published", "public_text", "published_at"])
        audit_record(actor=actor, action="observer_note.withdraw", obj=locked, data={"meeting": locked.meeting_id})
        public_changed_on_commit()
    return locked


# --- reads ------------------------------------------------------------------------------------------------


def observable_meetings(user: Any) -> QuerySet[Meeting]:
    """Held reports the user may write a note on (their council's territory), newest first."""
    return (
        restrict(Meeting.objects.all(), user, Action.OBSERVE)
        .filter(status__in=OBSERVABLE)
        .select_related("body")
        .order_by("-starts_at")
    )


def may_observe(user: Any) -> bool:
    """Whether the user is a council member who may write notes somewhere (for the menu and the list)."""
    return may(user, Action.OBSERVE, Meeting)


def own_note(meeting: Meeting, user: Any) -> ObserverNote | None:
    return ObserverNote.objects.filter(meeting=meeting, author=user).first()


def public_notes(meeting: Meeting) -> list[ObserverNote]:
    """The published notes of a held report, as residents read them."""
    if meeting.status not in OBSERVABLE:
        return []
    return list(
        ObserverNote.objects.filter(meeting=meeting, published=True)
        .only("author_name", "public_text", "published_at")
        .order_by("published_at", "id")
    )
