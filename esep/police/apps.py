from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliceConfig(AppConfig):
    name = "esep.police"
    label = "police"
    # The registry's staff pages live in esep.backoffice (views_registry); who sees them: backoffice.menu.
    staff_menu = [(_("Precincts"), "backoffice:precinct_list"), (_("Assignments"), "backoffice:assignment_list")]

    def ready(self) -> None:
        from esep.police.search import STREETS
        from esep.territory.search import register_source

        register_source(STREETS)
