"""Back-office pages of appeals, mounted under /<lang>/staff/appeals/."""

from django.urls import path

from esep.appeals import views_staff

app_name = "appeals_staff"
urlpatterns = [
    path("", views_staff.appeal_list, name="list"),
    path("new/", views_staff.appeal_create, name="create"),
    path("<int:pk>/", views_staff.appeal_detail, name="detail"),
    path("<int:pk>/agency-answer/", views_staff.agency_answer, name="agency_answer"),
    path("<int:pk>/<slug:action>/", views_staff.appeal_action, name="action"),
]
