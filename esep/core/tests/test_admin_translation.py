"""The Django admin speaks Kazakh and Russian: Esep's catalogue (esep/locale) overrides Django's incomplete or
wrong Kazakh admin strings ("Даңғо әкімшілігі", "Өзгетру") and names Esep instead of Django."""

from __future__ import annotations

import pytest

from esep.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected", "wrong"),
    [
        ("kk", ["Esep басқару жүйесі", "Соңғы әрекеттер", "Сайтты ашу"],
         ["Даңғо", "Django", "Recent actions", "View site"]),
        ("ru", ["Администрирование Esep", "Последние действия"], ["Django", "Recent actions"]),
    ],
)  # fmt: skip
def test_admin_index_in_each_language(client, lang, expected, wrong):
    admin = User.objects.create_superuser(username=f"root-{lang}", password="x-long-password-1")
    client.force_login(admin)
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    for text in expected:
        assert text in page
    for text in wrong:
        assert text not in page


def test_admin_change_list_in_kazakh(client):
    admin = User.objects.create_superuser(username="root", password="x-long-password-1")
    client.force_login(admin)
    page = client.get("/admin/territory/territory/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Өзгетру" not in page and "Даңғо" not in page
