from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "esep.notifications"
    label = "notifications"
    verbose_name = "Notifications"
