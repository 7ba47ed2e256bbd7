"""What a report says: one workspace per meeting with a block per section the law requires (Order 608 p.6;
Order 652 p.30; Decree 723 pp.22, 27), prefilled from Esep's own data and statistics, edited by staff and
published on the meeting's public page. And where the announcement and the report appeared in the media
(Order 608 p.8.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class Report(models.Model):
    scope_body_field = "meeting__body"

    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.PROTECT, related_name="report")
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"report of meeting {self.meeting_id}"

    @property
    def published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class Block(models.Model):
    """One section of the report: the text people read (Kazakh and Russian), the figures it was prefilled
    with (``data``, kept as they were when prefilled so the published report does not shift later) and the
    sources used (Order 608 p.10; Order 652 p.29)."""

    scope_body_field = "report__meeting__body"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="blocks")
    section = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField()
    text_kk = models.TextField(_("text in Kazakh"), blank=True)
    text_ru = models.TextField(_("text in Russian"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    sources = models.JSONField(default=list, blank=True)
    prefilled_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["report", "section"], name="reports_block_once")]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.section}"

    @property
    def complete(self) -> bool:
        return bool(self.text_kk.strip() and self.text_ru.strip())

    def text(self, lang: str) -> str:
        return (self.text_ru if lang == "ru" else self.text_kk) or self.text_kk or self.text_ru


class PublicationSubject(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("the announcement")
    REPORT = "report", _("the report")


class MediaPublication(models.Model):
    """A publication in the media of the announcement or of the report (Order 608 p.8.2; Order 652 p.27)."""

    scope_body_field = "meeting__body"

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="media_publications")
    subject = models.CharField(_("what was published"), max_length=15, choices=PublicationSubject.choices)
    outlet = models.CharField(_("media outlet"), max_length=200)
    published_on = models.DateField(_("published on"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    scan = models.FileField(_("scan"), upload_to="reports/media/%Y/%m/", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["published_on", "pk"]

    def __str__(self) -> str:
        return f"{self.outlet} {self.published_on}"
