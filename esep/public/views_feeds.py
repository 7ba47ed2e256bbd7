"""Calendars (iCal per meeting, per police body, per precinct), the Atom feed, and entrance posters."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from esep.core import clock
from esep.core.i18n import localized
from esep.meetings.models import Meeting
from esep.police.models import PoliceBody
from esep.police.selectors import inspector_on
from esep.public import ical, selectors
from esep.public.cache import public_page
from esep.public.forms import MeetingFilterForm
from esep.public.links import meeting_url

ICAL_TYPE = "text/calendar; charset=utf-8"
FEED_SIZE = 50


def _ics(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type=ICAL_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@public_page
def meeting_ics(request, code: str):
    obj = selectors.meeting_by_code(code)
    if obj is None:
        raise Http404(_("No such meeting."))
    return _ics(ical.calendar([obj], name=str(obj.get_kind_display())), f"esep-{obj.code}.ics")


@require_safe
@public_page
def body_ics(request, slug: str):
    obj = PoliceBody.objects.filter(slug=slug).first()
    if obj is None:
        raise Http404(_("No such police body."))
    rows = selectors.feed_meetings(selectors.body_meetings(obj).order_by("-starts_at"), 100)
    return _ics(ical.calendar(rows, name=obj.name), f"esep-{obj.slug}.ics")


@require_safe
@public_page
def precinct_ics(request, slug: str, number: str):
    obj = selectors.precinct_by_number(slug, number)
    if obj is None:
        raise Http404(_("No such precinct."))
    rows = selectors.feed_meetings(selectors.precinct_meetings(obj).order_by("-starts_at"), 100)
    return _ics(ical.calendar(rows, name=obj.name), f"esep-{obj.body.slug}-{obj.number}.ics")


def _atom(request, rows, *, title: str, link: str) -> HttpResponse:
    feed = Atom1Feed(
        title=title,
        link=settings.SITE_URL + link,
        description=_("Meetings announced in Esep."),
        language=request.LANGUAGE_CODE,
        feed_url=settings.SITE_URL + request.get_full_path(),
    )
    kinds = selectors.choice_labels(Meeting, "kind")
    statuses = selectors.choice_labels(Meeting, "status")
    for m in rows:
        when = timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M")
        reporters = ", ".join(m.reporter_names)
        feed.add_item(
            title=f"{kinds.get(m.kind, m.kind)} · {localized(m.body, 'name')} · {when}",
            link=settings.SITE_URL + meeting_url(m),
            description=" · ".join(p for p in (m.venue, reporters, statuses.get(m.status, m.status)) if p),
            unique_id=f"urn:esep:meeting:{m.code}",
            pubdate=m.published_at,
            updateddate=m.updated_at,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")


def _feed_rows(qs):
    return selectors.feed_meetings(qs.filter(published_at__isnull=False).order_by("-published_at"), FEED_SIZE)


@require_safe
@public_page
def atom(request):
    """Newly announced meetings, newest first. ``?region=`` and ``?district=`` (KATO codes) filter exactly as
    on the list of meetings (the same form and the same territory rule)."""
    form = MeetingFilterForm(request.GET or None)
    territory = None
    if form.is_bound:
        if not form.is_valid():
            return HttpResponse(
                " ".join(" ".join(e) for e in form.errors.values()),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        territory = form.cleaned_data.get("district") or form.cleaned_data.get("region")
    qs = selectors.public_meetings()
    title = _("Reports of the police to the population")
    if territory is not None:
        qs = selectors.in_territory(qs, territory)
        title = f"{title} · {territory.name}"
    query = request.GET.urlencode()
    link = reverse("public:meetings") + (f"?{query}" if query else "")
    return _atom(request, _feed_rows(qs), title=title, link=link)


@require_safe
@public_page
def body_atom(request, slug: str):
    obj = PoliceBody.objects.filter(slug=slug).first()
    if obj is None:
        raise Http404(_("No such police body."))
    rows = _feed_rows(selectors.public_meetings().filter(body=obj))
    return _atom(request, rows, title=localized(obj, "name"), link=reverse("public:body", args=[obj.slug]))


@require_safe
@public_page
def precinct_atom(request, slug: str, number: str):
    obj = selectors.precinct_by_number(slug, number)
    if obj is None:
        raise Http404(_("No such precinct."))
    rows = _feed_rows(selectors.public_meetings().filter(precincts=obj))
    return _atom(request, rows, title=localized(obj, "name"), link=reverse("public:precinct", args=[slug, number]))


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@public_page
def meeting_poster(request, code: str):
    from esep.announcements.poster import poster_pdf

    obj = selectors.meeting_by_code(code)
    if obj is None or not obj.is_public:
        raise Http404(_("No such meeting."))
    reporter = next((r for r in obj.reporters.all() if r.precinct_id), None)
    if reporter is None:
        raise Http404(_("This meeting has no precinct to make a poster for."))
    pdf = poster_pdf(precinct=reporter.precinct, officer=reporter.officer, meeting=obj)
    return _pdf(pdf, f"esep-{obj.code}.pdf")


@require_safe
@public_page
def precinct_poster(request, slug: str, number: str):
    from esep.announcements.poster import poster_pdf

    obj = selectors.precinct_page(slug, number)
    if obj is None:
        raise Http404(_("No such precinct."))
    found = inspector_on(obj, clock.localdate())
    pdf = poster_pdf(
        precinct=obj, officer=found.officer if found else None, meeting=selectors.next_meeting_of_precinct(obj)
    )
    return _pdf(pdf, f"esep-{obj.body.slug}-{obj.number}.pdf")
