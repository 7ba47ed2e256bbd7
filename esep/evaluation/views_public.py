"""Residents' pages: the evaluation's criteria of every region, in force and before (they are public; the
scores are not). Anonymous GETs are cached (esep.public.cache); a new version bumps the cache."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from esep.core import clock
from esep.core.collation import sort_places
from esep.evaluation import selectors
from esep.evaluation.indicators import DEFAULT_CRITERIA
from esep.evaluation.models import Indicator
from esep.public.cache import public_page


@require_safe
@public_page
def criteria_index(request):
    """Every region with the version of its criteria in force today, or the national default."""
    today = clock.localdate()
    regions = selectors.public_regions(today)
    return render(
        request,
        "evaluation/public_index.html",
        {
            "regions": sort_places(regions, key=lambda r: r.territory.name),
            "default": DEFAULT_CRITERIA,
            "indicators": Indicator.choices,
        },
    )


@require_safe
@public_page
def criteria_region(request, kato: str):
    body = selectors.region_bodies().filter(territory__kato=kato[:9]).first()
    if body is None:
        raise Http404(_("No such region."))
    return render(
        request,
        "evaluation/public_region.html",
        {
            "body": body,
            "region": body.territory,
            "current": selectors.criteria_in_force(body, clock.localdate()),
            "history": selectors.criteria_history(body),
            "default": DEFAULT_CRITERIA,
            "indicators": Indicator.choices,
        },
    )
