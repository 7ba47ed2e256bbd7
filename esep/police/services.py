"""Writes to the police registry. Admin and imports go through these so derived fields stay right."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.police.models import Assignment, Officer, PoliceBody, Precinct


def body_save(*, body: PoliceBody, actor: Any = None) -> PoliceBody:
    """Save a body and keep the materialised path of it and its subtree right."""
    with transaction.atomic():
        if body.parent_id and body.pk and body.parent.path.startswith(body.path or "//"):
            raise ValidationError(_("A police body cannot be placed under itself."))
        old_path = body.path
        body.save()
        new_path = body.compute_path()
        if new_path != old_path:
            PoliceBody.objects.filter(pk=body.pk).update(path=new_path)
            body.path = new_path
            if old_path:
                for child in PoliceBody.objects.filter(path__startswith=old_path).exclude(pk=body.pk):
                    child.path = new_path + child.path[len(old_path) :]
                    child.save(update_fields=["path"])
        audit_record(actor=actor, action="police_body.save", obj=body)
        public_changed_on_commit()
    return body


def assignment_create(
    *,
    officer: Officer,
    precinct: Precinct,
    start: dt.date,
    end: dt.date | None = None,
    kind: str = Assignment.Kind.PERMANENT,
    reason: str = "",
    actor: Any = None,
) -> Assignment:
    """Assign an officer to a precinct. A new permanent assignment ends the previous open one the day
    before; permanent assignments of one precinct never overlap, acting ones may cover them."""
    require(actor, Action.EDIT_REGISTRY, precinct)
    require(actor, Action.EDIT_REGISTRY, officer)
    if end is not None and end < start:
        raise ValidationError(_("The end date is before the start date."))
    with transaction.atomic():
        Precinct.objects.select_for_update().filter(pk=precinct.pk).first()
        if kind == Assignment.Kind.PERMANENT:
            open_rows = Assignment.objects.filter(
                precinct=precinct, kind=Assignment.Kind.PERMANENT, end__isnull=True, start__lt=start
            )
            for row in open_rows:
                row.end = start - dt.timedelta(days=1)
                row.save(update_fields=["end"])
            overlap = Assignment.objects.filter(precinct=precinct, kind=Assignment.Kind.PERMANENT).filter(
                Q(end__isnull=True) | Q(end__gte=start)
            )
            if end is not None:
                overlap = overlap.filter(start__lte=end)
            if overlap.exists():
                raise ValidationError(_("Another permanent inspector serves this precinct in that period."))
        row = Assignment.objects.create(
            officer=officer, precinct=precinct, start=start, end=end, kind=kind, reason=reason
        )
        audit_record(actor=actor, action="assignment.create", obj=row)
        public_changed_on_commit()
    return row


def precinct_update(*, precinct: Precinct, actor: Any, **fields: Any) -> Precinct:
    """Change what residents read about a precinct (names, description, police point)."""
    require(actor, Action.EDIT_REGISTRY, precinct)
    allowed = {"name_kk", "name_ru", "name_en", "description_kk", "description_ru", "description_en", "point"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    with transaction.atomic():
        locked = Precinct.objects.select_for_update().get(pk=precinct.pk)
        before = {k: str(getattr(locked, k)) for k in fields}
        for key, value in fields.items():
            setattr(locked, key, value)
        locked.full_clean()
        locked.save()
        audit_record(actor=actor, action="precinct.update", obj=locked,
                     data={"before": before, "after": {k: str(v) for k, v in fields.items()}})  # fmt: skip
        public_changed_on_commit()
    return locked


def _rings(geometry: dict) -> list:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise ValidationError(_("An area must be a GeoJSON Polygon or MultiPolygon."))
    polygons = [geometry.get("coordinates")] if geometry["type"] == "Polygon" else geometry.get("coordinates")
    points = []
    try:
        for polygon in polygons:
            for ring in polygon:
                if len(ring) < 4:
                    raise ValidationError(_("A ring of an area needs at least four points."))
                for lon, lat, *_rest in ring:
                    if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
                        raise ValidationError(_("An area has a point outside the globe."))
                    points.append((float(lon), float(lat)))
    except (TypeError, ValueError):
        raise ValidationError(_("An area must be a GeoJSON Polygon or MultiPolygon.")) from None
    return points


def precinct_set_area(*, precinct: Precinct, geometry: dict | None, actor: Any = None, audit: bool = True) -> Precinct:
    """Set (or clear, with None) a precinct's area polygon and its bounding box (Order 652 p.25: the precinct
    is the inspector's territory). The geometry is checked whole before anything is written."""
    fields = ["area", "area_min_lat", "area_max_lat", "area_min_lon", "area_max_lon"]
    if geometry is None:
        for name in fields:
            setattr(precinct, name, None)
    else:
        points = _rings(geometry)
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        precinct.area = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
        precinct.area_min_lat, precinct.area_max_lat = min(lats), max(lats)
        precinct.area_min_lon, precinct.area_max_lon = min(lons), max(lons)
    with transaction.atomic():
        precinct.save(update_fields=fields)
        if audit:
            audit_record(actor=actor, action="precinct.area", obj=precinct)
        public_changed_on_commit()
    return precinct


def assignment_end(*, assignment: Assignment, end: dt.date, actor: Any, reason: str = "") -> Assignment:
    """End an assignment on ``end`` (the last day served); the row stays as history."""
    require(actor, Action.EDIT_REGISTRY, assignment)
    with transaction.atomic():
        row = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if end < row.start:
            raise ValidationError(_("The end date is before the start date."))
        if row.end is not None and row.end < end:
            raise ValidationError(_("This assignment has already ended."))
        before = row.end
        row.end = end
        if reason.strip():
            row.reason = (row.reason + "; " if row.reason else "") + reason.strip()[:200]
        row.save(update_fields=["end", "reason"])
        audit_record(actor=actor, action="assignment.end", obj=row,
                     data={"before": str(before or ""), "after": end.isoformat()})  # fmt: skip
        public_changed_on_commit()
    return row


def precinct_set_settlements(*, precinct: Precinct, settlements: list, actor: Any) -> Precinct:
    """Which settlements a precinct covers (Order 652 p.25): only settlements on the territory of the
    precinct's police body. Residents find their inspector by these."""
    require(actor, Action.EDIT_REGISTRY, precinct)
    with transaction.atomic():
        locked = Precinct.objects.select_for_update().select_related("body__territory").get(pk=precinct.pk)
        prefix = locked.body.territory.prefix
        outside = [s for s in settlements if not prefix or not s.kato.startswith(prefix)]
        if outside:
            raise ValidationError(
                _("These places are outside the police body's territory: %(names)s")
                % {"names": ", ".join(sorted(str(s.name) for s in outside))}
            )
        before = sorted(locked.settlements.values_list("kato", flat=True))
        locked.settlements.set(settlements)
        audit_record(actor=actor, action="precinct.coverage", obj=locked,
                     data={"before": before, "after": sorted(s.kato for s in settlements)})  # fmt: skip
        public_changed_on_commit()
    return locked
