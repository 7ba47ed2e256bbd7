"""Public pages: a person follows their appeal with its code; a competent body records its answer through
its link. Nothing here shows another person's data or a staff member's name."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from esep.appeals.forms import AgencyReplyForm, WithdrawConsentForm
from esep.appeals.models import AppealStatus
from esep.appeals.selectors import forward_by_token
from esep.appeals.services import AppealError, appeal_record_agency_reply
from esep.core import ratelimit
from esep.workflows.personal_data import personal_data_withdraw

STATUS_LIMIT_PER_MINUTE = 30
REPLY_LIMIT_PER_MINUTE = 10
# A person withdraws consent once or twice; a script guessing codes is stopped here.
WITHDRAW_LIMIT = 10
WITHDRAW_WINDOW_SECONDS = 600


def _too_many(request):
    return render(
        request,
        "appeals/message.html",
        {"title": _("Too many requests"), "text": _("Too many requests from your address. Try again in a minute.")},
        status=429,
    )


@require_http_methods(["GET"])
def status(request, code: str):
    """Replaced by the one tracking page for every code; old links (tickets, messages) land there."""
    return redirect("accountability_public:track_code", code=code[:40])


@require_http_methods(["GET"])
def lookup(request):
    """The old lookup form: go to the one tracking page."""
    code = request.GET.get("code", "")[:60]
    if code:
        return redirect(reverse("accountability_public:track") + "?" + urlencode({"code": code}))
    return redirect("accountability_public:track")


@never_cache
@require_http_methods(["GET", "POST"])
def reply(request, token: str):
    if not ratelimit.allow(request, "appeal-reply", limit=REPLY_LIMIT_PER_MINUTE, window=60):
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
        # One answer per link: a second submission is refused (409) and changes nothing.
        status = 409 if request.method == "POST" else 200
        return render(request, "appeals/reply_done.html", {"forward": forward, "already": True}, status=status)
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


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw_consent(request):
    """Law on personal data art. 8: a person with a question's or an appeal's code withdraws consent; the
    contact (and a question's name) is deleted at once, well within the legal term."""
    if request.method == "GET":
        return render(request, "appeals/withdraw.html", {"form": WithdrawConsentForm()})
    if not ratelimit.allow(request, "consent-withdraw", limit=WITHDRAW_LIMIT, window=WITHDRAW_WINDOW_SECONDS):
        return render(
            request,
            "appeals/message.html",
            {"title": _("Too many requests"), "text": _("Too many attempts from your address. Try again later.")},
            status=429,
        )
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        return render(request, "appeals/withdraw.html", {"form": form}, status=400)
    result = personal_data_withdraw(code=form.cleaned_data["code"])
    if result is None:
        form.add_error("code", _("No question or appeal has this code. Check the code in the message you received."))
        return render(request, "appeals/withdraw.html", {"form": form}, status=404)
    return render(request, "appeals/withdraw_done.html", result)
