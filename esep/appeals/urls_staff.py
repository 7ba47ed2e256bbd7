"""Back-office pages of appeals, mounted under /<lang>/staff/appeals/."""

app_name = "appeals_staff"
urlpatterns: list = []
