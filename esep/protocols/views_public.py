"""The public witness of the minutes seal: each police body's published chain heads, as a page and an Atom
feed (esep.protocols.witness). Anyone may copy them; a copy outside Esep is what makes a rewrite visible."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from esep.police.models import PoliceBody
from esep.protocols.models import ChainHead
from esep.public.cache import public_page

PAGE_SIZE = 50
FEED_SIZE = 100


def _heads(request):
    qs = ChainHead.objects.select_related("body").order_by("-day", "body__path")
    slug = (request.GET.get("body") or "")[:80]
    body = None
    if slug:
        body = PoliceBody.objects.filter(slug=slug).first()
        if body is None:
            raise Http404(_("No such police body."))
        qs = qs.filter(body=body)
    return qs, body


@require_safe
@public_page
def heads(request):
    qs, body = _heads(request)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "protocols/public_heads.html", {"page": page, "body": body})


@require_safe
@public_page
def heads_atom(request):
    qs, _body = _heads(request)
    feed = Atom1Feed(
        title=_("Seal of the minutes: published chain heads"),
        link=settings.SITE_URL + reverse("seal:heads"),
        description=_("Each police body's chain head of signed minutes, one a day."),
        language=request.LANGUAGE_CODE,
        feed_url=settings.SITE_URL + request.get_full_path(),
    )
    for h in qs[:FEED_SIZE]:
        feed.add_item(
            title=f"{h.body.name} · {h.day:%d.%m.%Y}",
            link=settings.SITE_URL + reverse("seal:heads") + f"?body={h.body.slug}",
            description=f"{h.body.slug}:{h.day.isoformat()}:{h.head}",
            unique_id=f"esep-head-{h.body.slug}-{h.day.isoformat()}",
            updateddate=h.published_at,
            pubdate=h.published_at,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")
