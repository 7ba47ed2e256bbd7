"""Back-office pages of announcements, mounted under /<lang>/staff/announcements/."""

app_name = "announcements_staff"
urlpatterns: list = []
