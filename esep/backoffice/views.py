"""The staff dashboard: what needs doing today, restricted to the user's scope."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from esep.core.panels import panels_for
from esep.core.staff import staff_required


@login_required
@staff_required
def dashboard(request):
    return render(request, "backoffice/dashboard.html", {"panels": panels_for(request.user)})
