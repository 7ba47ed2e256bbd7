from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: the background worker and its jobs, health and readiness, metrics, request ids."""

    name = "esep.ops"
    label = "ops"
    verbose_name = _("Operations")
    staff_menu = [(_("Background jobs"), "ops_staff:jobs")]

    def ready(self) -> None:
        from esep.ops import tasks  # noqa: F401  (registers the periodic jobs with the queue)
