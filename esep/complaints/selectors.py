"""Reading the register: the staff list with filters, one case, and the analytics per officer, unit
(precinct, police point), body and region — every count made by the database (GROUP BY), always within
what the user may see (esep.accounts.permissions.restrict, which also hides a case from the officers it names).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear, Substr

from esep.accounts.permissions import Action, restrict
from esep.complaints.models import CONFIRMED_OUTCOMES, OfficerComplaint
from esep.core import clock
from esep.police.models import Assignment, Officer, PoliceBody, PolicePoint, Precinct
from esep.territory.models import Level, Territory

GROUPINGS = ("officer", "precinct", "point", "body", "region")
CONFIRMED = Q(outcome__in=sorted(CONFIRMED_OUTCOMES))


@dataclass(frozen=True)
class Filters:
    outcome: str = ""  # an Outcome value, "pending", or "" for all
    body: int | None = None
    officer: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    query: str = ""


def _filtered(qs: QuerySet, f: Filters) -> QuerySet:
    if f.outcome == "pending":
        qs = qs.filter(outcome="")
    elif f.outcome:
        qs = qs.filter(outcome=f.outcome)
    if f.body:
        qs = qs.filter(body_id=f.body)
    if f.officer:
        qs = qs.filter(officers=f.officer)
    if f.date_from:
        qs = qs.filter(received_on__gte=f.date_from)
    if f.date_to:
        qs = qs.filter(received_on__lte=f.date_to)
    if f.query:
        q = f.query.strip()[:100]
        qs = qs.filter(Q(appeal__number__icontains=q) | Q(external_id=q) | Q(decision_number__icontains=q))
    return qs


def complaints_for_staff(user, filters: Filters = Filters()) -> QuerySet[OfficerComplaint]:
    qs = restrict(OfficerComplaint.objects.all(), user, Action.VIEW)
    return (
        _filtered(qs, filters)
        .select_related("appeal", "body", "precinct", "point")
        .prefetch_related("officers")
        .order_by("-received_on", "-pk")
    )


def complaint_for_staff(user, pk: int) -> OfficerComplaint | None:
    return (
        restrict(OfficerComplaint.objects.all(), user, Action.VIEW)
        .select_related("appeal", "body", "precinct", "point")
        .prefetch_related("officers")
        .filter(pk=pk)
        .first()
    )


def officers_in_scope(user) -> QuerySet[Officer]:
    return Officer.objects.filter(body__in=restrict(PoliceBody.objects.all(), user)).select_related("body")


# --- analytics ---------------------------------------------------------------------------------------------------

_KEYS = {
    "officer": "officers",
    "precinct": "precinct",
    "point": "point",
    "body": "body",
    "region": "region",
}


def _officer_counts(by: str, today: dt.date) -> dict[Any, int]:
    """Officers serving each group today: the denominator of "per 100 officers"."""
    if by == "precinct":
        rows = Assignment.objects.on(today).values("precinct").annotate(n=Count("officer", distinct=True))
        return {r["precinct"]: r["n"] for r in rows}
    if by == "point":
        rows = (
            Assignment.objects.on(today)
            .filter(precinct__point__isnull=False)
            .values("precinct__point")
            .annotate(n=Count("officer", distinct=True))
        )
        return {r["precinct__point"]: r["n"] for r in rows}
    active = Officer.objects.filter(is_active=True)
    if by == "body":
        return {r["body"]: r["n"] for r in active.values("body").annotate(n=Count("pk"))}
    if by == "region":
        rows = active.annotate(region=Substr("body__territory__kato", 1, 2)).values("region").annotate(n=Count("pk"))
        return {r["region"]: r["n"] for r in rows}
    return {}


def _labels(by: str, keys: list[Any]) -> dict[Any, str]:
    if by == "officer":
        return {o.pk: o.full_name for o in Officer.objects.filter(pk__in=keys)}
    if by == "precinct":
        return {p.pk: f"{p.number} · {p.body}" for p in Precinct.objects.filter(pk__in=keys).select_related("body")}
    if by == "point":
        return {p.pk: str(p) for p in PolicePoint.objects.filter(pk__in=keys)}
    if by == "body":
        return {b.pk: str(b) for b in PoliceBody.objects.filter(pk__in=keys)}
    regions = Territory.objects.filter(level=Level.OBLAST, kato__in=[f"{k}0000000" for k in keys])
    return {t.kato[:2]: str(t) for t in regions}


def complaint_stats(user, by: str, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Per group: received, confirmed (with partly confirmed), officers serving, and both per 100 officers."""
    if by not in GROUPINGS:
        by = "body"
    qs = _filtered(restrict(OfficerComplaint.objects.all(), user, Action.VIEW), filters)
    if by == "region":
        qs = qs.annotate(region=Substr("body__territory__kato", 1, 2))
    key = _KEYS[by]
    rows = list(
        qs.exclude(**{f"{key}__isnull": True})
        .values(key)
        .annotate(received=Count("pk", distinct=True), confirmed=Count("pk", filter=CONFIRMED, distinct=True))
        .order_by()
    )
    counts = _officer_counts(by, clock.localdate())
    labels = _labels(by, [r[key] for r in rows])
    result = []
    for r in rows:
        officers = counts.get(r[key])
        result.append(
            {
                "key": r[key],
                "label": labels.get(r[key], str(r[key])),
                "received": r["received"],
                "confirmed": r["confirmed"],
                "officers": officers,
                "received_per_100": round(r["received"] * 100 / officers, 1) if officers else None,
                "confirmed_per_100": round(r["confirmed"] * 100 / officers, 1) if officers else None,
            }
        )
    return sorted(result, key=lambda r: (-r["received"], r["label"]))


def complaint_trend(user, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Received and confirmed per quarter of receipt."""
    qs = _filtered(restrict(OfficerComplaint.objects.all(), user, Action.VIEW), filters)
    rows = (
        qs.annotate(year=ExtractYear("received_on"), quarter=ExtractQuarter("received_on"))
        .values("year", "quarter")
        .annotate(received=Count("pk", distinct=True), confirmed=Count("pk", filter=CONFIRMED, distinct=True))
        .order_by("year", "quarter")
    )
    return [dict(r) for r in rows]
