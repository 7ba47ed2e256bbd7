from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    """What was decided, promised and done after a report, in public; reaching the inspector between
    reports; following a precinct, a body or a region; "was it fixed?"."""

    name = "esep.accountability"
    label = "accountability"
    verbose_name = _("Accountability")
    staff_menu = [
        (_("Questions waiting for a report"), "accountability_staff:waiting"),
        (_('"Was it fixed?" comments'), "accountability_staff:comments"),
    ]
