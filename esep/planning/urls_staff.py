"""Back-office pages of planning, mounted under /<lang>/staff/planning/."""

app_name = "planning_staff"
urlpatterns: list = []
