"""The schedules (графики) of reports that a territorial police body approves (Order 608 p.8.1; before
September 2023 the akimat approved them, Decree 723 p.7.1). The meetings themselves live in the meetings
app; a schedule lists them through ``ScheduleEntry``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class ScheduleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    APPROVED = "approved", _("approved")


class Schedule(models.Model):
    """A body's schedule of reports for a period: a year of chiefs' reports (held in Q1 of the next year)
    or a quarter of inspectors' reports."""

    body = models.ForeignKey("police.PoliceBody", on_delete=models.PROTECT, related_name="schedules")
    kind = models.CharField(
        _("kind"), max_length=10, choices=[("chief", _("chief's reports")), ("inspector", _("inspectors' reports"))]
    )
    period_year = models.PositiveSmallIntegerField(_("reporting year"))
    period_quarter = models.PositiveSmallIntegerField(_("reporting quarter"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ScheduleStatus.choices, default=ScheduleStatus.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    meetings = models.ManyToManyField("meetings.Meeting", through="ScheduleEntry", related_name="schedules")
    created_at = models.DateTimeField(default=clock.now, editable=False)

    scope_body_field = "body"

    class Meta:
        ordering = ["-period_year", "-period_quarter", "body__path"]
        constraints = [
            # One schedule per body and period; two partial constraints so that SQLite enforces it too
            # (a yearly chief's schedule has no quarter, and NULLs are distinct in a plain unique index).
            models.UniqueConstraint(
                fields=["body", "kind", "period_year", "period_quarter"],
                condition=Q(period_quarter__isnull=False),
                name="schedule_once_per_body_quarter",
            ),
            models.UniqueConstraint(
                fields=["body", "kind", "period_year"],
                condition=Q(period_quarter__isnull=True),
                name="schedule_once_per_body_year",
            ),
            models.CheckConstraint(
                condition=Q(kind="chief", period_quarter__isnull=True)
                | Q(kind="inspector", period_quarter__gte=1, period_quarter__lte=4),
                name="schedule_period_matches_kind",
            ),
        ]
        verbose_name = _("schedule of reports")
        verbose_name_plural = _("schedules of reports")

    def __str__(self) -> str:
        period = f"{self.period_year}" + (f" Q{self.period_quarter}" if self.period_quarter else "")
        return f"{self.body} · {self.get_kind_display()} · {period}"


class ScheduleEntry(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="entries")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="schedule_entries")

    scope_body_field = "schedule__body"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["schedule", "meeting"], name="schedule_entry_once")]
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")

    def __str__(self) -> str:
        return f"{self.schedule} · {self.meeting_id}"


class PeriodAlert(models.Model):
    """One warning, before a period ends, to a body's staff unit and chief about precincts (or, for chiefs'
    reports, the body itself) with no report planned or none held yet. One row per body and period makes
    ``esep planning alert`` idempotent: the run that inserts the row is the one that sends."""

    body = models.ForeignKey("police.PoliceBody", on_delete=models.CASCADE, related_name="period_alerts")
    kind = models.CharField(max_length=10)
    period_year = models.PositiveSmallIntegerField()
    period_quarter = models.PositiveSmallIntegerField(default=0)  # 0 for the chiefs' year
    sent_at = models.DateTimeField()
    not_planned = models.JSONField(default=list)
    not_held = models.JSONField(default=list)
    recipients = models.JSONField(default=list)

    scope_body_field = "body"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "kind", "period_year", "period_quarter"], name="period_alert_once")
        ]
        verbose_name = _("warning before the end of a period")
        verbose_name_plural = _("warnings before the end of a period")

    def __str__(self) -> str:
        return f"{self.body_id} · {self.kind} · {self.period_year} Q{self.period_quarter}"
