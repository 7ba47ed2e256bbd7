from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "esep.questions"
    label = "questions"
