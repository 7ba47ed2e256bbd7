from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "esep.appeals"
    label = "appeals"
    verbose_name = "Appeals"
    staff_menu = [(_("Appeals"), "appeals_staff:list")]

    def ready(self) -> None:
        from esep.appeals.describe import describe_appeals
        from esep.law.describe import register_describer

        register_describer(describe_appeals)
