"""Back-office pages of meetings, mounted under /<lang>/staff/meetings/."""

app_name = "meetings_staff"
urlpatterns: list = []
