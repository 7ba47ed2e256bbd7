from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "esep.api"
    label = "api"
