"""Writes to meetings: lifecycle transitions, invitations, registration of participants, video, awards.

Every service: keyword-only arguments, one transaction, the row locked, the guard checked, the change made,
an audit entry written; messages go through the outbox in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings import outbox, workflow
from esep.meetings.lawrules import term_end_if_any
from esep.meetings.models import (
    Award,
    Invitation,
    InvitationStatus,
    Meeting,
    MeetingStatus,
    Participant,
    RegistrationMethod,
    Video,
)
from esep.territory.search import normalize

# An upload larger than this is refused; long recordings are linked from the body's video storage instead.
VIDEO_MAX_BYTES = 2 * 1024 * 1024 * 1024
RETENTION_RULE = "retention.inspector_materials_days"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ID_NUMBER = re.compile(r"\d{6,}")
_DIGIT = re.compile(r"\d")


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def meeting_local_date(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


# --- lifecycle ------------------------------------------------------------------------------------------


def meeting_require_started(meeting: Meeting, *, what: str = "held") -> None:
    """Nothing that proves a report took place may be recorded before it starts (Asia/Almaty wall time is
    only how it is shown; the comparison is between aware instants). ``what``: "held", "minutes", "signed"."""
    if clock.now() >= meeting.starts_at:
        return
    when = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")
    if what == "minutes":
        message = _("The minutes cannot be started before the meeting starts (%(when)s).")
    elif what == "signed":
        message = _("The minutes cannot be signed before the meeting starts (%(when)s).")
    else:
        message = _("A meeting cannot be marked held before it starts (%(when)s).")
    raise ValidationError(message % {"when": when}, code="not_started")


def meeting_held_evidence_missing(meeting: Meeting) -> list[str]:
    """What a meeting still lacks to be recorded as held, each with its paragraph:
    an inspector's report registers its participants (Order 652 p.32); a chief's report is an in-person
    speech before the population (Order 608 p.2, "очное выступление"), never online."""
    missing: list[str] = []
    if meeting.kind == "inspector" and not meeting.participants.exists():
        missing.append(_("the participants registered at the door (Order 652 p.32)"))
    if meeting.kind == "chief" and meeting.format == "online":
        missing.append(_("an in-person report: a chief reports in person, not online (Order 608 p.2)"))
    return missing


def meeting_transition(*, meeting: Meeting, to: str, actor: Any, reason: str = "") -> Meeting:
    """Move a meeting along ``workflow.TRANSITIONS``; refuse anything else."""
    with transaction.atomic():
        row = _lock(meeting)
        if not workflow.can_move(row.status, to):
            raise ValidationError(
                _("A meeting that is %(current)s cannot become %(target)s.")
                % {"current": row.get_status_display(), "target": MeetingStatus(to).label}
            )
        if to == MeetingStatus.HELD:
            meeting_require_started(row, what="held")
            missing = meeting_held_evidence_missing(row)
            if missing:
                raise ValidationError(
                    _("The meeting cannot be marked held without: %(missing)s.") % {"missing": "; ".join(missing)},
                    code="evidence_missing",
                )
        previous = row.status
        row.status = to
        row.save(update_fields=["status", "updated_at"])
        if to == MeetingStatus.HELD:
            # Invitees who never answered are recorded as such once the meeting has taken place.
            row.invitations.filter(status=InvitationStatus.SENT).update(status=InvitationStatus.NO_REPLY)
        audit_record(actor=actor, action=f"meeting.{to}", obj=row, data={"from": previous, "reason": reason})
        public_changed_on_commit()  # the public meeting, precinct and feed pages show the status
    meeting.status = row.status
    return row


SUMMARY_STATUSES = frozenset({MeetingStatus.HELD, MeetingStatus.CLOSED})


def meeting_summary_publish(
    *, meeting: Meeting, actor: Any, summary_kk: str, summary_ru: str, summary_en: str = ""
) -> Meeting:
    """Publish what was reported, for the public pages of the meeting and its precinct. Written by staff, so
    it needs no moderation; it is never taken from what residents wrote."""
    summary_kk, summary_ru, summary_en = summary_kk.strip(), summary_ru.strip(), summary_en.strip()
    if not (summary_kk and summary_ru):
        raise ValidationError(_("Write the summary in Kazakh and in Russian."))
    with transaction.atomic():
        row = _lock(meeting)
        if row.status not in SUMMARY_STATUSES:
            raise ValidationError(_("A summary is published after the meeting is held."))
        row.summary_kk, row.summary_ru, row.summary_en = summary_kk, summary_ru, summary_en
        row.save(update_fields=["summary_kk", "summary_ru", "summary_en", "updated_at"])
        audit_record(actor=actor, action="meeting.summary", obj=row)
        public_changed_on_commit()
    return row


def meeting_mark_held(*, meeting: Meeting, actor: Any) -> Meeting:
    """Record that the report took place. Those who plan and hold reports may (the staff unit, the chief,
    the inspector); a secretary keeps the minutes only. The pages and the API ask too; a direct call is
    checked here."""
    require(actor, Action.CHANGE, meeting)
    return meeting_transition(meeting=meeting, to=MeetingStatus.HELD, actor=actor)


def meeting_close(*, meeting: Meeting, actor: Any) -> Meeting:
    """Close a held meeting once its minutes are signed (Order 608 p.14-15; Order 652 p.32)."""
    require(actor, Action.CHANGE, meeting)
    protocol = getattr(meeting, "protocol", None)
    if protocol is None or not protocol.is_signed:
        raise ValidationError(_("The minutes must be signed before the meeting is closed."))
    return meeting_transition(meeting=meeting, to=MeetingStatus.CLOSED, actor=actor)


# --- invitations ----------------------------------------------------------------------------------------


def invitation_reply_url(invitation: Invitation) -> str:
    with translation.override(invitation.language):
        path = reverse("meetings_public:invitation", kwargs={"token": invitation.token})
    return f"{settings.SITE_URL}{path}"


def invitation_create(
    *, meeting: Meeting, category: str, name: str, email: str = "", language: str = "kk", actor: Any
) -> Invitation:
    """Invite a body, organisation or person (Order 608 p.11; Order 652 p.28). With an email, the invitation
    goes out through the outbox with a reply link that needs no account."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Name the organisation or person invited."))
    with transaction.atomic():
        row = _lock(meeting)
        if row.status in {MeetingStatus.CANCELLED, MeetingStatus.CLOSED, MeetingStatus.HELD}:
            raise ValidationError(_("Invitations can only be sent before the meeting."))
        invitation, created = Invitation.objects.get_or_create(
            meeting=row, category=category, name=name, defaults={"email": email, "language": language}
        )
        if not created:
            raise ValidationError(_("This invitee has already been invited."))
        if email:
            with translation.override(language):
                subject = _("Invitation to a police report to the population")
                body = _(
                    "You are invited to %(what)s on %(when)s at %(where)s.\n"
                    "Please tell us whether you will attend: %(link)s"
                ) % {
                    "what": row.get_kind_display(),
                    "when": timezone.localtime(row.starts_at).strftime("%d.%m.%Y %H:%M"),
                    "where": row.venue or row.online_url,
                    "link": invitation_reply_url(invitation),
                }
            outbox.send(channel="email", to=email, subject=subject, body=body, related=invitation, language=language)
            invitation.sent_at = clock.now()
            invitation.save(update_fields=["sent_at"])
        audit_record(actor=actor, action="invitation.create", obj=invitation, data={"category": category})
    return invitation


