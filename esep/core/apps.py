from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "esep.core"
    label = "core"
