"""Complaints, proposals and remarks from reports to the population, followed to their end.

Orders 608 pp.16-17 and 652 p.32: whatever was not answered in full at the meeting is checked under the
АППК, and whatever is outside police competence goes to the competent body with the person notified.
The АППК clock (registration, term, extension, redirect) is computed by esep.law when it starts and stored
here with the rule and its citation, so a later change of the law does not rewrite old cases.

Crime reports made at a meeting are not АППК appeals (АППК art. 3 p.4): they are kept here as a separate
kind, registered in the crime register and never put on the АППК clock. Complaints against an act or
inaction of the police (АППК art. 99) are a kind of their own: 20 working days from registration, no
extension.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esep.core import clock
from esep.police.models import Competence, Subject


class AppealKind(models.TextChoices):
    APPEAL = "appeal", _("appeal under the APPK")
    CRIME_REPORT = "crime_report", _("report of a crime or offence")
    COMPLAINT = "complaint", _("complaint against an act or inaction")


# Kinds considered under the АППК, with a clock: an appeal (art. 76) and a complaint (art. 99).
CLOCKED_KINDS = frozenset({AppealKind.APPEAL, AppealKind.COMPLAINT})


class AppealSource(models.TextChoices):
    PROTOCOL = "protocol", _("minutes of a report")
    QUESTION = "question", _("question of a resident")
    STAFF = "staff", _("entered by staff")


class AppealStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    IN_PROGRESS = "in_progress", _("being considered")
    EXTENDED = "extended", _("term extended")
    FORWARDED = "forwarded", _("sent to the competent body")
    ANSWERED = "answered", _("answered")
    ENDED_WITHOUT_ANSWER = "ended_without_answer", _("ended without an answer")
    CRIME_REGISTERED = "crime_registered", _("registered as a crime report")
    CLOSED = "closed", _("closed")


OPEN_STATUSES = frozenset(
    {AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.EXTENDED, AppealStatus.FORWARDED}
)
FINISHED_STATUSES = frozenset(
    {AppealStatus.ANSWERED, AppealStatus.ENDED_WITHOUT_ANSWER, AppealStatus.CRIME_REGISTERED, AppealStatus.CLOSED}
)


def new_code() -> str:
    """The code a person follows their appeal with: 12 characters, no look-alike letters."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Appeal(models.Model):
    """One complaint, proposal or remark (or crime report) from a resident, with its clock and its end."""

    kind = models.CharField(_("kind"), max_length=15, choices=AppealKind.choices, default=AppealKind.APPEAL)
    source = models.CharField(_("source"), max_length=10, choices=AppealSource.choices)
    # What it came from: "protocols.protocolitem:12", "questions.question:7"; unique, so that the same
    # item turned into an appeal twice (a double submit, two servers) yields one appeal.
    source_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    precinct = models.ForeignKey(
        "police.Precinct", null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="appeals")
    territory = models.ForeignKey(
        "territory.Territory", null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices, default=Subject.POLICE)
    competence = models.CharField(_("competence"), max_length=10, choices=Competence.choices, default="police")
    text = models.TextField(_("text"))
    language = models.CharField(_("language of the appeal"), max_length=2, default="kk")

    # The applicant. Contact only with consent (Law on personal data art. 7); no name: anonymous (АППК art. 88).
    applicant_name = models.CharField(_("applicant"), max_length=200, blank=True)
    applicant_contact = models.CharField(_("contact"), max_length=200, blank=True)
    contact_consent = models.BooleanField(_("consent to be contacted"), default=False)
    # Law on personal data arts. 8, 12, 18: the contact is deleted when the person withdraws consent; name
    # and contact are destroyed when the retention term has passed. ``contact_consent`` keeps saying what
    # was agreed at registration (statistics and compliance read it).
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    applicant_erased_at = models.DateTimeField(null=True, blank=True)

    # Registration and ticket (АППК art. 64 pp.2-3).
    number = models.CharField(_("registration number"), max_length=30, unique=True, null=True, blank=True)
    code = models.CharField(max_length=32, unique=True, default=new_code, editable=False)
    received_at = models.DateTimeField(_("received"))
    received_by_name = models.CharField(_("received by"), max_length=200, blank=True)
    registered_on = models.DateField(_("registered"), null=True, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)

    # The clock, stored when it starts (rule, value and citation as in force then).
    due_on = models.DateField(_("due"), null=True, blank=True, db_index=True)
    due_basis = models.JSONField(default=dict, blank=True)
    redirect_due_on = models.DateField(_("send to the competent body by"), null=True, blank=True)
    redirect_basis = models.JSONField(default=dict, blank=True)

    status = models.CharField(
        _("status"), max_length=25, choices=AppealStatus.choices, default=AppealStatus.REGISTERED, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="appeals"
    )
    assignee_name = models.CharField(_("responsible"), max_length=200, blank=True)

    # Extension (АППК art. 76 p.3).
    extended_until = models.DateField(_("extended until"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for extension"), blank=True)
    extension_decided_by = models.CharField(max_length=200, blank=True)
    extension_decided_on = models.DateField(null=True, blank=True)
    extension_basis = models.JSONField(default=dict, blank=True)

    # The answer (АППК arts. 77, 89).
    answer_text = models.TextField(_("answer"), blank=True)
    answer_measures = models.TextField(_("measures taken"), blank=True)
    answer_language = models.CharField(_("language of the answer"), max_length=2, blank=True)
    answer_appeal_rights = models.TextField(_("right to appeal"), blank=True)
    answered_on = models.DateField(_("answered"), null=True, blank=True)
    answered_by_name = models.CharField(max_length=300, blank=True)
    answered_by_agency = models.BooleanField(default=False)
    ended_reason = models.TextField(_("why the procedure ended"), blank=True)
    crime_register_number = models.CharField(_("crime register number"), max_length=60, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True, db_index=True)

    # Flags frozen when they happen, so statistics never shift later (FixMyStreet).
    overdue_since = models.DateField(_("overdue since"), null=True, blank=True)
    answered_late = models.BooleanField(null=True, blank=True)
    forwarded_late = models.BooleanField(null=True, blank=True)

    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    scope_body_field = "body"
    # A complaint about an officer (esep.complaints) is hidden from the officers it names (see
    # esep.accounts.permissions.exclude_own_cases).
    scope_conflict_field = "officer_complaint__officers"

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["body", "status"]),
            # The sweep's working set: appeals not yet marked overdue. Those already marked (and reminded in the
            # same transaction) drop out of this index, so a sweep with nothing to do costs what is live, not the
            # whole backlog of overdue appeals.
            models.Index(fields=["status", "due_on"], condition=Q(overdue_since__isnull=True), name="appeal_live_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_consent=True) | Q(applicant_contact=""), name="appeal_contact_needs_consent"
            )
        ]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"

    @property
    def effective_due_on(self):
        """The date the answer is owed: the extension when granted, else the term."""
        return self.extended_until or self.due_on

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_anonymous(self) -> bool:
        """No name was given (АППК art. 88). A name destroyed by retention does not make it anonymous."""
        return not self.applicant_name.strip() and self.applicant_erased_at is None

    @property
    def has_clock(self) -> bool:
        return self.kind in CLOCKED_KINDS

    @property
    def current_forward(self):
        forwards = [f for f in self.forwards.all() if not f.withdrawn]
        return forwards[-1] if forwards else None


