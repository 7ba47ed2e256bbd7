"""Back-office pages of notifications, mounted under /<lang>/staff/notifications/."""

from django.urls import path

from esep.notifications import views

app_name = "notifications_staff"
urlpatterns = [path("", views.object_messages, name="object_messages")]
