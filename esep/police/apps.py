from django.apps import AppConfig


class PoliceConfig(AppConfig):
    name = "esep.police"
    label = "police"
