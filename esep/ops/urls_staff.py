"""The administrator's page of background jobs, under /<lang>/staff/ops/."""

from django.urls import path

from esep.ops import views

app_name = "ops_staff"
urlpatterns = [path("jobs/", views.jobs_page, name="jobs")]
