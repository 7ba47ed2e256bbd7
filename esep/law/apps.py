from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "esep.law"
    label = "law"
