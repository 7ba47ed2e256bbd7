from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "esep.announcements"
    label = "announcements"
