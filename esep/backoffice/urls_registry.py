from django.urls import path

from esep.backoffice import views_registry

urlpatterns = [
    path("precincts/", views_registry.precinct_list, name="precinct_list"),
    path("precincts/<int:pk>/", views_registry.precinct_detail, name="precinct_detail"),
    path("precincts/<int:pk>/edit/", views_registry.precinct_edit, name="precinct_edit"),
    path("precincts/<int:pk>/assignments/", views_registry.precinct_assignments, name="precinct_assignments"),
    path("precincts/<int:pk>/coverage/", views_registry.precinct_coverage, name="precinct_coverage"),
    path("assignments/", views_registry.assignment_list, name="assignment_list"),
]
