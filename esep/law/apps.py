from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "esep.law"
    label = "law"
    verbose_name = _("Law")
    staff_menu = [(_("Rules in force"), "law_staff:rules")]

    def ready(self) -> None:
        # The law loads once and loudly: a rule that fails to register stops startup (LawNotLoaded).
        from esep.law import rules

        rules.load()
