from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "esep.meetings"
    label = "meetings"
