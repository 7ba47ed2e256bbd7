"""Shared building blocks: the audit log every service writes to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esep.core import clock


class AuditEntry(models.Model):
    """One row per state change made through a service (STYLE: lock, guard, change, audit, notify).

    The actor's name is copied so the log still reads correctly after the account is gone.
    """

    created_at = models.DateTimeField(default=clock.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=40, db_index=True)
    object_repr = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class FormTokenUse(models.Model):
    """A one-use form token already spent, where no shared cache (Redis) is configured (esep.core.once).

    The unique key is what makes the claim atomic across processes: of two requests inserting the same
    token at once, the database lets exactly one commit. Rows expire with the token and are swept on use.
    """

    key = models.CharField(max_length=120, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("used form token")
        verbose_name_plural = _("used form tokens")

    def __str__(self) -> str:
        return self.key
