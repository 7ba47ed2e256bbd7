"""Back-office pages of protocols, mounted under /<lang>/staff/protocols/."""

app_name = "protocols_staff"
urlpatterns: list = []
