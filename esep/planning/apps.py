from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "esep.planning"
    label = "planning"
