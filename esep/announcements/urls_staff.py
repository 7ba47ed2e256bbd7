"""Back-office pages of announcements, mounted under /<lang>/staff/announcements/."""

from django.urls import path

from esep.announcements import views_staff

app_name = "announcements_staff"
urlpatterns = [
    path("", views_staff.meeting_list, name="list"),
    path("<int:pk>/", views_staff.meeting_detail, name="detail"),
    path("<int:pk>/publish/", views_staff.publish, name="publish"),
    path("<int:pk>/channels/", views_staff.channel_add, name="channel_add"),
]
