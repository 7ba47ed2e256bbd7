from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "esep.accounts"
    label = "accounts"
