from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "esep.reports"
    label = "reports"
    verbose_name = _("Report content")

    def ready(self) -> None:
        from esep.law.describe import register_describer
        from esep.reports.describe import describe_report

        register_describer(describe_report)
