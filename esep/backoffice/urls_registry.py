from django.urls import path

from esep.backoffice import views_registry

urlpatterns = [
    path("precincts/", views_registry.precinct_list, name="precinct_list"),
    path("precincts/<int:pk>/", views_registry.precinct_detail, name="precinct_detail"),
    path("precincts/<int:pk>/edit/", views_registry.precinct_edit, name="precinct_edit"),
]
