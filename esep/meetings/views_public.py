"""Public pages for holding a meeting: an invitee's reply without an account, and self-registration by QR."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esep.meetings import forms, services
from esep.meetings.models import Invitation, Meeting, MeetingStatus, RegistrationMethod

# Many people register from one mobile network address at the door; this stops scripts, not a crowd.
RATE_LIMIT = 60
RATE_WINDOW_SECONDS = 600


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _rate_limited(request, scope: str) -> bool:
    key = f"esep:rl:{scope}:{_client_ip(request)}"
    added = cache.add(key, 1, RATE_WINDOW_SECONDS)
    if added:
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        return False
    return count > RATE_LIMIT


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    inv = Invitation.objects.select_related("meeting", "meeting__body").filter(token=token[:40]).first()
    if inv is None:
        raise Http404(_("This invitation link is not valid. Check that the whole link from the letter was opened."))
    error = ""
    if request.method == "POST":
        if _rate_limited(request, "invitation"):
            error = _("Too many attempts from this connection. Please try again later.")
            return _invitation_page(request, inv, error, status=429)
        form = forms.InvitationReplyForm(request.POST)
        if not form.is_valid():
            error = " ".join(" ".join(errors) for errors in form.errors.values())
        elif form.cleaned_data["website"]:
            # A bot filled the hidden field: store nothing.
            error = _("Your reply could not be accepted. Please try again.")
        else:
            try:
                inv = services.invitation_reply(
                    token=inv.token, accept=form.cleaned_data["answer"] == "accept", note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
    return _invitation_page(request, inv, error, status=400 if error else 200)


def _invitation_page(request, inv, error: str, *, status: int):
    return render(
        request,
        "meetings/public_invitation.html",
        {"invitation": inv, "meeting": inv.meeting, "error": error},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def register(request, code: str):
    """Self-registration by QR code (Order 652 p.32). Public, honeypot, rate-limited, idempotent."""
    meeting = Meeting.objects.select_related("body").filter(code=code[:12]).first()
    if meeting is None or meeting.status in {MeetingStatus.DRAFT}:
        raise Http404(_("No such meeting."))
    form = forms.SelfRegistrationForm(request.POST or None)
    context = {"meeting": meeting, "form": form, "done": None}
    if request.method == "POST":
        if _rate_limited(request, f"register:{meeting.pk}"):
            context["error"] = _("Too many registrations from this connection. Please register at the door.")
            return render(request, "meetings/public_register.html", context, status=429)
        if not form.is_valid():
            return render(request, "meetings/public_register.html", context, status=400)
        data = form.cleaned_data
        if data["website"]:
            # A bot filled the hidden field: answer as if registered, store nothing.
            context["done"] = data["full_name"]
            return render(request, "meetings/public_register.html", context)
        try:
            _person, created = services.participant_register(
                meeting=meeting,
                full_name=data["full_name"],
                residence=data["residence"],
                method=RegistrationMethod.SELF,
                eligibility_declared=data["eligible"],
                contact=data["contact"],
                contact_consent=data["consent"],
            )
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            return render(request, "meetings/public_register.html", context, status=400)
        context["done"] = data["full_name"]
        context["created"] = created
    return render(request, "meetings/public_register.html", context)
