"""Back-office pages of questions, mounted under /<lang>/staff/questions/."""

from django.urls import path

from esep.questions import views_staff

app_name = "questions_staff"
urlpatterns = [
    path("", views_staff.queue, name="queue"),
    path("<int:pk>/<slug:action>/", views_staff.act, name="act"),
]
