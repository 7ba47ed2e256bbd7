"""Reading the outbox."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import QuerySet

from esep.accounts.permissions import Action, can
from esep.notifications.models import Message
from esep.notifications.services import related_key


def messages_for(obj: models.Model) -> QuerySet[Message]:
    """Every message about ``obj``, newest first. The caller has checked that the user may see ``obj``."""
    related_type, related_id = related_key(obj)
    return Message.objects.filter(related_type=related_type, related_id=related_id).order_by("-created_at", "-id")


def related_object_for(user, key: str) -> models.Model | None:
    """Resolve "app_label.model:pk" to an object the user may see (it must have ``scope_body_field``);
    None when it does not exist, cannot be scoped, or is outside the user's scope."""
    label, _sep, pk = (key or "").partition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if getattr(model, "scope_body_field", None) is None:
        return None
    obj = model._default_manager.filter(pk=pk).first() if pk.isdigit() else None
    if obj is None or not can(user, Action.VIEW, obj):
        return None
    return obj
