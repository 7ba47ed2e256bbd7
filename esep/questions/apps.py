from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "esep.questions"
    label = "questions"
    staff_menu = [(_("Questions from residents"), "questions_staff:queue")]
