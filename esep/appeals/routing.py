"""Which state body is competent for an item: by territory and subject (FixMyStreet: area + category).

The nearest body wins: an agency whose territory contains the item's territory (KATO prefix) and whose
subjects include the item's subject; a district department before the region's. Staff may override.
"""

from __future__ import annotations

from esep.police.models import StateAgency
from esep.territory.kato import ancestor_candidates
from esep.territory.models import Territory


def route_agency(*, territory: Territory | None, subject: str) -> StateAgency | None:
    if territory is None:
        return None
    codes = [territory.kato, *ancestor_candidates(territory.kato)]
    candidates = [
        agency
        for agency in StateAgency.objects.select_related("territory").filter(territory__kato__in=codes)
        if subject in (agency.subjects or []) and territory.kato.startswith(agency.territory.prefix)
    ]
    if not candidates:
        return None
    # The longest prefix is the nearest; among equals, an akimat department before the akimat itself.
    kind_rank = {StateAgency.Kind.AKIMAT_DEPARTMENT: 0, StateAgency.Kind.AKIMAT: 1}
    candidates.sort(key=lambda a: (-len(a.territory.prefix), kind_rank.get(a.kind, 2), a.pk))
    return candidates[0]
