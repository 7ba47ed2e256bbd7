from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "esep.meetings"
    label = "meetings"
    staff_menu = [(_("Meetings"), "meetings_staff:list")]

    def ready(self) -> None:
        from esep.core.panels import register_panel
        from esep.law.describe import register_describer
        from esep.meetings.describe import describe_holding
        from esep.meetings.panels_precincts import my_precincts

        register_describer(describe_holding)
        # The inspector's own precincts with their next report, first on the Today page (it reads meetings,
        # so it lives here rather than in esep.police).
        register_panel(my_precincts)
