from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "esep.workflows"
    label = "workflows"
