from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "esep.workflows"
    label = "workflows"

    def ready(self) -> None:
        from esep.protocols.signals import minutes_sealed
        from esep.workflows.sealing import on_minutes_sealed

        minutes_sealed.connect(on_minutes_sealed, dispatch_uid="esep.workflows.sealing")
