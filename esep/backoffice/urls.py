"""The staff side: /<lang>/staff/. Each domain app mounts its own pages here (urls_staff.py)."""

from django.urls import include, path

from esep.backoffice import views, views_causes

app_name = "backoffice"

STAFF_APPS = [
    "meetings",
    "planning",
    "announcements",
    "questions",
    "protocols",
    "appeals",
    "complaints",
    "law",
    "notifications",
]

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("registry/", include("esep.backoffice.urls_registry")),
    path("causes/", views_causes.causes, name="causes"),
]
# The apps' staff pages (STAFF_APPS) are mounted in esep/urls.py at /<lang>/staff/<app>/, outside this
# namespace, so that they reverse as "<app>_staff:<name>" as the staff menu expects.
