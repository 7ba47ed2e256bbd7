"""Reports to the population: a chief's yearly report (Order 608) or a district inspector's quarterly
report at a gathering of the local community (Order 1095 ch.3, added by Order 652).

This module holds the meeting itself and who reports at it. Preparation (invitations, registration,
video, awards) lives beside it; announcements, minutes and appeals live in their own apps.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esep.core import clock
from esep.core.i18n import localized


class MeetingKind(models.TextChoices):
    CHIEF = "chief", _("chief's report")
    INSPECTOR = "inspector", _("district inspector's report")
    # Not a report under Order 608 or Order 652: a joint reception of residents by the police and the public
    # council (parliament speech, sixth conclusion). Planned, announced and asked in advance like a report,
    # but no rule of those orders applies to it and it never counts as a report owed (esep/planning).
    RECEPTION = "reception", _("joint reception with the public council")


# The kinds the law requires and oversight counts (Order 608, Order 652 / Decree 723).
STATUTORY_KINDS = frozenset({MeetingKind.CHIEF.value, MeetingKind.INSPECTOR.value})


class MeetingFormat(models.TextChoices):
    INDOOR = "indoor", _("in a hall")
    OUTDOOR = "outdoor", _("outdoors")
    ONLINE = "online", _("online")


class GatheringType(models.TextChoices):
    # Order 652 p.26: a gathering (сход) of the local community, or a meeting (собрание) convened by the
    # akim or on the initiative of at least 10% of delegated members.
    GATHERING = "gathering", _("gathering of the local community")
    ASSEMBLY = "assembly", _("meeting of the local community")
    NOT_APPLICABLE = "", _("not applicable")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    ANNOUNCED = "announced", _("announced")
    HELD = "held", _("held")
    CLOSED = "closed", _("closed")
    CANCELLED = "cancelled", _("cancelled")


def _new_code() -> str:
    return secrets.token_hex(5)


class Meeting(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=MeetingKind.choices)
    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="meetings")
    precincts = models.ManyToManyField("police.Precinct", blank=True, related_name="meetings")
    # Reporting period: a year for a chief (reported in Q1 of the next year), a quarter for an inspector.
    period_year = models.PositiveSmallIntegerField(_("reporting year"))
    period_quarter = models.PositiveSmallIntegerField(_("reporting quarter"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    settlement = models.ForeignKey(
        "territory.Territory", null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    venue_kk = models.CharField(_("venue (Kazakh)"), max_length=300, blank=True)
    venue_ru = models.CharField(_("venue (Russian)"), max_length=300, blank=True)
    venue_capacity = models.PositiveIntegerField(_("venue capacity"), null=True, blank=True)
    expected_attendance = models.PositiveIntegerField(_("expected attendance"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices, default=MeetingFormat.INDOOR)
    gathering_type = models.CharField(
        _("gathering type"), max_length=10, choices=GatheringType.choices, blank=True, default=""
    )
    online_url = models.URLField(_("online link"), blank=True)
    status = models.CharField(max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    code = models.CharField(max_length=12, unique=True, default=_new_code, editable=False)
    summary_kk = models.TextField(_("published summary (Kazakh)"), blank=True)
    summary_ru = models.TextField(_("published summary (Russian)"), blank=True)
    summary_en = models.TextField(_("published summary (English)"), blank=True)
    # Shown on the public page of a cancelled meeting, so residents who planned to come know why.
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    scope_body_field = "body"

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            # The Atom feed reads the newest announcements first: an index scan in order, not a sort of
            # every public meeting.
            models.Index(
                fields=["-published_at"], name="meeting_published_desc", condition=Q(published_at__isnull=False)
            ),
            # Who did not report: meetings of a kind and period; a body's meetings in time order.
            models.Index(fields=["kind", "period_year", "period_quarter"], name="meeting_kind_period"),
            models.Index(fields=["body", "starts_at"], name="meeting_body_start"),
            # A district's or region's reports of one period (the "Today" panels, who did not report): probed
            # per body of the area, so the cost follows the area, not the country or the area's history.
            models.Index(fields=["body", "kind", "period_year", "period_quarter"], name="meeting_body_kind_period"),
        ]
        verbose_name = _("report to the population")
        verbose_name_plural = _("reports to the population")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.body} · {self.starts_at:%Y-%m-%d}"

    @property
    def venue(self) -> str:
        return localized(self, "venue")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def is_public(self) -> bool:
        return self.status in {MeetingStatus.ANNOUNCED, MeetingStatus.HELD, MeetingStatus.CLOSED}


class MeetingChangeKind(models.TextChoices):
    RESCHEDULED = "rescheduled", _("rescheduled")
    CANCELLED = "cancelled", _("cancelled")


class MeetingChange(models.Model):
    """The meeting's history of dates: each move or cancellation with its reason and who made it, kept
    beside the audit log so the staff page and the public page can show it without reading the log."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=MeetingChangeKind.choices)
    old_starts_at = models.DateTimeField()
    new_starts_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"))
    actor_name = models.CharField(max_length=200, blank=True)
    notified = models.PositiveIntegerField(default=0)
    at = models.DateTimeField(auto_now_add=True)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("change of a meeting")
        verbose_name_plural = _("changes of meetings")

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.kind} · {self.at:%Y-%m-%d}"


