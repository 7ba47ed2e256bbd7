from django.urls import path

from esep.feedback import views_staff

app_name = "feedback_staff"

urlpatterns = [
    path("", views_staff.moderation, name="moderation"),
    path("<int:pk>/<str:action>/", views_staff.moderate, name="moderate"),
]
