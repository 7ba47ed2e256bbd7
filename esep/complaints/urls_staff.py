"""Back-office pages of the register of complaints about officers, mounted under /<lang>/staff/complaints/."""

from django.urls import path

from esep.complaints import views_staff

app_name = "complaints_staff"
urlpatterns = [
    path("", views_staff.complaint_list, name="list"),
    path("new/", views_staff.complaint_create, name="create"),
    path("from-appeal/<int:pk>/", views_staff.complaint_from_appeal, name="from_appeal"),
    path("analytics/", views_staff.complaint_analytics, name="analytics"),
    path("export.csv", views_staff.complaint_export, name="export"),
    path("import/", views_staff.complaint_import, name="import"),
    path("<int:pk>/", views_staff.complaint_detail, name="detail"),
    path("<int:pk>/outcome/", views_staff.complaint_outcome, name="outcome"),
]
