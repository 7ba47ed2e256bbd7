"""Residents' pages of accountability: one tracking page for every code, the public minutes PDF, a question
to the precinct's inspector with no report announced, following a precinct/body/region, "was it fixed?".

Pages with a person's data or a form are never cached; the minutes PDF is (it is the same for everyone)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from esep.accountability import fixcheck, subscriptions, tracking, waiting
from esep.accountability.forms import FixForm, FollowForm, TrackForm
from esep.accountability.models import FollowScope
from esep.accountability.selectors import publication_of
from esep.core import ratelimit
from esep.core.i18n import localized
from esep.police.models import PoliceBody
from esep.public import selectors as public_selectors
from esep.public.cache import public_page
from esep.questions.form_flow import question_form_flow
from esep.questions.forms import Rejected
from esep.territory.models import Level, Territory

TRACK_LIMIT = ("track", 30, 600)
FOLLOW_LIMIT = ("follow", 10, 3600)
FIX_LIMIT = ("fixed", 20, 600)


@never_cache
@require_safe
def track(request):
    """The one place to follow a question or an appeal; the code goes into the address, so the page can be
    bookmarked. ``?code=`` (a form sent by GET) redirects to ``/track/<code>/``."""
    raw = request.GET.get("code", "")
    if raw:
        code = tracking.normalise(raw)
        if code:
            return redirect("accountability_public:track_code", code=code)
        form = TrackForm(request.GET)
        form.is_valid()
        form.add_error("code", _("This is not a tracking code. Check the code in the message or ticket you received."))
        return render(request, "accountability/track.html", {"form": form}, status=400)
    return render(request, "accountability/track.html", {"form": TrackForm()})


@never_cache
@require_safe
def track_code(request, code: str):
    if not ratelimit.allow(request, TRACK_LIMIT[0], limit=TRACK_LIMIT[1], window=TRACK_LIMIT[2]):
        return ratelimit.too_many(request)
    story = tracking.story(code)
    if story is None:
        # The error sits on the code field, read with it (WCAG 3.3.1); a well-formed and a malformed code
        # get the same answer.
        form = TrackForm({"code": code[:40]})
        form.is_valid()
        form.add_error(
            "code",
            _("No question or appeal has this code.")
            + " "
            + _("Check the code in the message or ticket you received."),
        )
        return render(request, "accountability/track.html", {"form": form}, status=404)
    response = render(request, "accountability/track.html", {"form": TrackForm(), "story": story})
    # The code is in the address: links on the page must not pass it on to other sites.
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
@public_page
def minutes_pdf(request, code: str, lang: str):
    from esep.accountability.pdf import public_minutes_pdf
    from esep.protocols.pdf import PDF_LANGUAGES

    meeting = public_selectors.meeting_by_code(code)
    if meeting is None or lang not in PDF_LANGUAGES:
        raise Http404(_("No such meeting."))
    pub = publication_of(meeting)
    if pub is None or not pub.show_minutes or not meeting.protocol.is_signed:
        raise Http404(_("The minutes of this report are not published."))
    response = HttpResponse(public_minutes_pdf(meeting.protocol, pub, lang=lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="esep-minutes-{meeting.code}-{lang}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def precinct_question(request, slug: str, number: str):
    """The poster's QR code when no report is announced: the question waits for the precinct's next report."""
    precinct = public_selectors.precinct_page(slug, number)
    if precinct is None:
        raise Http404(_("No such precinct."))
    upcoming = public_selectors.next_meeting_of_precinct(precinct)
    if upcoming is not None:
        return redirect("public:ask", code=upcoming.code)
    return question_form_flow(
        request,
        operator=localized(precinct.body, "name"),
        template="accountability/precinct_question.html",
        context={"precinct": precinct},
        submit=lambda **fields: waiting.waiting_question_submit(precinct=precinct, **fields),
        sent_template="accountability/precinct_question_sent.html",
        sent_context=lambda row: {"precinct": precinct, "row": row},
    )


def _follow_target(scope: str, key: str):
    if scope == FollowScope.PRECINCT:
        slug, _sep, number = key.partition("/")
        return public_selectors.precinct_page(slug[:80], number[:20])
    if scope == FollowScope.BODY:
        return PoliceBody.objects.filter(slug=key[:80]).first()
    if scope == FollowScope.REGION:
        return Territory.objects.filter(kato=key[:12], level=Level.OBLAST).first()
    return None


def follow_precinct(request, slug: str, number: str):
    return follow(request, FollowScope.PRECINCT, f"{slug}/{number}")


def follow_body(request, slug: str):
    return follow(request, FollowScope.BODY, slug)


def follow_region(request, kato: str):
    return follow(request, FollowScope.REGION, kato)


@require_http_methods(["GET", "POST"])
def follow(request, scope: str, key: str):
    target = _follow_target(scope, key)
    if target is None:
        raise Http404(_("Nothing to follow here."))
    operator = _("the Ministry of Internal Affairs of the Republic of Kazakhstan")
    if scope == FollowScope.PRECINCT:
        operator = localized(target.body, "name")
    elif scope == FollowScope.BODY:
        operator = localized(target, "name")
    context = {"target": target, "target_name": localized(target, "name"), "scope": scope}
    if request.method != "POST":
        context["form"] = FollowForm(operator=operator)
        return render(request, "accountability/follow.html", context)
    if not ratelimit.allow(request, FOLLOW_LIMIT[0], limit=FOLLOW_LIMIT[1], window=FOLLOW_LIMIT[2]):
        return ratelimit.too_many(request)
    form = FollowForm(request.POST, operator=operator)
    context["form"] = form
    try:
        valid = form.accept()
    except Rejected:
        context["form"] = FollowForm(operator=operator)
        context["refused"] = _("The form was sent too fast, expired or was already sent. Please send it again.")
        return render(request, "accountability/follow.html", context, status=400)
    if not valid:
        return render(request, "accountability/follow.html", context, status=400)
    try:
        subscriptions.subscription_request(
            email=form.cleaned_data["email"],
            scope=scope,
            target=target,
            language=get_language() or "kk",
            consent_given=form.cleaned_data["consent"],
        )
    except ValidationError as exc:
        form.release()
        form.add_error(None, exc)
        return render(request, "accountability/follow.html", context, status=400)
    context["sent"] = True
    return render(request, "accountability/follow.html", context, status=201)


@never_cache
@require_safe
def follow_confirm(request, token: str):
    sub = subscriptions.subscription_confirm(token=token)
    if sub is None:
        return render(
            request,
            "public/error.html",
            {
                "title": _("This link is not valid"),
                "message": _("Check that the whole link from the letter was opened."),
            },
            status=404,
        )
    return render(request, "accountability/follow_done.html", {"sub": sub, "what": subscriptions.target_name(sub)})


@never_cache
@csrf_exempt  # the token in the address is the authority; the page carries no session
@require_http_methods(["GET", "POST"])
def follow_unsubscribe(request, token: str):
    """GET shows one button (mail scanners open links; they must not unsubscribe anyone); POST unsubscribes."""
    sub = subscriptions.subscription_by_token(token)
    if sub is None:
        return render(
            request,
            "public/error.html",
            {
                "title": _("This link is not valid"),
                "message": _("Check that the whole link from the letter was opened."),
            },
            status=404,
        )
    if request.method == "POST":
        sub = subscriptions.subscription_unsubscribe(token=token)
    return render(request, "accountability/unsubscribe.html", {"sub": sub, "what": subscriptions.target_name(sub)})


@never_cache
@require_http_methods(["GET", "POST"])
def fixed(request, token: str):
    check = fixcheck.fixcheck_by_token(token)
    if check is None:
        raise Http404(_("This link is not valid."))
    form = FixForm(request.POST or None)
    context = {"check": check, "form": form}
    if request.method == "POST":
        if not ratelimit.allow(request, FIX_LIMIT[0], limit=FIX_LIMIT[1], window=FIX_LIMIT[2]):
            return ratelimit.too_many(request)
        if not form.is_valid():
            return render(request, "accountability/fixed.html", context, status=400)
        try:
            check = fixcheck.fixcheck_answer(
                token=token, answer=form.cleaned_data["answer"], comment=form.cleaned_data["comment"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return render(request, "accountability/fixed.html", context, status=409)
        context["check"] = check
    return render(request, "accountability/fixed.html", context)
