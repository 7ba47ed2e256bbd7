"""Back-office pages of law, mounted under /<lang>/staff/law/."""

app_name = "law_staff"
urlpatterns: list = []
