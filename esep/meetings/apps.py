from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "esep.meetings"
    label = "meetings"
    staff_menu = [(_("Meetings"), "meetings_staff:list")]
