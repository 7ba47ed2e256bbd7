from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "esep.public"
    label = "public"
