from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "esep.complaints"
    label = "complaints"
    verbose_name = "Complaints about officers"
    staff_menu = [(_("Complaints about officers"), "complaints_staff:list")]
