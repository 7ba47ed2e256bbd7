from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "esep.feedback"
    label = "feedback"
    staff_menu = [(_("Residents' ratings"), "feedback_staff:moderation")]

    def ready(self) -> None:
        from esep.core.panels import register_panel
        from esep.feedback.panels import comments_to_moderate

        register_panel(comments_to_moderate)
