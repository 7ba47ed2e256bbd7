from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    """What was decided, promised and done after a report, in public; reaching the inspector between
    reports; following a precinct, a body or a region; "was it fixed?"."""

    name = "esep.accountability"
    label = "accountability"
    verbose_name = _("Accountability")
    staff_menu = [
        (_("Questions waiting for a report"), "accountability_staff:waiting"),
        (_('"Was it fixed?" comments'), "accountability_staff:comments"),
        (_("Observer notes"), "accountability_staff:observer_list"),
    ]

    def ready(self) -> None:
        from esep.announcements.signals import meeting_announced

        meeting_announced.connect(_on_meeting_announced, dispatch_uid="accountability.meeting_announced")


def _on_meeting_announced(sender, meeting, **kwargs) -> None:
    from esep.accountability.subscriptions import alert_subscribers
    from esep.accountability.waiting import waiting_questions_attach

    waiting_questions_attach(meeting=meeting)
    alert_subscribers(meeting=meeting, event="new")
