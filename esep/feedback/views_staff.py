"""The small moderation list: residents' comments on reports, approved or rejected by the staff of the
meeting's body (restrict(..., CHANGE) scopes both the list and each action)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from esep.accounts.permissions import Action, restrict
from esep.core.staff import staff_required
from esep.feedback import services
from esep.feedback.models import Rating
from esep.feedback.selectors import moderation_queue

ACTIONS = {"approve": services.rating_comment_approve, "reject": services.rating_comment_reject}


@login_required
@staff_required
def moderation(request):
    return render(request, "feedback/moderation.html", {"rows": list(moderation_queue(request.user)[:200])})


@login_required
@staff_required
@require_POST
def moderate(request, pk: int, action: str):
    service = ACTIONS.get(action)
    if service is None:
        raise Http404(_("No such action."))
    rating = restrict(Rating.objects.all(), request.user, Action.MODERATE).filter(pk=pk).first()
    if rating is None:
        raise Http404(_("No such comment."))
    try:
        service(rating=rating, actor=request.user)
    except PermissionDenied:
        raise
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The comment was approved.") if action == "approve" else _("The comment was rejected.")
        )
    return redirect("feedback_staff:moderation")
