from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "esep.backoffice"
    label = "backoffice"
