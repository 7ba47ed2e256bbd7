"""Writing the audit log. Services call ``audit_record`` inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from esep.core.models import AuditEntry


def audit_record(*, actor: Any, action: str, obj: models.Model, data: dict[str, Any] | None = None) -> AuditEntry:
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    name = ""
    if actor_obj is not None:
        name = actor_obj.get_full_name() or actor_obj.get_username()
    elif isinstance(actor, str):
        name = actor
    return AuditEntry.objects.create(
        actor=actor_obj,
        actor_name=name[:200],
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data=data or {},
    )
