from django.urls import path

from esep.public import views, views_feeds, views_questions
from esep.public import views_feedback as feedback_views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("t/<str:kato>/", views.territory, name="territory"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/feed.atom", views_feeds.atom, name="atom"),
    path("meetings/<str:code>/", views.meeting, name="meeting"),
    path("meetings/<str:code>/calendar.ics", views_feeds.meeting_ics, name="meeting_ics"),
    path("meetings/<str:code>/poster.pdf", views_feeds.meeting_poster, name="meeting_poster"),
    path("meetings/<str:code>/ask/", views_questions.ask, name="ask"),
    path("meetings/<str:code>/rate/", feedback_views.rate, name="rate"),
    path("questions/status/", views_questions.question_status, name="question_status"),
    path("p/<slug:slug>/", views.body, name="body"),
    path("p/<slug:slug>/calendar.ics", views_feeds.body_ics, name="body_ics"),
    path("p/<slug:slug>/feed.atom", views_feeds.body_atom, name="body_atom"),
    path("p/<slug:slug>/<str:number>/", views.precinct, name="precinct"),
    path("p/<slug:slug>/<str:number>/calendar.ics", views_feeds.precinct_ics, name="precinct_ics"),
    path("p/<slug:slug>/<str:number>/feed.atom", views_feeds.precinct_atom, name="precinct_atom"),
    path("p/<slug:slug>/<str:number>/poster.pdf", views_feeds.precinct_poster, name="precinct_poster"),
    path("p/<slug:slug>/<str:number>/ask/", views.precinct_ask, name="precinct_ask"),
]
