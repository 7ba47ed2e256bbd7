from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "esep.planning"
    label = "planning"
    verbose_name = _("Planning")
    staff_menu = [
        (_("Who did not report"), "planning_staff:not_reported"),
        (_("Schedules"), "planning_staff:schedule_list"),
        (_("Plan a period"), "planning_staff:plan"),
    ]

    def ready(self) -> None:
        from esep.planning import panels  # noqa: F401  (registers the Today panel)
