from django.urls import path

from esep.reports import views_staff as v

app_name = "reports_staff"

urlpatterns = [
    path("meeting/<int:pk>/", v.workspace, name="workspace"),
    path("meeting/<int:pk>/prepare/", v.prepare, name="prepare"),
    path("meeting/<int:pk>/publish/", v.publish, name="publish"),
    path("meeting/<int:pk>/media/", v.media_add, name="media_add"),
    path("block/<int:pk>/", v.block_edit, name="block_edit"),
    path("block/<int:pk>/refill/", v.block_refill, name="block_refill"),
]
