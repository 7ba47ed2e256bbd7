"""REST endpoints of meetings under /api/v1/meetings/: list, create, update, reschedule, cancel, mark held.

The same permission rules and services as the staff pages: rows come through ``restrict``; a meeting of
another body is 404, a read-only role (akimat, oversight ...) gets 403 on every write; the services decide
the rest, and their refusals come back in the one error format (``esep.api.errors``) with the service's code.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from esep.accounts.permissions import Action, restrict
from esep.api.parsers import JSONParser
from esep.core.errors import EsepError as ApiError
from esep.meetings import selectors, services
from esep.meetings.models import Meeting, MeetingChange, MeetingFormat, MeetingKind, MeetingStatus
from esep.police.models import Officer, PoliceBody, Precinct
from esep.territory.models import Territory
from esep.workflows import scheduling

# Refusals that are about the meeting's state, not the request's shape.
CONFLICT_CODES = {"status", "not_started", "evidence_missing", "same"}


def service_error(error: ValidationError) -> ApiError:
    code = getattr(error, "code", None) or "invalid"
    http = status.HTTP_409_CONFLICT if code in CONFLICT_CODES else status.HTTP_400_BAD_REQUEST
    message = " ".join(error.messages)
    fields = {"settlement": [message]} if code == "settlement" else None
    return ApiError(message, code=str(code), status=http, fields=fields)


class ReporterSerializer(serializers.Serializer):
    officer = serializers.IntegerField()
    precinct = serializers.IntegerField(required=False, allow_null=True)


class MeetingChangeSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)

    class Meta:
        model = MeetingChange
        fields = ["kind", "old_starts_at", "new_starts_at", "reason", "actor_name", "notified", "at"]


class MeetingSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    format = serializers.CharField(read_only=True)
    settlement = serializers.SlugRelatedField(
        slug_field="kato", read_only=True, help_text="KATO code of the venue's settlement, or null"
    )
    reporters = serializers.SerializerMethodField()
    changes = MeetingChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "code",
            "kind",
            "body",
            "period_year",
            "period_quarter",
            "starts_at",
            "ends_at",
            "settlement",
            "venue_kk",
            "venue_ru",
            "venue_capacity",
            "expected_attendance",
            "format",
            "online_url",
            "status",
            "cancel_reason",
            "reporters",
            "changes",
        ]

    def get_reporters(self, obj) -> list[dict]:
        return [{"officer": r.officer_id, "precinct": r.precinct_id} for r in obj.reporters.all()]


# The address of an online gathering (Order 652 p.27), as the schema tells clients: an https address that
# Django's URL validator accepts, or empty. Without the pattern the schema would promise any "uri".
ONLINE_URL_PATTERN = (
    r"^(|https://[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?)*\.[a-z]{2,10}"
    r"(/[A-Za-z0-9._~-]{0,40}){0,4})$"
)


@extend_schema_field({"type": "string", "maxLength": 300, "pattern": r"^[^\x00]*$"})
class TextField(serializers.CharField):
    """Text without NUL characters (refused, like everywhere in Esep); the schema says so."""


@extend_schema_field({"type": "string", "maxLength": 200, "pattern": ONLINE_URL_PATTERN})
class OnlineUrlField(serializers.URLField):
    pass


class PlanSerializer(serializers.Serializer):
    """Fields of a plan; on update every field is optional."""

    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    settlement = serializers.RegexField(
        r"^([0-9]{9})?$",
        required=False,
        allow_blank=True,
        max_length=9,
        help_text=(
            "KATO code of the venue's settlement, within the police body's territory; empty clears it. Left out "
            "when creating a report for one precinct: the precinct's settlement."
        ),
    )
    venue_kk = TextField(required=False, allow_blank=True, max_length=300)
    venue_ru = TextField(required=False, allow_blank=True, max_length=300)
    venue_capacity = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=100000)
    expected_attendance = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=100000)
    format = serializers.ChoiceField(required=False, choices=MeetingFormat.choices)
    online_url = OnlineUrlField(required=False, allow_blank=True, max_length=200)


class MeetingCreateSerializer(PlanSerializer):
    kind = serializers.ChoiceField(choices=MeetingKind.choices)
    body = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    reporters = ReporterSerializer(many=True, required=False)


class RescheduleSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    reason = serializers.CharField(max_length=1000)
    late_reason = serializers.CharField(
        required=False, allow_blank=True, max_length=1000, help_text="needed when the new date is under the notice term"
    )


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


_ERROR_EXAMPLE = OpenApiExample(
    "Refused before the start",
    value={"error": {"code": "not_started", "message": "A meeting cannot be marked held before it starts."}},
    response_only=True,
    status_codes=["409"],
)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("kind", str, enum=MeetingKind.values),
            OpenApiParameter("status", str, enum=MeetingStatus.values),
            OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100}),
            OpenApiParameter("quarter", int, enum=[1, 2, 3, 4]),
            OpenApiParameter("body", {"type": "integer", "minimum": 1, "maximum": 2147483647}),
        ]
    ),
)
class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Reports to the population in the user's area."""

    # Bodies are JSON only: a form encoding cannot say "null" or a list of reporters the way the schema does.
    parser_classes = [JSONParser]

    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()

    def get_queryset(self):
        qs = selectors.meetings_for(self.request.user).prefetch_related("reporters", "changes").order_by("starts_at")
        params = self.request.query_params
        for name, allowed in (("kind", MeetingKind.values), ("status", MeetingStatus.values)):
            value = params.get(name)
            if value and value not in allowed:
                message = _("%(name)s must be one of: %(values)s.") % {"name": name, "values": ", ".join(allowed)}
                raise ApiError(message, code="invalid", fields={name: [message]})
        if params.get("kind"):
            qs = qs.filter(kind=params["kind"])
        if params.get("status"):
            qs = qs.filter(status=params["status"])
        if params.get("quarter") and params["quarter"] not in {"1", "2", "3", "4"}:
            message = _("%(name)s must be one of: %(values)s.") % {"name": "quarter", "values": "1, 2, 3, 4"}
            raise ApiError(message, code="invalid", fields={"quarter": [message]})
        limits = {"year": (2000, 2100), "quarter": (1, 4), "body": (1, 2147483647)}
        for name, field in (("year", "period_year"), ("quarter", "period_quarter"), ("body", "body_id")):
            value = params.get(name)
            if value:
                low, high = limits[name]
                if not re.fullmatch(r"[0-9]{1,10}", value) or not low <= int(value) <= high:
                    raise ApiError(_("%(name)s must be a number.") % {"name": name}, code="invalid")
                qs = qs.filter(**{field: int(value)})
        return qs

    def _changeable(self) -> Meeting:
        meeting = self.get_object()  # 404 outside the user's area; 403 for a read-only role
        return meeting

    def _plan(self, data: dict) -> dict:
        plan = dict(data)
        if "settlement" in plan:
            kato = plan.pop("settlement")
            plan["settlement"] = Territory.objects.filter(kato=kato).first() if kato else None
            if kato and plan["settlement"] is None:
                raise ApiError(_("No such settlement."), code="invalid", fields={"settlement": [_("Unknown KATO.")]})
        return plan

    @extend_schema(
        request=MeetingCreateSerializer,
        responses={201: MeetingSerializer},
        examples=[
            OpenApiExample(
                "An inspector's quarterly report",
                value={
                    "kind": "inspector",
                    "body": 12,
                    "starts_at": "2026-03-12T18:00:00+05:00",
                    "ends_at": "2026-03-12T20:00:00+05:00",
                    "settlement": "354837100",
                    "venue_kk": "Мәдениет үйі, Абай к-сі, 10",
                    "venue_ru": "Дом культуры, ул. Абая, 10",
                    "format": "indoor",
                    "reporters": [{"officer": 31, "precinct": 7}],
                },
                request_only=True,
            )
        ],
    )
    def create(self, request):
        data = MeetingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        body = restrict(PoliceBody.objects.all(), request.user).filter(pk=values.pop("body")).first()
        if body is None:
            raise exceptions.NotFound(_("No such police body in your area."))
        if not restrict(PoliceBody.objects.filter(pk=body.pk), request.user, Action.CHANGE).exists():
            raise exceptions.PermissionDenied()
        reporters = []
        for item in values.pop("reporters", []):
            officer = Officer.objects.filter(pk=item["officer"]).select_related("body").first()
            precinct = (
                Precinct.objects.filter(pk=item["precinct"]).select_related("body").first()
                if item.get("precinct")
                else None
            )
            if officer is None or (item.get("precinct") and precinct is None):
                raise ApiError(_("No such officer or precinct."), code="reporters")
            reporters.append((officer, precinct))
        try:
            meeting = scheduling.meeting_create(
                kind=values.pop("kind"),
                body=body,
                starts_at=values.pop("starts_at"),
                reporters=reporters,
                actor=request.user,
                **self._plan(values),
            )
        except ValidationError as error:
            raise service_error(error) from error
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=PlanSerializer,
        responses={200: MeetingSerializer},
        examples=[
            OpenApiExample("A bigger hall", value={"venue_capacity": 200}, request_only=True),
            OpenApiExample(
                "Another village of the district",
                value={"settlement": "354837100", "venue_kk": "Ауылдық клуб", "venue_ru": "Сельский клуб"},
                request_only=True,
            ),
            OpenApiExample(
                "A settlement outside the body's territory",
                value={
                    "error": {
                        "code": "settlement",
                        "message": "“Ақтау қ.” is not in the territory of Karkaraly district police "
                        "department: choose a settlement of its territory.",
                        "fields": {"settlement": ["“Ақтау қ.” is not in the territory of ..."]},
                    }
                },
                response_only=True,
                status_codes=["400"],
            ),
        ],
    )
    def partial_update(self, request, pk=None):
        meeting = self._changeable()
        data = PlanSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        try:
            meeting = scheduling.meeting_update(meeting=meeting, actor=request.user, **self._plan(data.validated_data))
        except ValidationError as error:
            raise service_error(error) from error
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(
        request=RescheduleSerializer,
        responses={200: MeetingSerializer},
        examples=[
            OpenApiExample(
                "Moved a week later",
                value={"starts_at": "2026-03-19T18:00:00+05:00", "reason": "The hall is closed for repairs."},
                request_only=True,
            ),
        ],
    )
    @action(detail=True, methods=["post"])
    def reschedule(self, request, pk=None):
        meeting = self._changeable()
        data = RescheduleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            scheduling.meeting_reschedule(meeting=meeting, actor=request.user, **data.validated_data)
        except ValidationError as error:
            raise service_error(error) from error
        return Response(MeetingSerializer(self.get_object()).data)

    @extend_schema(
        request=CancelSerializer,
        responses={200: MeetingSerializer},
        examples=[OpenApiExample("Cancelled", value={"reason": "Flooding on the road."}, request_only=True)],
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        meeting = self._changeable()
        data = CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            scheduling.meeting_cancel(meeting=meeting, actor=request.user, reason=data.validated_data["reason"])
        except ValidationError as error:
            raise service_error(error) from error
        return Response(MeetingSerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: MeetingSerializer}, examples=[_ERROR_EXAMPLE])
    @action(detail=True, methods=["post"])
    def held(self, request, pk=None):
        """Mark held: only after the start (Asia/Almaty), with the participants registered (Order 652 p.32)
        and, for a chief, in person (Order 608 p.2)."""
        meeting = self._changeable()
        try:
            services.meeting_mark_held(meeting=meeting, actor=request.user)
        except ValidationError as error:
            raise service_error(error) from error
        return Response(MeetingSerializer(self.get_object()).data)


def register(router) -> None:
    router.register("meetings", MeetingViewSet, basename="meeting")


urlpatterns: list = []
