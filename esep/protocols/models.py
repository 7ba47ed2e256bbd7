"""Minutes (протокол / хаттама) of a report to the population.

Order 608 p.12-17 and Order 652 p.32: the minutes are kept by a secretary who is a police employee, hold the
time, date, place, number of participants, decisions taken, and every complaint, proposal and remark of
citizens received during the report; they are completed on the day and signed (secretary and chief; for an
inspector, the inspector). Order 608 p.19 / Order 652 p.33: their execution is controlled.

Integrity: once signed, minutes do not change. Each signed version (the original, then each addendum) is
stored as canonical JSON and sealed with sha256 = H(previous sha256 + canonical JSON); ``esep protocols
verify`` recomputes the chain and compares it with the live rows.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock
from esep.police.models import Competence, Subject


def new_salt() -> str:
    return secrets.token_hex(16)


class ProtocolStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNING = "signing", _("being signed")
    SIGNED = "signed", _("signed")


class Protocol(models.Model):
    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.PROTECT, related_name="protocol")
    status = models.CharField(max_length=10, choices=ProtocolStatus.choices, default=ProtocolStatus.DRAFT)
    # Order 608 p.13; Order 652 p.32: time, date, place.
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300)
    # Number of participants: from registration unless overridden, with the reason recorded.
    participants_override = models.PositiveIntegerField(_("number of participants (corrected)"), null=True, blank=True)
    participants_override_reason = models.CharField(_("reason for the correction"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda and course of the report"), blank=True)
    # Order 608 p.12: the secretary is an employee of the police body.
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    secretary_name = models.CharField(_("secretary"), max_length=200, blank=True)
    language = models.CharField(_("language of the minutes"), max_length=2, default="kk")
    signed_at = models.DateTimeField(null=True, blank=True)
    # The register number, given when the original is sealed (esep.protocols.register): 1, 2, 3… per police
    # body and year of sealing (Asia/Almaty), printed as "№ 7/2026".
    register_body = models.ForeignKey(
        "police.PoliceBody", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    register_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    register_number = models.PositiveIntegerField(_("register number"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    scope_body_field = "meeting__body"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["register_body", "register_year", "register_number"],
                condition=models.Q(register_number__isnull=False),
                name="protocol_register_number_unique",
            )
        ]
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})

    @property
    def is_signed(self) -> bool:
        return self.status == ProtocolStatus.SIGNED

    @property
    def document_number(self) -> str:
        """The register number as printed ("7/2026"), or "" before the minutes are sealed."""
        if self.register_number is None:
            return ""
        return f"{self.register_number}/{self.register_year}"

    @property
    def participants_count(self) -> int:
        if self.participants_override is not None:
            return self.participants_override
        return self.meeting.participants.count()


class MinutesRegister(models.Model):
    """The counter of a police body's register of minutes for one year: the last number given. Sealing locks
    this row (select_for_update), so two minutes sealed at once get consecutive numbers, never the same one;
    the unique constraint on Protocol is the backstop."""

    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="minutes_register_once_per_body_year")]
        verbose_name = _("register of minutes")
        verbose_name_plural = _("registers of minutes")

    def __str__(self) -> str:
        return f"{self.body_id} {self.year}: {self.last_number}"


class ItemKind(models.TextChoices):
    COMPLAINT = "complaint", _("complaint")
    PROPOSAL = "proposal", _("proposal")
    REMARK = "remark", _("remark")
    # АППК art. 3 p.4: a crime reported at the meeting is registered under police law, not as an appeal.
    CRIME_REPORT = "crime_report", _("report of a crime or offence")


class Addendum(models.Model):
    """A correction of signed minutes: itself signed and sealed as the next version of the chain."""

    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="addenda")
    text = models.TextField(_("correction"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "protocol__meeting__body"

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("addendum")
        verbose_name_plural = _("addenda")

    def __str__(self) -> str:
        return self.text[:80]


class ProtocolVersion(models.Model):
    """One signed version. Its content is frozen at the first signature; it is sealed (sha256 set) when the
    last signature required by the rules of the meeting's date is in."""

    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    addendum = models.OneToOneField(Addendum, null=True, blank=True, on_delete=models.PROTECT, related_name="version")
    # Canonical JSON of the minutes (frozen at the first signature) and of the signatures (at sealing);
    # sha256 = H(prev_sha256 + content + seal), exactly these characters in UTF-8.
    content = models.TextField()
    seal = models.TextField(blank=True)
    required_slots = models.JSONField(default=list)
    prev_sha256 = models.CharField(max_length=64, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # The witness outside the rows: HMAC-SHA256 of (protocol, number, sha256) under ESEP_SEAL_KEY, which is
    # not in the database (esep.protocols.witness); ``key_id`` names the key (a hash of it, not the key).
    mac = models.CharField(max_length=64, blank=True)
    key_id = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    sealed_at = models.DateTimeField(null=True, blank=True)

    scope_body_field = "protocol__meeting__body"

    class Meta:
        ordering = ["protocol_id", "number"]
        constraints = [models.UniqueConstraint(fields=["protocol", "number"], name="protocol_version_number_unique")]
        verbose_name = _("signed version of minutes")
        verbose_name_plural = _("signed versions of minutes")

    def __str__(self) -> str:
        return f"{self.protocol_id} v{self.number}"

    @property
    def is_sealed(self) -> bool:
        return bool(self.sha256)


class Signature(models.Model):
    """A signature in one role ("slot": "secretary", "chief", "inspector:<officer id>") on a version."""

    version = models.ForeignKey(ProtocolVersion, on_delete=models.PROTECT, related_name="signatures")
    slot = models.CharField(max_length=40)
    role = models.CharField(max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField()

    scope_body_field = "version__protocol__meeting__body"

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "slot"], name="signature_once_per_slot")]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.slot}: {self.signer_name}"


