"""REST endpoints of appeals, mounted under /api/v1/: read only, restricted to the user's body subtree."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from esep.appeals.models import Appeal, AppealEvent, AppealForward
from esep.appeals.selectors import appeals_for_staff


class AppealEventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)

    class Meta:
        model = AppealEvent
        fields = ["at", "kind", "status_from", "status_to", "actor_name", "note", "overdue"]


class AppealForwardSerializer(serializers.ModelSerializer):
    class Meta:
        model = AppealForward
        fields = [
            "agency",
            "agency_name",
            "forwarded_on",
            "agency_due_on",
            "routed_automatically",
            "replied_at",
            "replied_late",
            "reply_text",
            "reply_measures",
        ]


class AppealSerializer(serializers.ModelSerializer):
    # Plain strings in the schema: the codes are listed in docs/appeals.md (and avoid enum name clashes).
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    source = serializers.CharField(read_only=True)
    subject = serializers.CharField(read_only=True)
    competence = serializers.CharField(read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Appeal
        fields = [
            "id",
            "number",
            "kind",
            "source",
            "meeting",
            "body",
            "precinct",
            "subject",
            "competence",
            "status",
            "text",
            "language",
            "received_at",
            "registered_on",
            "due_on",
            "due_basis",
            "redirect_due_on",
            "extended_until",
            "extension_reason",
            "answered_on",
            "answer_text",
            "answer_measures",
            "answered_late",
            "forwarded_late",
            "overdue_since",
            "is_overdue",
            "closed_on",
        ]


class AppealDetailSerializer(AppealSerializer):
    events = AppealEventSerializer(many=True, read_only=True)
    forwards = AppealForwardSerializer(many=True, read_only=True)

    class Meta(AppealSerializer.Meta):
        fields = [*AppealSerializer.Meta.fields, "events", "forwards"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("status", str, description="open, overdue or an appeal status."),
            OpenApiParameter("q", str, description="Registration number or words of the text."),
        ]
    )
)
class AppealViewSet(viewsets.ReadOnlyModelViewSet):
    """Appeals of the user's area, overdue first. Filter: ?status=open|overdue|<status>, ?q=number or text."""

    def get_queryset(self):
        params = self.request.query_params
        qs = appeals_for_staff(self.request.user, status=params.get("status", "")[:30], query=params.get("q", ""))
        if self.action == "retrieve":
            qs = qs.prefetch_related("events", "forwards")
        return qs

    def get_serializer_class(self):
        return AppealDetailSerializer if self.action == "retrieve" else AppealSerializer


def register(router) -> None:
    router.register("appeals", AppealViewSet, basename="appeal")


urlpatterns: list = []
