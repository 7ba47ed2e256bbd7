from django.urls import path

from esep.evaluation import views_staff as v

app_name = "evaluation_staff"
urlpatterns = [
    path("", v.scores, name="scores"),
    path("criteria/", v.criteria, name="criteria"),
    path("criteria/<int:pk>/", v.criteria_region, name="criteria_region"),
]
