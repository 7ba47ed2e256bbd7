"""The resident's question form, one flow for every page that takes a question: a question in advance of an
announced report (esep/public/views_questions.py) and a question to the precinct's inspector between reports
(esep/accountability/views_public.py). Both render the same fields (``questions/_question_form.html``).

What the flow does, in this order, so both pages refuse the same things with the same answers:
rate limits per client (429, ``esep.core.ratelimit``); the honeypot, the minimum fill time and the one-use
form token (400, the text kept in a fresh form); field validation with consent for a name or contact (400);
the caller's service (a ValidationError gives 400 and frees the token, nothing stored); the page with the
tracking code (201, shown on this response only). Never cached: the form carries a CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from esep.core import ratelimit
from esep.questions.forms import QuestionForm, Rejected

# Floods: a person rarely sends more than a few questions; a script sends hundreds. Both pages count
# against the same limits.
SUBMIT_LIMITS = (("question-10m", 5, 600), ("question-day", 20, 86_400))
TEXT_KEPT = 2000


def question_form_flow(
    request: HttpRequest,
    *,
    operator: str,
    template: str,
    context: dict[str, Any],
    submit: Callable[..., Any],
    sent_template: str,
    sent_context: Callable[[Any], dict[str, Any]],
) -> HttpResponse:
    """Show the question form (GET) or take one (POST). ``submit`` is the service that stores the question,
    called with ``text``, ``author_name``, ``contact``, ``consent_given`` and ``language``; its result goes to
    ``sent_context`` for the page that shows the tracking code. ``operator`` names the personal data operator
    in the consent text (the police body)."""
    if request.method != "POST":
        context["form"] = QuestionForm(operator=operator)
        return render(request, template, context)
    for scope, limit, window in SUBMIT_LIMITS:
        if not ratelimit.allow(request, scope, limit=limit, window=window):
            return ratelimit.too_many(request)
    form = QuestionForm(request.POST, operator=operator)
    context["form"] = form
    try:
        valid = form.accept()
    except Rejected:
        context["form"] = QuestionForm(operator=operator, initial={"text": request.POST.get("text", "")[:TEXT_KEPT]})
        context["refused"] = _(
            "Your question was not accepted: the form was sent too fast, expired or was already sent. "
            "Check the text and send it again."
        )
        return render(request, template, context, status=400)
    if not valid:
        return render(request, template, context, status=400)
    try:
        result = submit(
            text=form.cleaned_data["text"],
            author_name=form.cleaned_data["author_name"],
            contact=form.cleaned_data["contact"],
            consent_given=form.cleaned_data["consent"],
            language=get_language() or "kk",
        )
    except ValidationError as exc:
        form.release()
        form.add_error(None, exc)
        return render(request, template, context, status=400)
    return render(request, sent_template, sent_context(result), status=201)
