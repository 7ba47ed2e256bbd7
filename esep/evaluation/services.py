"""The only code that writes the evaluation's criteria.

A region's public council sets a new version of its criteria; an existing version is never changed (the
history stays readable and past evaluations can be recomputed with the criteria of their time). Who may:
``SET_CRITERIA`` on the region's police body (esep.accounts.permissions: the public council of that region;
policy, not law — the 2016 committee speech). Steps: lock the region's body row (two councillors saving at
once get versions n and n+1, never two n), check, write, audit, tell the public pages after commit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, is_system, require
from esep.core.audit import audit_record
from esep.core.errors import EsepError
from esep.core.pagecache import public_changed_on_commit
from esep.evaluation.models import CriteriaSet, Criterion, Indicator
from esep.police.models import PoliceBody
from esep.territory.models import Level

MAX_WEIGHT = Decimal(100)
MAX_MIN_SAMPLE = 10_000
NOTE_MAX = 2000


class CriteriaError(EsepError, ValueError):
    """The criteria were refused; the message is for the person who sent them (translated)."""


def _weights(criteria: dict[str, tuple[Any, Any]]) -> list[tuple[str, Decimal, int]]:
    rows = []
    unknown = sorted(set(criteria) - set(Indicator.values))
    if unknown:
        raise CriteriaError(_("Unknown indicator: %(name)s.") % {"name": unknown[0]})
    for indicator in Indicator.values:
        if indicator not in criteria:
            raise CriteriaError(_("Give a weight and a minimum sample for every indicator."))
        raw_weight, raw_min = criteria[indicator]
        try:
            weight = Decimal(str(raw_weight)).quantize(Decimal("0.01"))
            min_sample = int(raw_min)
        except (InvalidOperation, TypeError, ValueError) as exc:
            raise CriteriaError(
                _("A weight and a minimum sample must be numbers."), fields={indicator: ["invalid"]}
            ) from exc
        if not weight.is_finite() or weight < 0 or weight > MAX_WEIGHT:
            raise CriteriaError(
                _("A weight must be between 0 and %(max)s.") % {"max": MAX_WEIGHT}, fields={indicator: ["weight"]}
            )
        if min_sample < 1 or min_sample > MAX_MIN_SAMPLE:
            raise CriteriaError(
                _("A minimum sample must be between 1 and %(max)s.") % {"max": MAX_MIN_SAMPLE},
                fields={indicator: ["min_sample"]},
            )
        rows.append((indicator, weight, min_sample))
    if sum(w for _i, w, _m in rows) <= 0:
        raise CriteriaError(_("At least one indicator must have a weight above zero."))
    return rows


def is_region_body(body: PoliceBody) -> bool:
    return body.territory.level == Level.OBLAST


def criteria_set_create(
    *,
    body: PoliceBody,
    criteria: dict[str, tuple[Any, Any]],
    valid_from: dt.date,
    actor: Any,
    note: str = "",
) -> CriteriaSet:
    """A new version of the criteria of ``body``'s region: ``criteria`` maps each indicator to (weight,
    minimum sample). In force from ``valid_from``, which may not be earlier than the previous version's."""
    require(actor, Action.SET_CRITERIA, body)
    if not is_region_body(body):
        raise CriteriaError(_("Criteria are set for a region's police body."), status=404)
    rows = _weights(criteria)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise CriteriaError(_("The note is too long."), fields={"note": ["max_length"]})
    name = "" if is_system(actor) else (actor.get_full_name() or actor.get_username())
    with transaction.atomic():
        PoliceBody.objects.select_for_update().filter(pk=body.pk).first()
        latest = CriteriaSet.objects.filter(body=body).order_by("-version").first()
        if latest is not None and valid_from < latest.valid_from:
            raise CriteriaError(
                _("A new version cannot come into force before the previous one (%(date)s).")
                % {"date": latest.valid_from.isoformat()},
                fields={"valid_from": ["too_early"]},
            )
        criteria_set = CriteriaSet.objects.create(
            body=body,
            version=(latest.version + 1) if latest else 1,
            valid_from=valid_from,
            note=note,
            set_by=None if is_system(actor) else actor,
            set_by_name=(name or (actor if isinstance(actor, str) else ""))[:300],
        )
        Criterion.objects.bulk_create(
            Criterion(criteria_set=criteria_set, indicator=i, weight=w, min_sample=m) for i, w, m in rows
        )
        audit_record(
            actor=actor,
            action="evaluation.criteria_set",
            obj=criteria_set,
            data={"version": criteria_set.version, "criteria": {i: [str(w), m] for i, w, m in rows}},
        )
        public_changed_on_commit()
    return criteria_set
