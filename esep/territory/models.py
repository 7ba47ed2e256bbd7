"""Kazakhstan's territory as the official KATO classifier describes it.

Codes are kept as 9-character text (leading zeros matter). The hierarchy follows the code groups
AB (oblast) CD (district) EF (rural district) HIJ (settlement): a parent is found by zeroing groups
from the right until an existing code is met.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core.i18n import LocalizedNameMixin, localized
from esep.territory.kato import kato_bounds
from esep.territory.names import full_name


class Level(models.TextChoices):
    OBLAST = "oblast", _("region")
    DISTRICT = "district", _("district")
    SUB_DISTRICT = "sub_district", _("rural or city district")
    SETTLEMENT = "settlement", _("settlement")


class TerritoryQuerySet(models.QuerySet):
    def within(self, ancestor: Territory) -> TerritoryQuerySet:
        """The ancestor and everything under it (KATO code prefix)."""
        return self.filter(kato__range=kato_bounds(ancestor.prefix))


class Territory(LocalizedNameMixin):
    kato = models.CharField(_("KATO code"), max_length=9, unique=True)
    kato_version = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    level = models.CharField(max_length=20, choices=Level.choices, db_index=True)
    type_code = models.PositiveSmallIntegerField(default=0)
    # The significant part of the code: every descendant's code starts with it.
    prefix = models.CharField(max_length=9, db_index=True)
    # Normalised search key over all names (lower case, Latin transliteration), for typo-tolerant search.
    search_key = models.CharField(max_length=600, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        ordering = ["kato"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    @property
    def name(self) -> str:
        """The name in the active language with the registry's abbreviations written out
        (esep.territory.names); ``name_kk``/``name_ru`` keep the registry's spelling."""
        return full_name(localized(self, "name"), self.name_ru)

    def ancestors(self) -> list[Territory]:
        chain: list[Territory] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def oblast_code(self) -> str:
        return self.kato[:2] + "0000000"


class Boundary(models.Model):
    """A region's or district's polygon (geokz 2024, CC BY 4.0) with its bounding box for fast lookup."""

    territory = models.OneToOneField(Territory, on_delete=models.CASCADE, related_name="boundary")
    name_en = models.CharField(max_length=200, blank=True)
    admin_level = models.PositiveSmallIntegerField()
    geometry = models.JSONField()
    min_lat = models.FloatField(db_index=True)
    max_lat = models.FloatField(db_index=True)
    min_lon = models.FloatField(db_index=True)
    max_lon = models.FloatField(db_index=True)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")

    def __str__(self) -> str:
        return f"{self.territory.kato} {self.name_en}"


class Place(models.Model):
    """A populated place from OpenStreetMap (ODbL): coordinates, names and the district it lies in."""

    osm_id = models.BigIntegerField(unique=True)
    place_type = models.CharField(max_length=40)
    name = models.CharField(max_length=300, blank=True)
    name_kk = models.CharField(max_length=300, blank=True)
    name_ru = models.CharField(max_length=300, blank=True)
    name_en = models.CharField(max_length=300, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    district = models.ForeignKey(Territory, null=True, on_delete=models.SET_NULL, related_name="places")
    settlement = models.ForeignKey(
        Territory, null=True, blank=True, on_delete=models.SET_NULL, related_name="osm_places"
    )

    class Meta:
        verbose_name = _("populated place (OpenStreetMap)")
        verbose_name_plural = _("populated places (OpenStreetMap)")

    def __str__(self) -> str:
        return self.name_kk or self.name_ru or self.name or str(self.osm_id)


class DataSource(models.Model):
    """What was imported from where, under which licence: shown wherever the data appears."""

    key = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=300)
    licence = models.CharField(max_length=100)
    attribution = models.TextField()
    url = models.URLField(blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")

    def __str__(self) -> str:
        return self.title
