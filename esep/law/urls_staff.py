"""Back-office pages of law, mounted under /<lang>/staff/law/."""

from django.urls import path

from esep.law import views

app_name = "law_staff"
urlpatterns = [
    path("", views.rules_in_force, name="rules"),
    path("meetings/<int:pk>/findings/", views.meeting_findings, name="meeting_findings"),
]
