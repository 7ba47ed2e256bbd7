from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "esep.core"
    label = "core"

    def ready(self):
        from esep.core import checks  # noqa: F401  (registers the deploy checks)