def invitation_reply(*, token: str, accept: bool, note: str = "") -> Invitation:
    """Record an invitee's answer. They may change it until the meeting starts."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("meeting").get(token=token)
        meeting = invitation.meeting
        if meeting.status in {MeetingStatus.CANCELLED, MeetingStatus.CLOSED} or meeting.starts_at <= clock.now():
            raise ValidationError(_("Replies are no longer accepted for this meeting."))
        invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
        invitation.replied_at = clock.now()
        invitation.reply_note = note.strip()[:500]
        invitation.save(update_fields=["status", "replied_at", "reply_note"])
        audit_record(actor=invitation.name, action=f"invitation.{invitation.status}", obj=invitation)
    return invitation


def invitation_mark_attended(*, invitation: Invitation, attended: bool, actor: Any) -> Invitation:
    """Record at the door that an invitee took part (Order 652 p.26: police leadership and the akimat)."""
    with transaction.atomic():
        row = Invitation.objects.select_for_update().get(pk=invitation.pk)
        row.attended_at = (row.attended_at or clock.now()) if attended else None
        row.save(update_fields=["attended_at"])
        audit_record(actor=actor, action="invitation.attended" if attended else "invitation.absent", obj=row)
    return row


# --- registration of participants ----------------------------------------------------------------------


def person_key(full_name: str, residence: str) -> str:
    return f"{normalize(full_name)}|{normalize(residence)}"[:520]


def _clean_person(full_name: str, residence: str, eligibility_declared: bool) -> tuple[str, str]:
    """The law's checks, each with the reason a person reads. Law on local state administration and
    self-government art. 39-3 p.1: adult residents of the territory, not found incapable by a court, not
    held in prison; Esep records the person's declaration and collects no ID numbers (Law on personal data)."""
    full_name = " ".join(full_name.split())
    residence = " ".join(residence.split())
    if _ID_NUMBER.search(full_name) or _ID_NUMBER.search(residence):
        raise ValidationError(_("Do not enter ID numbers: only the full name and residence are recorded."))
    if len(full_name) < 3 or _DIGIT.search(full_name):
        raise ValidationError(_("Enter the full name."))
    if len(full_name) > 200:
        raise ValidationError(_("The full name is too long."))
    if not residence:
        raise ValidationError(_("Enter the settlement and address of residence."))
    if len(residence) > 300:
        raise ValidationError(_("The residence is too long."))
    if not eligibility_declared:
        raise ValidationError(
            _(
                "Only adult residents of the territory who have not been found incapable by a court and are not "
                "in prison take part in the gathering (Law on local state administration, art. 39-3 p.1)."
            )
        )
    return full_name, residence


