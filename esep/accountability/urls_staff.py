from django.urls import path

from esep.accountability import views_staff as v

app_name = "accountability_staff"
urlpatterns = [
    path("meetings/<int:meeting_pk>/publish/", v.publish, name="publish"),
    path("waiting/", v.waiting_list, name="waiting"),
    path("waiting/<int:pk>/appeal/", v.waiting_to_appeal, name="waiting_to_appeal"),
    path("comments/", v.comments, name="comments"),
    path("comments/<int:pk>/<str:action>/", v.moderate, name="moderate"),
    path("observer/", v.observer_list, name="observer_list"),
    path("observer/<int:meeting_pk>/", v.observer_note, name="observer_note"),
    path("observer/<int:meeting_pk>/withdraw/", v.observer_withdraw, name="observer_withdraw"),
]
