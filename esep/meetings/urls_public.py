"""Public pages of a meeting that belong to holding it (self-registration by QR), under /<lang>/m/."""

app_name = "meetings_public"
urlpatterns: list = []
