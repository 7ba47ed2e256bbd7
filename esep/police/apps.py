from django.apps import AppConfig


class PoliceConfig(AppConfig):
    name = "esep.police"
    label = "police"

    def ready(self) -> None:
        from esep.police.search import STREETS
        from esep.territory.search import register_source

        register_source(STREETS)
