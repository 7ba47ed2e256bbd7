"""The resident's rating form. Never cached (it carries a CSRF token); rate-limited through the one shared
limiter; nothing stored from a refused submission."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.core import ratelimit
from esep.feedback import services
from esep.feedback.forms import RatingForm
from esep.public import selectors
from esep.questions.forms import Rejected

# A person rates a few reports a month; a script trying to move an average sends hundreds.
SUBMIT_LIMITS = (("rating-10m", 5, 600), ("rating-day", 20, 86_400))
TEMPLATE = "feedback/rate.html"


@require_http_methods(["GET", "POST"])
def rate(request, code: str):
    meeting = selectors.meeting_by_code(code)
    if meeting is None:
        raise Http404(_("No such meeting."))
    state = services.rating_state(meeting)
    context = {"meeting": meeting, "state": state, "closes_at": services.rating_closes_at(meeting)}
    if state == services.CLOSED:
        return render(request, TEMPLATE, context, status=410)
    if state == services.NOT_YET:
        return render(request, TEMPLATE, context, status=400 if request.method == "POST" else 200)
    if request.method != "POST":
        context["form"] = RatingForm()
        return render(request, TEMPLATE, context)
    for scope, limit, window in SUBMIT_LIMITS:
        if not ratelimit.allow(request, scope, limit=limit, window=window):
            return ratelimit.too_many(request)
    form = RatingForm(request.POST)
    context["form"] = form
    try:
        valid = form.accept()
    except Rejected:
        context["form"] = RatingForm(initial={"comment": request.POST.get("comment", "")[:1000]})
        context["refused"] = _(
            "Your rating was not accepted: the form was sent too fast, expired or was already sent. "
            "Check it and send it again."
        )
        return render(request, TEMPLATE, context, status=400)
    if not valid:
        return render(request, TEMPLATE, context, status=400)
    try:
        services.rating_submit(
            meeting=meeting,
            client_key=services.client_key(ratelimit.client_id(request), meeting),
            score=form.cleaned_data["score"],
            answered=form.cleaned_data["answered"],
            comment=form.cleaned_data["comment"],
            language=get_language() or "kk",
        )
    except ValidationError as exc:
        form.release()
        form.add_error(None, exc)
        return render(request, TEMPLATE, context, status=400)
    context["sent"] = True
    context["has_comment"] = bool(form.cleaned_data["comment"])
    return render(request, TEMPLATE, context, status=201)
