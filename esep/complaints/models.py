"""The register of complaints about an officer's act or inaction (АППК art. 99).

Each complaint is an appeal of kind "complaint" (esep.appeals: registration, the 20-working-day term without
extension, notices, answer), plus what the register needs: the officers and the unit it concerns, where it
came from, and the outcome recorded by the body's leadership — confirmed, partly confirmed or not confirmed,
the measures taken and the number and date of the document. The analytical review in the seeds names the gap
this closes: no single database of complaints about officers, and confirmed complaints not used to evaluate
units and officers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class ComplaintSource(models.TextChoices):
    MINUTES = "minutes", _("minutes of a report")
    QUESTION = "question", _("question of a resident")
    LETTER = "letter", _("letter")
    STAFF = "staff", _("entered by staff")
    NATIONAL = "national", _("national appeals system")


class Outcome(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    PARTLY = "partly", _("partly confirmed")
    NOT_CONFIRMED = "not_confirmed", _("not confirmed")


CONFIRMED_OUTCOMES = frozenset({Outcome.CONFIRMED, Outcome.PARTLY})


class Measure(models.TextChoices):
    DISCIPLINARY = "disciplinary", _("disciplinary measures")
    TRAINING = "training", _("training")
    NONE = "none", _("no measures")


class OfficerComplaint(models.Model):
    """One complaint about one or more officers, with its unit and outcome."""

    appeal = models.OneToOneField("appeals.Appeal", on_delete=models.PROTECT, related_name="officer_complaint")
    # Copied from the appeal so the register and its analytics group without a join.
    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="officer_complaints")
    precinct = models.ForeignKey(
        "police.Precinct", null=True, blank=True, on_delete=models.PROTECT, related_name="officer_complaints"
    )
    point = models.ForeignKey(
        "police.PolicePoint", null=True, blank=True, on_delete=models.PROTECT, related_name="officer_complaints"
    )
    officers = models.ManyToManyField("police.Officer", related_name="complaints", verbose_name=_("officers"))
    source = models.CharField(_("source"), max_length=10, choices=ComplaintSource.choices)
    # The id the national appeals system (or any other feeder) gives the complaint: imports are idempotent on it.
    external_id = models.CharField(_("external id"), max_length=80, null=True, blank=True, unique=True)
    received_on = models.DateField(_("received"), db_index=True)

    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, blank=True, db_index=True)
    measures = models.CharField(_("measures taken"), max_length=15, choices=Measure.choices, blank=True)
    decision_number = models.CharField(_("document number"), max_length=60, blank=True)
    decision_date = models.DateField(_("document date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_name = models.CharField(_("decided by"), max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "body"
    scope_conflict_field = "officers"

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["body", "received_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | (~Q(measures="") & ~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="complaint_outcome_complete",
            )
        ]
        verbose_name = _("complaint about an officer")
        verbose_name_plural = _("complaints about officers")

    def __str__(self) -> str:
        return str(self.appeal)

    @property
    def is_decided(self) -> bool:
        return bool(self.outcome)
