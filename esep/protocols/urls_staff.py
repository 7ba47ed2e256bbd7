"""Back-office pages of protocols, mounted under /<lang>/staff/protocols/."""

from django.urls import path

from esep.protocols import views_staff as v

app_name = "protocols_staff"
urlpatterns = [
    path("", v.protocol_list, name="list"),
    path("meeting/<int:meeting_pk>/", v.minutes, name="minutes"),
    path("<int:pk>/items/", v.item_add, name="item_add"),
    path("items/<int:pk>/delete/", v.item_delete, name="item_delete"),
    path("<int:pk>/decisions/", v.decision_add, name="decision_add"),
    path("decisions/<int:pk>/delete/", v.decision_delete, name="decision_delete"),
    path("decisions/<int:pk>/control/", v.decision_control, name="decision_control"),
    path("<int:pk>/sign/", v.sign, name="sign"),
    path("<int:pk>/addendum/", v.addendum, name="addendum"),
    path("<int:pk>/pdf/<str:lang>/", v.pdf, name="pdf"),
]
