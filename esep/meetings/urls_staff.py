"""Back-office pages of meetings, mounted under /<lang>/staff/meetings/."""

from django.urls import path

from esep.meetings import views_plan as plan
from esep.meetings import views_staff as v

app_name = "meetings_staff"
urlpatterns = [
    path("", v.meeting_list, name="list"),
    path("new/", plan.meeting_new, name="new"),
    path("<int:pk>/edit/", plan.meeting_edit, name="edit"),
    path("<int:pk>/reschedule/", plan.meeting_reschedule, name="reschedule"),
    path("<int:pk>/", v.workspace, name="workspace"),
    path("<int:pk>/invitations/", v.invitations, name="invitations"),
    path("<int:pk>/door/", v.door, name="door"),
    path("<int:pk>/qr.svg", v.qr, name="qr"),
    path("<int:pk>/video/", v.video, name="video"),
    path("<int:pk>/awards/", v.award, name="award"),
    path("<int:pk>/status/", v.status, name="status"),
    path("<int:pk>/summary/", v.summary, name="summary"),
]
