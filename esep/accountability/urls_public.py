"""Residents' pages of accountability (under /<lang>/)."""

from django.urls import path

from esep.accountability import views_public as v

app_name = "accountability_public"
urlpatterns = [
    path("track/", v.track, name="track"),
    path("track/<str:code>/", v.track_code, name="track_code"),
    path("meetings/<str:code>/minutes-<str:lang>.pdf", v.minutes_pdf, name="minutes_pdf"),
    path("p/<slug:slug>/<str:number>/question/", v.precinct_question, name="precinct_question"),
    path("follow/confirm/<str:token>/", v.follow_confirm, name="follow_confirm"),
    path("follow/stop/<str:token>/", v.follow_unsubscribe, name="follow_unsubscribe"),
    path("follow/p/<slug:slug>/<str:number>/", v.follow_precinct, name="follow_precinct"),
    path("follow/body/<slug:slug>/", v.follow_body, name="follow_body"),
    path("follow/region/<str:kato>/", v.follow_region, name="follow_region"),
    path("fixed/<str:token>/", v.fixed, name="fixed"),
]
