"""Registry endpoints: territory (public) and the police registry (restricted per user)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from esep.accounts.permissions import Action, restrict
from esep.core import clock
from esep.core.errors import EsepError
from esep.police.models import Assignment, Officer, PoliceBody, Precinct
from esep.police.selectors import inspectors_on
from esep.territory.models import Level, Territory


class TerritorySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="kato", read_only=True, allow_null=True)  # regions: none

    class Meta:
        model = Territory
        fields = ["kato", "parent", "level", "name_kk", "name_ru", "name_en", "latitude", "longitude"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "parent", str, pattern=r"^\d{9}$", description="KATO code of the parent territory (9 digits)."
            ),
            OpenApiParameter("level", str, enum=[choice.value for choice in Level]),
        ]
    )
)
class TerritoryViewSet(viewsets.ReadOnlyModelViewSet):
    """The KATO classifier (Bureau of National Statistics). Filter with ?parent=KATO or ?level=."""

    serializer_class = TerritorySerializer
    permission_classes = [AllowAny]
    lookup_field = "kato"

    def get_queryset(self):
        qs = Territory.objects.select_related("parent").order_by("kato")
        parent = self.request.query_params.get("parent")
        if parent is not None:
            if not (len(parent) == 9 and parent.isascii() and parent.isdigit()):
                raise _bad_filter("parent", _("Give the parent as a KATO code of 9 digits."))
            qs = qs.filter(parent__kato=parent)
        level = self.request.query_params.get("level")
        if level is not None:
            if level not in Level.values:
                raise _bad_filter("level", _("Unknown level; see the schema for the levels."))
            qs = qs.filter(level=level)
        return qs


def _bad_filter(name: str, message: str) -> EsepError:
    return EsepError(message, fields={name: [message]})


class ScopedReadOnly(viewsets.ReadOnlyModelViewSet):
    base_queryset = None

    def get_queryset(self):
        return restrict(self.base_queryset.all(), self.request.user, Action.VIEW)


class PoliceBodySerializer(serializers.ModelSerializer):
    territory = serializers.SlugRelatedField(slug_field="kato", read_only=True)

    class Meta:
        model = PoliceBody
        fields = ["id", "slug", "level", "name_kk", "name_ru", "name_en", "territory", "parent", "phone", "email"]


class PoliceBodyViewSet(ScopedReadOnly):
    base_queryset = PoliceBody.objects.select_related("territory")
    serializer_class = PoliceBodySerializer


class OfficerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Officer
        fields = [
            "id",
            "body",
            "last_name",
            "first_name",
            "patronymic",
            "rank",
            "position",
            "public_phone",
            "public_email",
            "is_active",
        ]


class OfficerViewSet(ScopedReadOnly):
    base_queryset = Officer.objects.all()
    serializer_class = OfficerSerializer


class CurrentInspectorSerializer(serializers.Serializer):
    officer = serializers.IntegerField()
    name = serializers.CharField()
    acting = serializers.BooleanField()


class PrecinctSerializer(serializers.ModelSerializer):
    current_inspector = serializers.SerializerMethodField()

    class Meta:
        model = Precinct
        fields = ["id", "body", "number", "name_kk", "name_ru", "name_en", "point", "current_inspector"]

    @extend_schema_field(CurrentInspectorSerializer(allow_null=True))
    def get_current_inspector(self, obj):
        current = self.context.get("current", {}).get(obj.pk)
        if current is None:
            return None
        return {"officer": current.officer.pk, "name": current.officer.full_name, "acting": current.acting}


class PrecinctViewSet(ScopedReadOnly):
    base_queryset = Precinct.objects.select_related("body")
    serializer_class = PrecinctSerializer

    def get_serializer_context(self):
        ctx = super().get_serializer_context()
        ctx["current"] = getattr(self, "_current", {})
        return ctx

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        rows = page if page is not None else list(queryset)
        self._current = inspectors_on(rows, clock.localdate())
        return page


class AssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assignment
        fields = ["id", "officer", "precinct", "kind", "start", "end", "reason"]


class AssignmentViewSet(ScopedReadOnly):
    base_queryset = Assignment.objects.all()
    serializer_class = AssignmentSerializer


def register(router) -> None:
    router.register("territories", TerritoryViewSet, basename="territory")
    router.register("bodies", PoliceBodyViewSet, basename="body")
    router.register("officers", OfficerViewSet, basename="officer")
    router.register("precincts", PrecinctViewSet, basename="precinct")
    router.register("assignments", AssignmentViewSet, basename="assignment")
