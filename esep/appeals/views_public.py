"""Public pages: a person follows their appeal with its code; a competent body records its answer through
its link. Nothing here shows another person's data or a staff member's name."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from esep.appeals.forms import AgencyReplyForm
from esep.appeals.models import AppealStatus
from esep.appeals.ratelimit import rate_limited
from esep.appeals.selectors import appeal_by_code, forward_by_token
from esep.appeals.services import AppealError, appeal_record_agency_reply

STATUS_LIMIT_PER_MINUTE = 30
REPLY_LIMIT_PER_MINUTE = 10


def _too_many(request):
    return render(
        request,
        "appeals/message.html",
        {"title": _("Too many requests"), "text": _("Too many requests from your address. Try again in a minute.")},
        status=429,
    )


@never_cache
@require_http_methods(["GET"])
def status(request, code: str):
    if rate_limited(request, "appeal-status", limit=STATUS_LIMIT_PER_MINUTE):
        return _too_many(request)
    appeal = appeal_by_code(code)
    if appeal is None:
        return render(
            request,
            "appeals/message.html",
            {
                "title": _("No appeal with this code"),
                "text": _(
                    "We found no appeal with the code %(code)s. Check the code in the message or ticket you received."
                )
                % {"code": code[:32]},
                "show_lookup": True,
            },
            status=404,
        )
    return render(
        request,
        "appeals/status.html",
        {"appeal": appeal, "events": list(appeal.events.all()), "forward": appeal.current_forward},
    )


@require_http_methods(["GET"])
def lookup(request):
    """The small form on the status pages: go to /appeals/<code>/."""
    from django.shortcuts import redirect

    code = "".join(ch for ch in request.GET.get("code", "").upper() if ch.isalnum())[:32]
    if not code:
        return render(request, "appeals/message.html", {"title": _("Follow your appeal"), "show_lookup": True})
    return redirect("appeals_public:status", code=code)


@never_cache
@require_http_methods(["GET", "POST"])
def reply(request, token: str):
    if rate_limited(request, "appeal-reply", limit=REPLY_LIMIT_PER_MINUTE):
        return _too_many(request)
    forward = forward_by_token(token)
    if forward is None:
        return render(
            request,
            "appeals/message.html",
            {"title": _("This link is not valid"), "text": _("Check that the whole link from the letter was opened.")},
            status=404,
        )
    if forward.replied_at is not None:
        return render(request, "appeals/reply_done.html", {"forward": forward, "already": True})
    form = AgencyReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            forward = appeal_record_agency_reply(
                token=token, **{k: form.cleaned_data[k] for k in ("text", "measures", "number", "name")}
            )
        except AppealError as exc:
            form.add_error(None, str(exc))
        else:
            return render(request, "appeals/reply_done.html", {"forward": forward, "already": False})
    status_code = 400 if request.method == "POST" else 200
    return render(
        request,
        "appeals/reply.html",
        {"forward": forward, "appeal": forward.appeal, "form": form, "answered": AppealStatus.ANSWERED},
        status=status_code,
    )
