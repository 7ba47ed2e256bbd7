from django.urls import path

from esep.protocols import views_public

app_name = "seal"

urlpatterns = [
    path("", views_public.heads, name="heads"),
    path("feed.atom", views_public.heads_atom, name="heads_atom"),
]
