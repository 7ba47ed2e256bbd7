"""Public pages of a meeting that belong to holding it (self-registration by QR), under /<lang>/m/."""

from django.urls import path

from esep.meetings import views_public as v

app_name = "meetings_public"
urlpatterns = [
    path("invitation/<str:token>/", v.invitation, name="invitation"),
    path("<str:code>/register", v.register, name="register"),
    path("<str:code>/register/", v.register),
]