class MeetingReporter(models.Model):
    """Who reports. At a joint gathering several inspectors report, each for their own precinct."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reporters")
    officer = models.ForeignKey("police.Officer", on_delete=models.PROTECT, related_name="reports")
    precinct = models.ForeignKey(
        "police.Precinct", null=True, blank=True, on_delete=models.PROTECT, related_name="reporters"
    )

    scope_body_field = "meeting__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "officer"], name="reporter_once_per_meeting")]
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self) -> str:
        return str(self.officer)


# ---------------------------------------------------------------------------------------------------------
# Preparation and holding: invitations, registration of participants, video, awards, destruction records.
# ---------------------------------------------------------------------------------------------------------


class InviteeCategory(models.TextChoices):
    """Who is invited: Order 608 p.11 ("are invited") and Order 652 p.28 ("by agreement") name the same list."""

    MASLIKHAT = "maslikhat", _("maslikhat deputies")
    PUBLIC = "public", _("the public")
    # "Representatives of the public" (Order 608 p.11; Order 652 p.28, by agreement; Decree 723 p.10 "may be
    # invited"): the public council is named apart so that its members can be invited and record their
    # attendance; for the law it counts as the public (esep/meetings/describe.py).
    PUBLIC_COUNCIL = "public_council", _("public council")
    HEALTH = "health", _("health care bodies")
    SOCIAL = "social", _("labour and social protection bodies")
    EDUCATION = "education", _("education and science bodies")
    AGRICULTURE = "agriculture", _("agriculture bodies")
    HOUSING = "housing", _("housing and utilities bodies")
    ORGANISATIONS = "organisations", _("organisations and enterprises")
    MEDIA = "media", _("mass media")
    # Not in p.11 / p.28 but required beside them: Order 608 p.4 (the akimat is invited to a chief's report);
    # Order 652 p.26 (an inspector reports with the police leadership and the akimat taking part).
    AKIMAT = "akimat", _("local executive body (akimat)")
    POLICE_LEADERSHIP = "police_leadership", _("leadership of the police body")


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    NO_REPLY = "no_reply", _("no reply")


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """An invitation to a report. The invitee needs no account: the email carries a reply link with a token."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    category = models.CharField(_("category"), max_length=20, choices=InviteeCategory.choices)
    name = models.CharField(_("organisation or person"), max_length=300)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(max_length=2, default="kk")
    token = models.CharField(max_length=40, unique=True, default=_new_token, editable=False)
    status = models.CharField(max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.SENT)
    sent_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    reply_note = models.CharField(_("note"), max_length=500, blank=True)
    # Recorded at the door: the invitee (or their representative) took part.
    attended_at = models.DateTimeField(_("took part"), null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "category", "name"], name="invitation_once_per_invitee")
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_category_display()})"


