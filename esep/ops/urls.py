"""Operations endpoints outside the language prefix: /healthz, /readyz, /metrics."""

from django.urls import path

from esep.ops import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.metrics_view, name="metrics"),
]
