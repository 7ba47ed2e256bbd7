from django.apps import AppConfig


class ProtocolsConfig(AppConfig):
    name = "esep.protocols"
    label = "protocols"
