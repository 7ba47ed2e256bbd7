from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "esep.announcements"
    label = "announcements"
    staff_menu = [(_("Announcements"), "announcements_staff:list")]

    def ready(self) -> None:
        # The compliance engine reads announcement data of stored meetings through this describer.
        try:
            from esep.law.describe import register_describer
        except ImportError:  # the law app without describers: nothing to register
            return
        from esep.announcements.services import announcement_describe

        register_describer(announcement_describe)
