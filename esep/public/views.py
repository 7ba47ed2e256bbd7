"""The residents' pages: find a precinct, see the inspector, follow meetings. Anonymous GETs are cached
(esep.public.cache.public_page) and every page works without JavaScript."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from esep.core import clock
from esep.core.collation import number_sql_order, sort_by, sort_places
from esep.police.models import PoliceBody, StreetRange
from esep.police.selectors import inspector_on, precinct_at
from esep.public import selectors
from esep.public.cache import public_page
from esep.public.forms import LocationForm, MeetingFilterForm
from esep.questions.selectors import public_questions
from esep.territory import search as territory_search
from esep.territory.models import Level, Territory

SEARCH_PAGE = 20
SEARCH_MAX_PAGES = 5


def _search_results(query: str, *, limit: int) -> tuple[list[dict], bool]:
    """Search hits for the results list, and whether there are more than ``limit``. A trailing house
    number ("Сатпаева 15") picks, on each street found, the range that covers the house."""
    text, house = territory_search.split_house(query)
    hits = territory_search.search(text, limit=limit + 1)
    more = len(hits) > limit
    hits = hits[:limit]
    ids = [h.id for h in hits if h.kind == "territory"]
    territories = Territory.objects.select_related("parent", "parent__parent").in_bulk(ids)
    street_names = dict(StreetRange.objects.filter(id__in=[h.id for h in hits if h.kind == "street"])
                        .values_list("id", "street_kk"))  # fmt: skip
    ranges: dict[str, list[StreetRange]] = {}
    if street_names:
        rows = (
            StreetRange.objects.filter(street_kk__in=set(street_names.values()))
            .select_related("settlement", "precinct", "precinct__body")
            .order_by("settlement__kato", "house_from", "id")
        )
        for sr in rows[:500]:
            ranges.setdefault(sr.street_kk, []).append(sr)
    results: list[dict] = []
    for hit in hits:
        if hit.kind == "territory" and hit.id in territories:
            t = territories[hit.id]
            results.append({"kind": "territory", "territory": t, "ancestors": [a for a in (t.parent,) if a]})
        elif hit.kind == "street" and hit.id in street_names:
            by_settlement: dict[int, list[StreetRange]] = {}
            for sr in ranges.get(street_names[hit.id], []):
                by_settlement.setdefault(sr.settlement_id, []).append(sr)
            for rows_in_place in by_settlement.values():
                covering = [sr for sr in rows_in_place if house is not None and sr.covers(house)]
                results.append(
                    {"kind": "street", "street": rows_in_place[0], "ranges": covering or rows_in_place,
                     "house": house if covering else None}
                )  # fmt: skip
    if house is not None:  # the address the resident typed comes first, larger cities before smaller
        results.sort(
            key=lambda r: (r.get("house") is None, -((r.get("street") and r["street"].settlement.population) or 0))
        )
    return results, more


@require_safe
@public_page
def home(request):
    form = LocationForm(request.GET or None)
    if "lat" in request.GET or "lon" in request.GET:
        if form.is_valid():
            # A precinct whose area contains the point first; the district where no area is known.
            found = precinct_at(form.cleaned_data["lat"], form.cleaned_data["lon"])
            if found is not None:
                return redirect("public:precinct", slug=found.body.slug, number=found.number)
            district = selectors.district_at(form.cleaned_data["lat"], form.cleaned_data["lon"])
            if district is not None:
                return redirect("public:territory", kato=district.kato)
            return render(
                request, "public/home.html", {"regions": selectors.regions(), "located_nowhere": True}, status=404
            )
        return render(request, "public/home.html", {"regions": selectors.regions(), "form": form}, status=400)
    query = (request.GET.get("q") or "").strip()[:200]
    context = {"q": query, "regions": [] if query else selectors.regions()}
    if query:
        pages = request.GET.get("more", "1")
        pages = min(int(pages), SEARCH_MAX_PAGES) if pages.isdigit() and int(pages) > 0 else 1
        context["results"], more = _search_results(query, limit=SEARCH_PAGE * pages)
        if more and pages < SEARCH_MAX_PAGES:
            context["more_url"] = "?" + urlencode({"q": query, "more": pages + 1})
        context["too_many"] = more and pages >= SEARCH_MAX_PAGES
    return render(request, "public/home.html", context)


@require_safe
@public_page
def territory(request, kato: str):
    terr = Territory.objects.select_related("parent", "parent__parent").filter(kato=kato[:12]).first()
    if terr is None:
        raise Http404(_("No such place."))
    context = {"territory": terr, "ancestors": terr.ancestors()}
    if terr.level == Level.SETTLEMENT:
        context["cards"] = selectors.precinct_cards(selectors.precincts_of_territory(terr))
    else:
        context["children"] = selectors.children(terr)
        context["bodies"] = selectors.bodies_of_territory(terr)
        if terr.level != Level.OBLAST:
            context["cards"] = selectors.precinct_cards(selectors.precincts_of_territory(terr))
    context["meetings"] = selectors.meetings_in_order(selectors.upcoming_meeting_ids(territory=terr)[:10])
    return render(request, "public/territory.html", context)


@require_safe
@public_page
def body(request, slug: str):
    obj = PoliceBody.objects.select_related("territory", "parent").filter(slug=slug).first()
    if obj is None:
        raise Http404(_("No such police body."))
    precincts = list(
        obj.precincts.select_related("point", "body").defer("area").order_by(*number_sql_order("number"))[:500]
    )
    now = clock.now()
    meetings = selectors.body_meetings(obj).select_related("body")
    return render(
        request,
        "public/body.html",
        {
            "body": obj,
            "cards": selectors.precinct_cards(precincts),
            "children": sort_by(obj.children.all(), key=lambda b: b.name),
            "upcoming": list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:10]),
            "past": list(
                meetings.filter(starts_at__lt=now, status__in=selectors.PAST_STATUSES).order_by("-starts_at")[:10]
            ),
        },
    )


@require_safe
@public_page
def precinct(request, slug: str, number: str):
    obj = selectors.precinct_page(slug, number)
    if obj is None:
        raise Http404(_("No such precinct."))
    upcoming, past = selectors.next_and_past_of_precinct(obj)
    return render(
        request,
        "public/precinct.html",
        {
            "precinct": obj,
            "settlements": sort_places(obj.settlements.all(), key=lambda t: t.name),
            "inspector": inspector_on(obj, clock.localdate()),
            "next_meeting": upcoming,
            "past": past,
        },
    )


@require_safe
@public_page
def meeting(request, code: str):
    obj = selectors.meeting_by_code(code)
    if obj is None:
        raise Http404(_("No such meeting."))
    from esep.questions.services import meeting_accepts_questions

    return render(
        request,
        "public/meeting.html",
        {
            "meeting": obj,
            "reporters": list(obj.reporters.all()),
            "questions": list(public_questions(obj.pk)[:100]),
            "accepts_questions": meeting_accepts_questions(obj),
            # Residents who planned to come need the old date and the reason; a held meeting's page stays lean.
            "date_changes": list(obj.changes.filter(kind="rescheduled")) if obj.status == "announced" else [],
        },
    )


@require_safe
@public_page
def meetings(request):
    form = MeetingFilterForm(request.GET or None)
    status = 200
    territory_filter = date_from = date_to = None
    if form.is_bound:
        if form.is_valid():
            territory_filter = form.cleaned_data.get("district") or form.cleaned_data.get("region")
            date_from, date_to = form.cleaned_data.get("date_from"), form.cleaned_data.get("date_to")
        else:
            status = 400
    ids = selectors.upcoming_meeting_ids(territory=territory_filter, date_from=date_from, date_to=date_to)
    page = Paginator(ids, 30).get_page(request.GET.get("page"))
    page.object_list = selectors.meetings_in_order(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "public/meetings.html", {"form": form, "page": page, "query": query.urlencode()}, status=status
    )


def hello(request):
    """The bare view public pages are measured against (bench/public_pages.py)."""
    return HttpResponse("hello", content_type="text/plain")


@require_safe
def precinct_ask(request, slug: str, number: str):
    """The question form of a precinct's next meeting (the QR code on a poster without a meeting)."""
    obj = selectors.precinct_page(slug, number)
    if obj is None:
        raise Http404(_("No such precinct."))
    upcoming = selectors.next_meeting_of_precinct(obj)
    if upcoming is None:
        # The poster's QR code always works: the question waits for the precinct's next report.
        return redirect("accountability_public:precinct_question", slug=slug, number=number)
    return redirect(reverse("public:ask", kwargs={"code": upcoming.code}))
