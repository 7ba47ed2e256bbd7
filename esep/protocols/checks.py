"""System checks of the minutes seal: in production the seal key must come from outside the machine."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def seal_key_is_set(app_configs=None, **kwargs):
    """Several app servers must seal with one key, kept outside the database and outside var/: without
    ESEP_SEAL_KEY each machine would make its own key and the seals of one would not verify on another."""
    if getattr(settings, "ESEP_SEAL_KEY", ""):
        return []
    return [
        Error(
            "ESEP_SEAL_KEY is not set: the minutes seal would use a key made on this machine (var/seal_key).",
            hint="Set ESEP_SEAL_KEY to a random secret of at least 32 characters, the same on every server, "
            "kept out of the database and its backups (docs/minutes.md).",
            id="esep.E101",
        )
    ]


@register(Tags.security)
def seal_key_is_long_enough(app_configs=None, **kwargs):
    """(Production without the key does not even start: esep/settings.py refuses when ESEP_SECURE=1.)"""
    if 0 < len(getattr(settings, "ESEP_SEAL_KEY", "")) < 32:
        return [Error("ESEP_SEAL_KEY is shorter than 32 characters.", id="esep.E102")]
    return []