class ProtocolItem(models.Model):
    """A complaint, proposal, remark or crime report heard at the report, each a record of its own
    (Order 608 p.13, 16-17; Order 652 p.32). Items not answered in full become appeals under the АППК;
    those outside police competence go to the competent state body with the person notified."""

    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="items")
    addendum = models.ForeignKey(Addendum, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    version = models.ForeignKey(ProtocolVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    text = models.TextField(_("what was said"))
    person_name = models.CharField(_("full name of the person"), max_length=200, blank=True)
    person_contact = models.CharField(_("contact (with consent)"), max_length=200, blank=True)
    contact_consent = models.BooleanField(_("the person consents to be contacted"), default=False)
    answered_in_full = models.BooleanField(_("answered in full at the meeting"), default=False)
    answer = models.TextField(_("answer given"), blank=True)
    competence = models.CharField(_("competence"), max_length=10, choices=Competence.choices, default=Competence.POLICE)
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices, default=Subject.POLICE)
    target_agency = models.ForeignKey(
        "police.StateAgency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reporter = models.ForeignKey(
        "meetings.MeetingReporter", null=True, blank=True, on_delete=models.PROTECT, related_name="protocol_items"
    )
    # Personal data enter the seal only as sha256(salt + value); retention clears the value and the salt,
    # so the seal stays valid and nothing left can be linked back to the person.
    pd_salt = models.CharField(max_length=32, default=new_salt, editable=False, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "protocol__meeting__body"

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("complaint, proposal or remark")
        verbose_name_plural = _("complaints, proposals and remarks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ControlStatus(models.TextChoices):
    OPEN = "open", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("executed")


class Decision(models.Model):
    """A decision taken at the report, with who answers for it and by when; its execution is controlled
    (Order 608 p.19; Order 652 p.33). Text, responsible and due date are sealed with the minutes; the
    control fields change as the work goes on."""

    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="decisions")
    addendum = models.ForeignKey(Addendum, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions")
    version = models.ForeignKey(
        ProtocolVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    text = models.TextField(_("decision"))
    responsible = models.CharField(_("responsible"), max_length=300)
    due_date = models.DateField(_("due by"))
    reporter = models.ForeignKey(
        "meetings.MeetingReporter", null=True, blank=True, on_delete=models.PROTECT, related_name="protocol_decisions"
    )
    control_status = models.CharField(
        _("execution"), max_length=20, choices=ControlStatus.choices, default=ControlStatus.OPEN
    )
    progress = models.TextField(_("progress"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="protocols/evidence/%Y/%m/", blank=True)
    executed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "protocol__meeting__body"

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class ReminderKind(models.TextChoices):
    FIRST = "first", _("minutes not signed on the day")
    SECOND = "second", _("minutes still not signed")


class MinutesReminder(models.Model):
    """One row per (meeting, kind): the unique key is what makes ``esep protocols remind`` send each
    reminder once, however often and on however many servers it runs."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="minutes_reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField()
    recipients = models.JSONField(default=list)

    scope_body_field = "meeting__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "kind"], name="minutes_reminder_once")]
        verbose_name = _("minutes reminder")
        verbose_name_plural = _("minutes reminders")

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.kind}"


class ChainHead(models.Model):
    """The published head of one police body's chain of sealed minutes for one day (Asia/Almaty).

    head = sha256(previous head + day + every version of the body's minutes sealed that day), so each head
    commits to everything the body sealed up to that day; ``mac`` is the HMAC of the head under the seal key.
    Heads are shown on a public page, in an Atom feed and in the printed minutes: copies outside the database
    that ``esep protocols verify`` checks the live chain against (issue: a database writer alone cannot rewrite,
    delete or un-sign sealed minutes unseen)."""

    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="chain_heads")
    day = models.DateField()
    prev_head = models.CharField(max_length=64)
    head = models.CharField(max_length=64)
    versions = models.PositiveIntegerField()
    mac = models.CharField(max_length=64)
    key_id = models.CharField(max_length=16)
    published_at = models.DateTimeField()

    scope_body_field = "body"

    class Meta:
        ordering = ["-day", "body_id"]
        constraints = [models.UniqueConstraint(fields=["body", "day"], name="chain_head_once_per_body_day")]
        verbose_name = _("published chain head")
        verbose_name_plural = _("published chain heads")

    def __str__(self) -> str:
        return f"{self.body_id} {self.day} {self.head[:12]}"
