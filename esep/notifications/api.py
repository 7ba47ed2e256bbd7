"""REST endpoints of notifications, mounted under /api/v1/: the messages about one object."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from esep.core.errors import EsepError
from esep.notifications.models import Message
from esep.notifications.selectors import messages_for, related_object_for


class MessageSerializer(serializers.ModelSerializer):
    to = serializers.CharField(source="masked_to")
    channel = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Message
        fields = [
            "id",
            "channel",
            "to",
            "subject",
            "language",
            "status",
            "attempts",
            "last_error",
            "created_at",
            "sent_at",
            "delivered_at",
            "related_type",
            "related_id",
        ]


_OBJECT_KEY = re.compile(r"^[a-z_]+\.[a-z_]+:[0-9]+$")
_OBJECT = OpenApiParameter(
    "object",
    str,
    required=True,
    pattern=_OBJECT_KEY.pattern,
    description="The object the messages are about: app_label.model:id.",
)


@extend_schema_view(list=extend_schema(parameters=[_OBJECT]), retrieve=extend_schema(parameters=[_OBJECT]))
class MessageViewSet(viewsets.ReadOnlyModelViewSet):
    """Messages about one object: ``?object=appeals.appeal:12``. Only objects in the user's scope."""

    serializer_class = MessageSerializer
    queryset = Message.objects.none()  # for the schema; get_queryset decides

    def get_queryset(self):
        key = self.request.query_params.get("object", "")[:120]
        if not _OBJECT_KEY.match(key):
            raise EsepError(_("Name the object: ?object=app_label.model:id"), code="object_required")
        obj = related_object_for(self.request.user, key)
        if obj is None:
            raise EsepError(_("No such object, or it is outside your area."), code="not_found", status=404)
        return messages_for(obj)


def register(router) -> None:
    router.register("messages", MessageViewSet, basename="message")


urlpatterns: list = []
