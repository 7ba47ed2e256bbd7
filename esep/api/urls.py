"""/api/v1/: each domain app registers its viewsets (``register(router)``) and extra paths."""

from importlib import import_module

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from esep.api import registry
from esep.api.auth import TokenView

API_APPS = ["meetings", "planning", "announcements", "questions", "protocols", "appeals", "law", "notifications"]

router = DefaultRouter()
registry.register(router)
extra: list = []
for app in API_APPS:
    module = import_module(f"esep.{app}.api")
    module.register(router)
    extra += getattr(module, "urlpatterns", [])

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    *extra,
    path("", include(router.urls)),
]
