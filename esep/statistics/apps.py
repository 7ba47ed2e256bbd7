from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "esep.statistics"
    label = "statistics"
    verbose_name = _("Statistics")
    staff_menu = [(_("Prevention figures"), "statistics_staff:prevention")]
