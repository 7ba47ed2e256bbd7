from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "esep.appeals"
    label = "appeals"
    verbose_name = "Appeals"
    staff_menu = [(_("Appeals"), "backoffice:appeals_staff:list")]
