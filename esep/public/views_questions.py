"""Questions in advance, the resident's side: the form and the status by tracking code. The form's flow
(rate limits, honeypot, one-use token, consent, the page with the code) is esep.questions.form_flow, shared
with the question between reports. Never cached (they carry a CSRF token); nothing stored from a refused
submission."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.core.i18n import localized
from esep.public import selectors
from esep.questions.form_flow import question_form_flow
from esep.questions.services import meeting_accepts_questions, question_submit


@require_http_methods(["GET", "POST"])
def ask(request, code: str):
    meeting = selectors.meeting_by_code(code)
    if meeting is None:
        raise Http404(_("No such meeting."))
    context = {"meeting": meeting, "reporters": list(meeting.reporters.all())}
    if not meeting_accepts_questions(meeting):
        context["closed"] = True
        return render(request, "public/ask.html", context, status=410 if request.method == "POST" else 200)
    return question_form_flow(
        request,
        operator=localized(meeting.body, "name"),
        template="public/ask.html",
        context=context,
        submit=lambda **fields: question_submit(meeting=meeting, **fields),
        # The tracking code is shown once, on this response only.
        sent_template="public/ask_sent.html",
        sent_context=lambda question: {"meeting": meeting, "question": question},
    )


@require_http_methods(["GET", "POST"])
def question_status(request):
    """Replaced by the one tracking page (/track/<code>/, a GET that can be bookmarked); old links and the
    old form still land there."""
    from esep.accountability.tracking import normalise

    code = normalise(request.POST.get("code") or request.GET.get("code") or "")
    if code:
        return redirect("accountability_public:track_code", code=code)
    return redirect("accountability_public:track")
