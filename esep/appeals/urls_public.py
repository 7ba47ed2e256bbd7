"""Public pages of appeals (status by tracking code, replies of other bodies, withdrawal of consent by a
question's or an appeal's code), under /<lang>/appeals/."""

from django.urls import path

from esep.appeals import views_public

app_name = "appeals_public"
urlpatterns = [
    path("", views_public.lookup, name="lookup"),
    path("reply/<str:token>/", views_public.reply, name="reply"),
    path("consent/withdraw/", views_public.withdraw_consent, name="withdraw_consent"),
    path("<str:code>/", views_public.status, name="status"),
]
