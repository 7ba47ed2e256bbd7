"""Announcements of reports (Order 608 p.8.2; Order 652 p.27): when a meeting was published, the channels
it went out through with their proof, the texts for media, and the reason if it went out late."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class Channel(models.TextChoices):
    # Order 652 p.27: mass media, social network platforms, administrations of enterprises, institutions and
    # organisations; the parliamentary speech adds building entrances; Esep's own site is the first channel.
    WEBSITE = "website", _("Esep website")
    REGIONAL_MEDIA = "regional_media", _("regional newspapers and news sites")
    TV_RADIO = "tv_radio", _("television and radio")
    SOCIAL_NETWORKS = "social_networks", _("social networks")
    ENTERPRISES = "enterprises", _("administrations of enterprises, institutions and organisations")
    ENTRANCE_POSTERS = "entrance_posters", _("posters in building entrances")


class Announcement(models.Model):
    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.PROTECT, related_name="announcement")
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The rule as it stood when checked, so a later change in the law does not rewrite this record.
    notice_days_required = models.PositiveSmallIntegerField()
    notice_rule_citation = models.CharField(max_length=300, blank=True)
    days_before = models.IntegerField()
    late_reason = models.TextField(_("reason for publishing late"), blank=True)
    text_kk = models.TextField(_("announcement text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("announcement text (Russian)"), blank=True)

    scope_body_field = "meeting__body"

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.published_at:%Y-%m-%d}"

    @property
    def is_late(self) -> bool:
        return self.days_before < self.notice_days_required


class ChannelRecord(models.Model):
    """One channel the announcement went out through, on which day, and the proof (a link or a scan)."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    date = models.DateField(_("date"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    scan = models.FileField(_("scan or photo"), upload_to="announcements/%Y/", blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(default=clock.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_body_field = "announcement__meeting__body"

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("announcement channel")
        verbose_name_plural = _("announcement channels")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.date}"
