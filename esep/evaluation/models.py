"""The criteria of the evaluation, as data: which indicators count, with what weight and from what sample.

The public council of a region sets them (the 2016 parliamentary committee speech asks that public councils
set evaluation criteria suited to their region and that residents' ratings of their inspector be taken into
account; the PRI review asks that confirmed complaints be used to evaluate officers and units — both are
policy texts, not law). A set of criteria belongs to the region's police body (the body on the oblast's
territory, at the top of the region's tree) and is never edited: a change is a new version with who set it
and when, so every version stays readable and every past evaluation can be recomputed with the criteria of
its time. A region without criteria is evaluated with the national default (``esep.evaluation.indicators``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class Indicator(models.TextChoices):
    """The measurable indicators a council may weigh (formulas in docs/evaluation.md)."""

    RATING = "rating", _("residents' rating of reports")
    FIXED = "fixed", _('problems reported solved ("was it fixed?")')
    NO_COMPLAINT = "no_complaint", _("officers without a confirmed complaint")
    REPORTS_ON_TIME = "reports_on_time", _("reports held on time with signed minutes")
    APPEALS_ON_TIME = "appeals_on_time", _("appeals answered within the term")


class CriteriaSet(models.Model):
    """One version of a region's criteria. Versions are numbered 1, 2, … per region and never change."""

    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="criteria_sets")
    version = models.PositiveIntegerField(_("version"))
    valid_from = models.DateField(_("in force from"))
    note = models.TextField(_("decision of the council"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_by_name = models.CharField(_("set by"), max_length=300, blank=True)
    set_at = models.DateTimeField(_("set at"), default=clock.now, editable=False)

    scope_body_field = "body"

    class Meta:
        ordering = ["body_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["body", "version"], name="criteria_version_once_per_body")]
        verbose_name = _("evaluation criteria")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self) -> str:
        return f"{self.body_id} v{self.version}"


class Criterion(models.Model):
    """One indicator of a version: its weight and the smallest sample on which it may be compared."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    indicator = models.CharField(_("indicator"), max_length=20, choices=Indicator.choices)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)])
    min_sample = models.PositiveIntegerField(_("minimum sample"), validators=[MinValueValidator(1)])

    scope_body_field = "criteria_set__body"

    class Meta:
        ordering = ["criteria_set_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "indicator"], name="criterion_once_per_set"),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="criterion_weight_not_negative"),
            models.CheckConstraint(condition=models.Q(min_sample__gte=1), name="criterion_min_sample_positive"),
        ]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.indicator} × {self.weight}"