def participant_register(
    *,
    meeting: Meeting,
    full_name: str,
    residence: str,
    method: str,
    eligibility_declared: bool,
    contact: str = "",
    contact_consent: bool = False,
    actor: Any = None,
) -> tuple[Participant, bool]:
    """Register one participant (Order 652 p.32). Idempotent: the same person twice is one row, also when
    the form is sent twice at once (the unique key settles the race). Returns (participant, created)."""
    full_name, residence = _clean_person(full_name, residence, eligibility_declared)
    contact = contact.strip()[:200] if contact_consent else ""
    if meeting.status not in workflow.REGISTRATION_OPEN:
        raise ValidationError(_("Registration is closed for this meeting."))
    if method == RegistrationMethod.SELF and clock.localdate() != meeting_local_date(meeting):
        # The QR code registers those present; staff enter paper sheets and late entries themselves.
        raise ValidationError(_("Registration by QR code is open on the day of the meeting only."))
    key = person_key(full_name, residence)
    existing = Participant.objects.filter(meeting=meeting, person_key=key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                meeting=meeting,
                full_name=full_name,
                residence=residence,
                person_key=key,
                method=method,
                eligibility_declared=True,
                contact=contact,
                contact_consent_at=clock.now() if contact else None,
                registered_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            audit_record(actor=actor or "self-registration", action="participant.register", obj=participant)
    except IntegrityError:
        return Participant.objects.get(meeting=meeting, person_key=key), False
    return participant, True


def participant_register_known(*, meeting: Meeting, previous: Participant, actor: Any) -> tuple[Participant, bool]:
    """One action for a resident registered at an earlier report of the same precinct: the staff member
    confirms the person is here and has declared eligibility again."""
    return participant_register(
        meeting=meeting,
        full_name=previous.full_name,
        residence=previous.residence,
        method=RegistrationMethod.KNOWN,
        eligibility_declared=True,
        actor=actor,
    )


@dataclass(frozen=True)
class SheetLine:
    number: int
    text: str
    outcome: str  # "registered", "already", "refused"
    reason: str = ""


SHEET_MAX_LINES = 1000


def _split_line(line: str) -> tuple[str, str]:
    for sep in (";", "\t", ","):
        if sep in line:
            name, _sep, rest = line.partition(sep)
            return name, rest
    return line, ""


def participants_register_sheet(
    *, meeting: Meeting, text: str, eligibility_declared: bool, actor: Any
) -> list[SheetLine]:
    """Enter a paper registration sheet, one person per line: "Full name; residence". Each line is
    registered, found already registered, or refused with the reason; nothing is silently dropped."""
    lines = list(text.splitlines())
    if len(lines) > SHEET_MAX_LINES:
        raise ValidationError(_("A sheet may have at most %(n)s lines.") % {"n": SHEET_MAX_LINES})
    results: list[SheetLine] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        name, residence = _split_line(line)
        try:
            _participant, created = participant_register(
                meeting=meeting,
                full_name=name,
                residence=residence,
                method=RegistrationMethod.PAPER,
                eligibility_declared=eligibility_declared,
                actor=actor,
            )
        except ValidationError as error:
            results.append(SheetLine(number, line, "refused", " ".join(error.messages)))
            continue
        results.append(SheetLine(number, line, "registered" if created else "already"))
    return results


# --- video and awards ----------------------------------------------------------------------------------


def video_retain_until(meeting: Meeting) -> dt.date | None:
    """Order 652 p.32: an inspector's report materials are kept for the term of the rule in force on the
    meeting's date. A chief's report materials are kept under the documentation rules of Order 236
    (Order 608 p.18), which set no term Esep can count: None, and retention leaves them alone."""
    return term_end_if_any(RETENTION_RULE, start=meeting_local_date(meeting), kind=meeting.kind)


def video_add_upload(*, meeting: Meeting, upload: Any, actor: Any) -> Video:
    """Attach an uploaded recording (Order 652 p.32); its SHA-256 is computed here, chunk by chunk."""
    if upload.size > VIDEO_MAX_BYTES:
        raise ValidationError(_("The file is too large; give a link to the recording instead."))
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        row = _lock(meeting)
        video = Video(
            meeting=row,
            sha256=digest.hexdigest(),
            size=upload.size,
            retain_until=video_retain_until(row),
            added_by=actor,
        )
        video.file.save(upload.name, upload, save=False)
        video.save()
        audit_record(actor=actor, action="video.upload", obj=video, data={"sha256": video.sha256})
    return video


def video_add_link(*, meeting: Meeting, url: str, sha256: str, actor: Any) -> Video:
    """Attach a link to a recording kept elsewhere, with the SHA-256 of the file as given by its holder."""
    sha256 = sha256.strip().lower()
    if not _SHA256.match(sha256):
        raise ValidationError(_("Give the SHA-256 of the recording: 64 hexadecimal characters."))
    if not url.strip():
        raise ValidationError(_("Give the link to the recording."))
    with transaction.atomic():
        row = _lock(meeting)
        video = Video.objects.create(
            meeting=row, url=url.strip(), sha256=sha256, retain_until=video_retain_until(row), added_by=actor
        )
        audit_record(actor=actor, action="video.link", obj=video, data={"sha256": sha256})
    return video


def award_add(*, meeting: Meeting, recipient: str, reason: str, actor: Any) -> Award:
    """Record an award given at the report (Order 608 p.20; Order 652 p.34)."""
    recipient, reason = " ".join(recipient.split()), " ".join(reason.split())
    if not recipient or not reason:
        raise ValidationError(_("Name the recipient and what the award is for."))
    with transaction.atomic():
        row = _lock(meeting)
        award = Award.objects.create(meeting=row, recipient=recipient[:300], reason=reason[:500], added_by=actor)
        audit_record(actor=actor, action="award.add", obj=award)
    return award
