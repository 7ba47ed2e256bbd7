"""Back-office pages of planning, mounted under /<lang>/staff/planning/."""

from django.urls import path

from esep.planning import views, views_plan

app_name = "planning_staff"
urlpatterns = [
    path("", views.not_reported, name="not_reported"),
    path("trend/", views.trend, name="trend"),
    path("findings/", views.findings, name="findings"),
    path("schedules/", views.schedule_list, name="schedule_list"),
    path("schedules/new/", views.schedule_create, name="schedule_create"),
    path("schedules/<int:pk>/", views.schedule_detail, name="schedule_detail"),
    path("schedules/<int:pk>/print/", views_plan.schedule_print, name="schedule_print"),
    path("plan/", views_plan.plan, name="plan"),
    path("schedules/<int:pk>/<str:action>/", views.schedule_transition, name="schedule_transition"),
]
