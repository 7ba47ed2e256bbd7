"""Users and the roles they hold. A role is held in a police body (its subtree is the scope) or, for
outside roles, on a territory (the bodies on that territory are the scope)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Esep's user. Only what staff work needs: name, login, email. Residents need no account."""

    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    preferred_language = models.CharField(max_length=2, default="kk")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p).strip()


class Role(models.TextChoices):
    STAFF_UNIT = "staff_unit", _("staff unit")
    CHIEF = "chief", _("chief")
    INSPECTOR = "inspector", _("district inspector")
    SECRETARY = "secretary", _("secretary")
    AKIMAT = "akimat", _("akimat")
    MASLIKHAT = "maslikhat", _("maslikhat deputy")
    PUBLIC_COUNCIL = "public_council", _("public council")
    OVERSIGHT = "oversight", _("oversight (read only)")
    ADMIN = "admin", _("system administrator")


POLICE_ROLES = frozenset({Role.STAFF_UNIT, Role.CHIEF, Role.INSPECTOR, Role.SECRETARY})
OUTSIDE_ROLES = frozenset({Role.AKIMAT, Role.MASLIKHAT, Role.PUBLIC_COUNCIL, Role.OVERSIGHT})


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    body = models.ForeignKey(
        "police.PoliceBody", null=True, blank=True, on_delete=models.CASCADE, related_name="role_assignments"
    )
    territory = models.ForeignKey(
        "territory.Territory",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        help_text=_("For outside roles: the territory they see. Empty for the whole country."),
    )
    officer = models.ForeignKey(
        "police.Officer", null=True, blank=True, on_delete=models.SET_NULL, related_name="role_assignments"
    )
    agency = models.ForeignKey(
        "police.StateAgency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
        help_text=_("For outside roles: the state body this user answers for (an akimat department)."),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=sorted(r.value for r in POLICE_ROLES)) | models.Q(body__isnull=False),
                name="police_role_needs_body",
            )
        ]

    def __str__(self) -> str:
        where = self.body or self.territory or _("Kazakhstan")
        return f"{self.get_role_display()} · {where}"
