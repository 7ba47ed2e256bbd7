"""/api/v1/: every installed Esep app that has an ``api`` module registers its viewsets there
(``register(router)``) and may add paths (``urlpatterns``); apps without an API have no such module."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from esep.api import registry
from esep.api.auth import TokenView

API_MODULES = [
    f"{config.name}.api"
    for config in apps.get_app_configs()
    if config.name.startswith("esep.") and config.name != "esep.api" and find_spec(f"{config.name}.api")
]

router = DefaultRouter()
registry.register(router)
extra: list = []
for name in API_MODULES:
    module = import_module(name)
    module.register(router)
    extra += getattr(module, "urlpatterns", [])

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    *extra,
    path("", include(router.urls)),
]
