from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "esep.backoffice"
    label = "backoffice"
    staff_menu = [(_("Causes and conditions"), "backoffice:causes")]

    def ready(self) -> None:
        # The back office's own panels register themselves on import (esep.core.panels).
        from esep.backoffice import dashboard  # noqa: F401
