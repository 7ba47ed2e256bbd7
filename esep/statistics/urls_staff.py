from django.urls import path

from esep.statistics import views_staff

app_name = "statistics_staff"

urlpatterns = [path("prevention/", views_staff.prevention, name="prevention")]