class RegistrationMethod(models.TextChoices):
    DOOR = "door", _("at the door")
    KNOWN = "known", _("known resident")
    PAPER = "paper", _("from a paper sheet")
    SELF = "self", _("self-registration by QR code")


class Participant(models.Model):
    """One person registered at an inspector's report (Order 652 p.32: every participant is registered,
    respecting art. 39-3 p.1 of the Law on local state administration and self-government).

    Only what the law needs: full name and residence. A contact only with consent (Law on personal data
    art. 7-8). No ID numbers. ``person_key`` makes registration idempotent: the same person (name and
    residence, spelling-folded) is one row per meeting however many times the form is sent.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    full_name = models.CharField(_("full name"), max_length=200)
    residence = models.CharField(_("residence (settlement, address)"), max_length=300)
    person_key = models.CharField(max_length=520, editable=False)
    method = models.CharField(max_length=10, choices=RegistrationMethod.choices)
    eligibility_declared = models.BooleanField(default=False)
    contact = models.CharField(_("contact (phone or email)"), max_length=200, blank=True)
    contact_consent_at = models.DateTimeField(null=True, blank=True)
    registered_at = models.DateTimeField(default=clock.now, editable=False)
    registered_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["registered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person_key"], name="participant_once_per_meeting")]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.full_name or str(_("(anonymised)"))


class Video(models.Model):
    """The video recording of an inspector's report (Order 652 p.32), uploaded or linked, with its SHA-256
    and the date until which it is kept (esep.law rule ``retention.inspector_materials_days``)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="videos")
    file = models.FileField(upload_to="meetings/video/%Y/%m/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    retain_until = models.DateField(_("kept until"), null=True, blank=True)
    added_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=clock.now, editable=False)
    destroyed_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["added_at"]
        verbose_name = _("video recording")
        verbose_name_plural = _("video recordings")

    def __str__(self) -> str:
        return self.url or (self.file.name if self.file else self.sha256[:12])


class Award(models.Model):
    """An award given at the report for active help in keeping public order (Order 608 p.20; Order 652 p.34)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="awards")
    recipient = models.CharField(_("recipient"), max_length=300)
    reason = models.CharField(_("for what"), max_length=500)
    added_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["added_at"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return self.recipient


class DestructionSubject(models.TextChoices):
    MEETING_MATERIALS = "meeting_materials", _("report materials of a meeting")
    QUESTION_AUTHORS = "question_authors", _("names and contacts of question authors")
    APPEAL_APPLICANTS = "appeal_applicants", _("names and contacts of applicants")
    OUTBOX_RECIPIENTS = "outbox_recipients", _("recipients of sent messages")
    SUBSCRIBER_EMAILS = "subscriber_emails", _("e-mail addresses of subscribers")


class DestructionRecord(models.Model):
    """What retention destroyed or anonymised, when, by whom and under which rule (Order 652 p.32: report
    materials are kept 1 year; Law on personal data art. 12: destroyed when the purpose is reached).
    One per meeting for its materials, which also makes ``esep retention purge`` idempotent; for questions,
    appeals, the outbox and subscriptions, one per run and kind of data that destroyed anything (``meeting``
    empty)."""

    meeting = models.OneToOneField(Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="destruction")
    subject = models.CharField(
        max_length=30, choices=DestructionSubject.choices, default=DestructionSubject.MEETING_MATERIALS
    )
    performed_at = models.DateTimeField()
    actor_name = models.CharField(max_length=200)
    rule_key = models.CharField(max_length=100)
    rule_citation = models.CharField(max_length=300)
    kept_until = models.DateField()
    counts = models.JSONField(default=dict)

    scope_body_field = "meeting__body"

    class Meta:
        ordering = ["-performed_at"]
        verbose_name = _("destruction record")
        verbose_name_plural = _("destruction records")

    def __str__(self) -> str:
        return f"{self.meeting_id or self.subject} · {self.performed_at:%Y-%m-%d}"
