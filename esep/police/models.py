"""The police registry: bodies, district police points, precincts, officers and their assignments,
and the other state bodies that receive what is outside police competence (Order 608 p.17; Order 652 p.32).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esep.core.i18n import LocalizedNameMixin, localized
from esep.territory.models import Territory


class BodyLevel(models.TextChoices):
    # Order 608 p.2: the territorial police bodies whose chiefs report.
    REGION_DP = "region_dp", _("police department of a region")
    CITY_RS_DP = "city_rs_dp", _("police department of a city of republican significance")
    CAPITAL_DP = "capital_dp", _("police department of the capital")
    CITY = "city", _("city police department")
    DISTRICT = "district", _("district police department")
    DISTRICT_IN_CITY = "district_in_city", _("district-in-city police department")


class PoliceBody(LocalizedNameMixin):
    """A territorial police body. ``path`` is a materialised path of ids ("/3/41/") so that a body's
    subtree is one indexed prefix filter; the permission scope uses it."""

    level = models.CharField(max_length=20, choices=BodyLevel.choices)
    territory = models.ForeignKey(Territory, on_delete=models.PROTECT, related_name="police_bodies")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    path = models.CharField(max_length=200, db_index=True, editable=False, default="")
    address_kk = models.CharField(max_length=300, blank=True)
    address_ru = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("police body")
        verbose_name_plural = _("police bodies")

    @property
    def address(self) -> str:
        return localized(self, "address")

    def compute_path(self) -> str:
        return f"{self.parent.path if self.parent_id else '/'}{self.pk}/"


class PolicePoint(LocalizedNameMixin):
    """A district police point (УПП / УПП): where residents meet their inspector."""

    body = models.ForeignKey(PoliceBody, on_delete=models.PROTECT, related_name="points")
    address_kk = models.CharField(max_length=300)
    address_ru = models.CharField(max_length=300)
    reception_hours_kk = models.CharField(max_length=300, blank=True)
    reception_hours_ru = models.CharField(max_length=300, blank=True)
    reception_hours_en = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Order 652 p.33: control of execution of an inspector's report minutes belongs to the inspector
    # responsible for organising the work of the district police point.
    responsible_officer = models.ForeignKey(
        "Officer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for_points",
        verbose_name=_("inspector responsible for the point"),
    )

    class Meta:
        verbose_name = _("district police point")
        verbose_name_plural = _("district police points")

    @property
    def address(self) -> str:
        return localized(self, "address")

    @property
    def reception_hours(self) -> str:
        return localized(self, "reception_hours")


class Precinct(LocalizedNameMixin):
    """An administrative precinct served by one district inspector (Order 652 p.25)."""

    body = models.ForeignKey(PoliceBody, on_delete=models.PROTECT, related_name="precincts")
    number = models.CharField(_("number"), max_length=20)
    point = models.ForeignKey(PolicePoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="precincts")
    settlements = models.ManyToManyField(Territory, blank=True, related_name="precincts")
    description_kk = models.TextField(blank=True)
    description_ru = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    # The precinct's area as a GeoJSON Polygon or MultiPolygon (lon, lat; WGS 84) where it is known, with its
    # bounding box for a fast first filter; a location inside it opens the precinct (docs/public.md).
    area = models.JSONField(null=True, blank=True)
    area_min_lat = models.FloatField(null=True, blank=True)
    area_max_lat = models.FloatField(null=True, blank=True)
    area_min_lon = models.FloatField(null=True, blank=True)
    area_max_lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["body_id", "number"]
        indexes = [models.Index(fields=["area_min_lat", "area_max_lat"], name="precinct_area_lat")]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="precinct_number_unique_in_body")]
        verbose_name = _("administrative precinct")
        verbose_name_plural = _("administrative precincts")

    @property
    def description(self) -> str:
        return localized(self, "description")


class StreetRange(models.Model):
    """In a city, a precinct covers streets and house ranges rather than whole settlements."""

    class Parity(models.TextChoices):
        ALL = "all", _("all houses")
        ODD = "odd", _("odd numbers")
        EVEN = "even", _("even numbers")

    precinct = models.ForeignKey(Precinct, on_delete=models.CASCADE, related_name="street_ranges")
    settlement = models.ForeignKey(Territory, on_delete=models.PROTECT, related_name="street_ranges")
    street_kk = models.CharField(max_length=200)
    street_ru = models.CharField(max_length=200)
    house_from = models.PositiveIntegerField(null=True, blank=True)
    house_to = models.PositiveIntegerField(null=True, blank=True)
    parity = models.CharField(max_length=4, choices=Parity.choices, default=Parity.ALL)

    class Meta:
        verbose_name = _("street range")
        verbose_name_plural = _("street ranges")

    def __str__(self) -> str:
        span = ""
        if self.house_from or self.house_to:
            span = f" {self.house_from or ''}–{self.house_to or ''}"
        return f"{localized(self, 'street')}{span}"

    @property
    def street(self) -> str:
        return localized(self, "street")

    def covers(self, house: int) -> bool:
        if self.house_from is not None and house < self.house_from:
            return False
        if self.house_to is not None and house > self.house_to:
            return False
        if self.parity == self.Parity.ODD:
            return house % 2 == 1
        if self.parity == self.Parity.EVEN:
            return house % 2 == 0
        return True


class Rank(models.TextChoices):
    LIEUTENANT_JR = "lt_jr", _("junior lieutenant of police")
    LIEUTENANT = "lt", _("lieutenant of police")
    LIEUTENANT_SR = "lt_sr", _("senior lieutenant of police")
    CAPTAIN = "captain", _("captain of police")
    MAJOR = "major", _("major of police")
    LT_COLONEL = "lt_colonel", _("lieutenant colonel of police")
    COLONEL = "colonel", _("colonel of police")
    GENERAL_MAJOR = "general_major", _("major general of police")


class Position(models.TextChoices):
    INSPECTOR = "inspector", _("district police inspector")
    SENIOR_INSPECTOR = "senior_inspector", _("senior district police inspector")
    POINT_HEAD = "point_head", _("head of district police point")
    CHIEF = "chief", _("chief of police body")
    DEPUTY_CHIEF = "deputy_chief", _("deputy chief of police body")
    STAFF_OFFICER = "staff_officer", _("staff unit officer")


class Officer(models.Model):
    body = models.ForeignKey(PoliceBody, on_delete=models.PROTECT, related_name="officers")
    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    rank = models.CharField(_("rank"), max_length=20, choices=Rank.choices)
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    photo = models.ImageField(_("photo"), upload_to="officers/", blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)


class AssignmentQuerySet(models.QuerySet):
    def on(self, day: dt.date) -> AssignmentQuerySet:
        return self.filter(Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))


class Assignment(models.Model):
    """An officer serving a precinct for a period. An acting assignment (leave, vacancy) takes precedence
    over the permanent one on the days it covers."""

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("permanent")
        ACTING = "acting", _("acting")

    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="assignments")
    precinct = models.ForeignKey(Precinct, on_delete=models.PROTECT, related_name="assignments")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERMANENT)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["precinct_id", "-start"]
        indexes = [models.Index(fields=["precinct", "start", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="assignment_end_after_start"
            )
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.officer} → {self.precinct} ({self.start}–{self.end or '…'})"


class Subject(models.TextChoices):
    """What a complaint is about, for routing to the competent body (FixMyStreet: area + category)."""

    POLICE = "police", _("public order and crime (police)")
    ROADS = "roads", _("roads and street lighting")
    HOUSING = "housing", _("housing and utilities")
    HEALTH = "health", _("health care")
    SOCIAL = "social", _("labour and social protection")
    EDUCATION = "education", _("education")
    AGRICULTURE = "agriculture", _("agriculture and stray animals")
    LAND = "land", _("land and construction")
    ENVIRONMENT = "environment", _("environment and sanitation")
    TRANSPORT = "transport", _("public transport")
    OTHER = "other", _("other")


class Competence(models.TextChoices):
    """Whose business a complaint is: the police's, or another state body's (Order 608 p.17; Order 652 p.32)."""

    POLICE = "police", _("police")
    OTHER = "other", _("another state body")


class StateAgency(LocalizedNameMixin):
    """Another state body (akimat department and others) competent for some subjects on a territory."""

    class Kind(models.TextChoices):
        AKIMAT = "akimat", _("akimat")
        AKIMAT_DEPARTMENT = "akimat_department", _("akimat department")
        MASLIKHAT = "maslikhat", _("maslikhat")
        PROSECUTOR = "prosecutor", _("prosecutor's office")
        OTHER = "other", _("other state body")

    kind = models.CharField(max_length=30, choices=Kind.choices)
    territory = models.ForeignKey(Territory, on_delete=models.PROTECT, related_name="agencies")
    subjects = models.JSONField(default=list, blank=True, help_text=_("Subjects this body is competent for."))
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address_kk = models.CharField(max_length=300, blank=True)
    address_ru = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("state body")
        verbose_name_plural = _("state bodies")


# How each registry model reaches its police body, for esep.accounts.permissions.restrict.
PoliceBody.scope_body_field = ""
PolicePoint.scope_body_field = "body"
Precinct.scope_body_field = "body"
StreetRange.scope_body_field = "precinct__body"
Officer.scope_body_field = "body"
Assignment.scope_body_field = "precinct__body"