class AppealForward(models.Model):
    """The appeal sent to another state body (АППК art. 65; Order 608 p.17), and that body's answer,
    recorded through an unguessable link by someone without an account."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="forwards")
    agency = models.ForeignKey("police.StateAgency", on_delete=models.PROTECT, related_name="appeal_forwards")
    agency_name = models.CharField(max_length=300)
    agency_email = models.EmailField(blank=True)
    routed_automatically = models.BooleanField(default=True)
    forwarded_at = models.DateTimeField()
    forwarded_on = models.DateField()
    forwarded_by_name = models.CharField(max_length=200, blank=True)
    # The other body's own term, from the day after it received the appeal (АППК art. 76 p.2).
    agency_due_on = models.DateField(null=True, blank=True)
    agency_due_basis = models.JSONField(default=dict, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reply_text = models.TextField(blank=True)
    reply_measures = models.TextField(blank=True)
    reply_number = models.CharField(max_length=60, blank=True)
    replied_by_name = models.CharField(max_length=200, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_late = models.BooleanField(null=True, blank=True)
    withdrawn = models.BooleanField(default=False)
    # When the sweep reminded staff that the competent body's term passed without an answer (once).
    late_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    scope_body_field = "appeal__body"

    class Meta:
        ordering = ["forwarded_at", "id"]
        indexes = [
            # Forwards the sweep still has to chase: unanswered and not yet reminded as late.
            models.Index(
                fields=["agency_due_on", "appeal"],
                condition=Q(replied_at__isnull=True, withdrawn=False, late_reminded_at__isnull=True),
                name="forward_to_chase",
            )
        ]
        verbose_name = _("forwarding")
        verbose_name_plural = _("forwardings")

    def __str__(self) -> str:
        return f"{self.appeal} → {self.agency_name}"


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("registered")
    TAKEN = "taken", _("taken into work")
    EXTENDED = "extended", _("term extended")
    FORWARDED = "forwarded", _("sent to the competent body")
    AGENCY_REPLIED = "agency_replied", _("the competent body answered")
    ANSWERED = "answered", _("answer given")
    ENDED = "ended", _("ended without an answer")
    CRIME_REGISTERED = "crime_registered", _("registered as a crime report")
    CLOSED = "closed", _("closed")
    NOTICE = "notice", _("person notified")
    NOTICE_IMPOSSIBLE = "notice_impossible", _("no contact to notify the person")
    REMINDER = "reminder", _("reminder to staff")
    DEADLINE_MISSED = "deadline_missed", _("term passed without an answer")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("consent withdrawn: contact deleted")
    DATA_ERASED = "data_erased", _("name and contact destroyed after the retention term")


# Events the person sees on their status page (others are internal).
PUBLIC_EVENTS = frozenset(
    {
        EventKind.REGISTERED,
        EventKind.TAKEN,
        EventKind.EXTENDED,
        EventKind.FORWARDED,
        EventKind.AGENCY_REPLIED,
        EventKind.ANSWERED,
        EventKind.ENDED,
        EventKind.CRIME_REGISTERED,
        EventKind.CLOSED,
        EventKind.NOTICE,
        EventKind.DEADLINE_MISSED,
        EventKind.CONSENT_WITHDRAWN,
        EventKind.DATA_ERASED,
    }
)


class AppealEvent(models.Model):
    """The timeline: every transition, notice, forward, reply and reminder, with the actor's name copied."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    status_from = models.CharField(max_length=25, blank=True)
    status_to = models.CharField(max_length=25, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_name = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Was the appeal past its term when this happened? Frozen here, never recomputed.
    overdue = models.BooleanField(default=False)

    scope_body_field = "appeal__body"

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("appeal event")
        verbose_name_plural = _("appeal events")

    def __str__(self) -> str:
        return f"{self.appeal} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_EVENTS


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("term ends soon")
    OVERDUE = "overdue", _("term passed")
    FORWARD_DUE = "forward_due", _("not yet sent to the competent body")
    AGENCY_OVERDUE = "agency_overdue", _("the competent body has not answered")


class Reminder(models.Model):
    """At most one reminder of a kind for a date: the unique row is what makes the sweep idempotent,
    even when it runs twice or on two servers at once."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    for_date = models.DateField()
    created_at = models.DateTimeField(default=clock.now, editable=False)
    recipients = models.JSONField(default=list, blank=True)

    scope_body_field = "appeal__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["appeal", "kind", "for_date"], name="reminder_once")]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.appeal} {self.kind} {self.for_date}"
