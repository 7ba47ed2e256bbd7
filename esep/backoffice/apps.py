from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "esep.backoffice"
    label = "backoffice"

    def ready(self) -> None:
        # The back office's own panels register themselves on import (esep.core.panels).
        from esep.backoffice import dashboard  # noqa: F401
