"""REST endpoints of law, mounted under /api/v1/.

POST /api/v1/compliance/evaluate   a described meeting (docs/compliance.md) -> {"findings": [...]}
GET  /api/v1/deadlines/<rule>?start=YYYY-MM-DD[&kind=&on=]   -> the due date and the steps
GET  /api/v1/rules/<rule>?on=YYYY-MM-DD[&kind=]               -> the version in force

Open to anyone (AllowAny): they store nothing and disclose nothing but the law applied to the caller's own
input, and residents, public councils and journalists should be able to script them as staff do. Each is
throttled per client, more tightly for anonymous callers, because an evaluation costs CPU.
"""

from __future__ import annotations

from django.urls import path
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from esep.api.parsers import SmallJSONParser
from esep.api.throttling import AnonRateThrottle, UserRateThrottle
from esep.core.errors import EsepError
from esep.law.compliance import DescriptionError, evaluate
from esep.law.deadlines import NotATerm, compute, parse_start
from esep.law.rules import UnknownRule, rule


class LawAnonThrottle(AnonRateThrottle):
    scope = "law_anon"
    rate = "30/minute"


class LawUserThrottle(UserRateThrottle):
    scope = "law_user"
    rate = "600/minute"


class LawView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [LawAnonThrottle, LawUserThrottle]

    def initial(self, request, *args, **kwargs):
        lang = request.query_params.get("lang")
        if lang in ("kk", "ru", "en"):
            translation.activate(lang)
        super().initial(request, *args, **kwargs)


def _bad(field: str, message: str, code: str = "invalid") -> EsepError:
    return EsepError(message, code=code, fields={field: [message]})


@extend_schema(
    request=OpenApiTypes.OBJECT,
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    description="Evaluate a meeting described as JSON (docs/compliance.md); stores nothing.",
)
class ComplianceEvaluateView(LawView):
    """Evaluate a meeting described as JSON; nothing is stored. The body is bounded (SmallJSONParser)."""

    parser_classes = [SmallJSONParser]

    def post(self, request):
        try:
            findings = evaluate(request.data)
        except DescriptionError as exc:
            raise _bad(exc.field, exc.message) from None
        return Response({"findings": [f.as_dict() for f in findings]})


@extend_schema(
    parameters=[OpenApiParameter("start", OpenApiTypes.DATE, required=True)],
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    description="The due date of a deadline rule counted from a start date, with the steps of the count.",
)
class DeadlineView(LawView):
    """The due date of a legal term counted from ``start``, with the steps of the count."""

    def get(self, request, code: str):
        raw = request.query_params.get("start", "")
        start = parse_start(raw) if raw else None
        if start is None:
            raise _bad("start", _("Give the start as a date (2025-03-14) or a date and time (2026-01-09T19:30)."))
        on = None
        if request.query_params.get("on"):
            on = _date_param(request, "on")
        kind = request.query_params.get("kind") or None
        if kind not in (None, "chief", "inspector"):
            raise _bad("kind", _("The kind is chief or inspector."))
        try:
            result = compute(code, start, on=on, kind=kind)
        except NotATerm:
            raise _bad("rule", _("This rule sets no term, so it has no due date.")) from None
        except UnknownRule as exc:
            raise _unknown(exc) from None
        except (OverflowError, ValueError):  # a date past year 9999 (datetime raises either)
            raise _bad("start", _("The term would end beyond the calendar; give a start date in this era.")) from None
        return Response(result.as_dict())


@extend_schema(
    parameters=[OpenApiParameter("on", OpenApiTypes.DATE), OpenApiParameter("kind", OpenApiTypes.STR)],
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    description="The version of a rule in force on a date, with its citation.",
)
class RuleView(LawView):
    """The version of a rule in force on a date, with its citation and date note."""

    def get(self, request, code: str):
        on = _date_param(request, "on") if request.query_params.get("on") else None
        try:
            found = rule(code, on, kind=request.query_params.get("kind") or None)
        except UnknownRule as exc:
            raise _unknown(exc) from None
        value = found.value
        return Response(
            {
                "code": found.code,
                "citation": found.citation(),
                "citation_kk": found.citation("kk"),
                "citation_ru": found.citation("ru"),
                "value": list(value) if isinstance(value, tuple) else value,
                "unit": found.unit,
                "kind": found.kind,
                "valid_from": found.valid_from.isoformat() if found.valid_from else None,
                "valid_to": found.valid_to.isoformat() if found.valid_to else None,
                "date_note": found.date_note,
                "summary": {"kk": found.summary_kk, "ru": found.summary_ru, "en": found.summary_en},
            }
        )


def _date_param(request, name: str):
    try:
        value = parse_date(request.query_params.get(name, ""))
    except ValueError:
        value = None
    if value is None:
        raise _bad(name, _("Not a date in ISO 8601 (2024-02-20)."))
    return value


def _unknown(exc: UnknownRule) -> EsepError:
    # 404: the address names a rule (or a version of it) that does not exist.
    if exc.on is None:
        message, code = _("Unknown rule: %(code)s.") % {"code": exc.code}, "unknown_rule"
    else:
        message, code = _("No version of %(code)s was in force on that date.") % {"code": exc.code}, "not_in_force"
    return EsepError(message, code=code, fields={"rule": [message]}, status=404)


def register(router) -> None:
    """No viewsets: the endpoints are plain paths below."""


urlpatterns: list = [
    path("compliance/evaluate", ComplianceEvaluateView.as_view(), name="compliance-evaluate"),
    path("deadlines/<str:code>", DeadlineView.as_view(), name="deadline"),
    path("rules/<str:code>", RuleView.as_view(), name="rule"),
]
