"""The working-day calendar that staff can edit: transfers of days off set each year by the government, and the
lunar date of Kurban Ait, which the `holidays` package only estimates after 2025 (Law on holidays art. 5;
Labour Code arts. 84-85). Rows here override the package and the built-in list of fixed holidays.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core.i18n import localized


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("public holiday (day off)")
    TRANSFER_OFF = "transfer_off", _("day off by transfer")
    TRANSFER_WORK = "transfer_work", _("working day by transfer")


class CalendarDay(models.Model):
    """One day whose status differs from the default: a holiday, a day off moved onto a weekday, or a weekend
    day made a working day. Writes go through ``esep.law.services.calendar_day_save`` so that every process
    drops its cached calendar."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CalendarDayKind.choices)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    source = models.CharField(
        _("source"), max_length=500, help_text=_("The act that sets this day, with its number and date.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def is_day_off(self) -> bool:
        return self.kind != CalendarDayKind.TRANSFER_WORK
