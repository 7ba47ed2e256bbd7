from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "esep.meetings"
    label = "meetings"
    staff_menu = [(_("Meetings"), "meetings_staff:list")]

    def ready(self) -> None:
        from esep.law.describe import register_describer
        from esep.meetings.describe import describe_holding

        register_describer(describe_holding)
