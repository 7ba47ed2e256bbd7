"""Residents' pages of the evaluation's criteria (under /<lang>/evaluation/)."""

from django.urls import path

from esep.evaluation import views_public as v

app_name = "evaluation_public"
urlpatterns = [
    path("criteria/", v.criteria_index, name="criteria"),
    path("criteria/<str:kato>/", v.criteria_region, name="criteria_region"),
]
