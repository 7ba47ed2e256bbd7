"""State of the residents' side: the public version that keys the anonymous page cache (see cache.py)."""

from __future__ import annotations

from django.db import models


class PublicState(models.Model):
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "public cache state"

    def __str__(self) -> str:
        return f"public version {self.version}"
