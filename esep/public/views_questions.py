"""Questions in advance, the resident's side: the form and the status by tracking code. Never cached
(they carry a CSRF token); rate-limited per client; nothing stored from a refused submission."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.core import ratelimit
from esep.core.i18n import localized
from esep.public import selectors
from esep.questions.forms import QuestionForm, Rejected
from esep.questions.services import meeting_accepts_questions, question_submit

# Floods: a person rarely sends more than a few questions; a script sends hundreds.
SUBMIT_LIMITS = (("question-10m", 5, 600), ("question-day", 20, 86_400))


@require_http_methods(["GET", "POST"])
def ask(request, code: str):
    meeting = selectors.meeting_by_code(code)
    if meeting is None:
        raise Http404(_("No such meeting."))
    operator = localized(meeting.body, "name")
    context = {"meeting": meeting, "reporters": list(meeting.reporters.all())}
    if not meeting_accepts_questions(meeting):
        context["closed"] = True
        return render(request, "public/ask.html", context, status=410 if request.method == "POST" else 200)
    if request.method != "POST":
        context["form"] = QuestionForm(operator=operator)
        return render(request, "public/ask.html", context)
    for scope, limit, window in SUBMIT_LIMITS:
        if not ratelimit.allow(request, scope, limit=limit, window=window):
            return ratelimit.too_many(request)
    form = QuestionForm(request.POST, operator=operator)
    context["form"] = form
    try:
        form.check_not_automated()
        valid = form.is_valid()
        if valid:
            form.claim()  # atomically, before anything is saved: a re-sent form is refused here
    except Rejected:
        context["form"] = QuestionForm(operator=operator, initial={"text": request.POST.get("text", "")[:2000]})
        context["refused"] = _(
            "Your question was not accepted: the form was sent too fast, expired or was already sent. "
            "Check the text and send it again."
        )
        return render(request, "public/ask.html", context, status=400)
    if not valid:
        return render(request, "public/ask.html", context, status=400)
    try:
        question = question_submit(
            meeting=meeting,
            text=form.cleaned_data["text"],
            author_name=form.cleaned_data["author_name"],
            contact=form.cleaned_data["contact"],
            consent_given=form.cleaned_data["consent"],
            language=get_language() or "kk",
        )
    except ValidationError as exc:
        form.release()
        form.add_error(None, exc)
        return render(request, "public/ask.html", context, status=400)
    # The tracking code is shown once, on this response only.
    return render(request, "public/ask_sent.html", {"meeting": meeting, "question": question}, status=201)


@require_http_methods(["GET", "POST"])
def question_status(request):
    """Replaced by the one tracking page (/track/<code>/, a GET that can be bookmarked); old links and the
    old form still land there."""
    from esep.accountability.tracking import normalise

    code = normalise(request.POST.get("code") or request.GET.get("code") or "")
    if code:
        return redirect("accountability_public:track_code", code=code)
    return redirect("accountability_public:track")
