from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtocolsConfig(AppConfig):
    name = "esep.protocols"
    label = "protocols"
    staff_menu = [(_("Minutes"), "protocols_staff:list")]

    def ready(self) -> None:
        from esep.law.describe import register_describer
        from esep.protocols import checks  # noqa: F401 - registers the seal key checks
        from esep.protocols.describe import describe_minutes

        register_describer(describe_minutes)

        from esep.core.panels import register_panel
        from esep.protocols.panels import overdue_decisions, unsigned_minutes

        register_panel(unsigned_minutes)
        register_panel(overdue_decisions)
