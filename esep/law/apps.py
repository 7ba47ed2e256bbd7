from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "esep.law"
    label = "law"
    verbose_name = _("Law")
    staff_menu = [(_("Rules in force"), "law_staff:rules")]
