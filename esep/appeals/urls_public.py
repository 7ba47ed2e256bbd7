"""Public pages of appeals (status by tracking code, replies of other bodies), under /<lang>/appeals/."""

app_name = "appeals_public"
urlpatterns: list = []
