"""Back-office pages of questions, mounted under /<lang>/staff/questions/."""

app_name = "questions_staff"
urlpatterns: list = []
