"""API access: reads need any role (rows are restricted per user), writes need a role that may change.
Public data has its own endpoints that set ``permission_classes = [AllowAny]``."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from esep.accounts.permissions import Action, can, grants


class ScopedPermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(grants(request.user))

    def has_object_permission(self, request, view, obj) -> bool:
        action = Action.VIEW if request.method in SAFE_METHODS else Action.CHANGE
        if getattr(type(obj), "scope_body_field", None) is None:
            return request.method in SAFE_METHODS
        return can(request.user, action, obj)
