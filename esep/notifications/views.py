"""Staff page: the messages sent about one object (an appeal, a meeting...)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from esep.core.staff import staff_required
from esep.notifications.selectors import messages_for, related_object_for


@login_required
@staff_required
def object_messages(request):
    obj = related_object_for(request.user, request.GET.get("object", "")[:120])
    if obj is None:
        raise Http404(_("No such object, or it is outside your area."))
    return render(request, "notifications/object_messages.html", {"object": obj, "messages_": messages_for(obj)[:500]})
