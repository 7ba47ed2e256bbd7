"""Back-office pages of notifications, mounted under /<lang>/staff/notifications/."""

app_name = "notifications_staff"
urlpatterns: list = []
