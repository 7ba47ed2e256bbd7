"""Reports to the population: a chief's yearly report (Order 608) or a district inspector's quarterly
report at a gathering of the local community (Order 1095 ch.3, added by Order 652).

This module holds the meeting itself and who reports at it. Preparation (invitations, registration,
video, awards) lives beside it; announcements, minutes and appeals live in their own apps.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core.i18n import localized


class MeetingKind(models.TextChoices):
    CHIEF = "chief", _("chief's report")
    INSPECTOR = "inspector", _("district inspector's report")


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_body_field = "body"

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
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
