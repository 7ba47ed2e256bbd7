"""The redaction step (Law on personal data arts. 7-8): table-driven, one case per kind of personal data."""

import pytest

from esep.accountability.redaction import MARK, redact

CASES = [
    # (case id, text, what must disappear, what must stay)
    ("iin", "ИИН 870112345678 берілді", ["870112345678"], ["ИИН", "берілді"]),
    ("phone-plus7", "тел. +7 701 234 56 78, хабарласыңыз", ["701 234 56 78"], ["хабарласыңыз"]),
    ("phone-8-brackets", "Звоните 8 (702) 987-65-43 вечером", ["987-65-43", "(702)"], ["вечером"]),
    ("phone-plain", "нөмірі 87011112233", ["87011112233"], ["нөмірі"]),
    ("phone-local", "домашний 21-34-56", ["21-34-56"], ["домашний"]),
    ("email", "пишите на a.b-c@mail.kz", ["a.b-c@mail.kz"], ["пишите"]),
    ("address-ru", "живёт ул. Ленина, д. 5, кв. 12 давно", ["Ленина", "кв. 12"], ["давно"]),
    ("address-kk", "Абай көшесі, 15, пәтер 7 тұрғыны", ["Абай көшесі", "пәтер 7"], ["тұрғыны"]),
    ("address-kk-short", "Сәтпаев к-сі 21 үйде", ["Сәтпаев", "к-сі 21"], ["үйде"]),
    ("name-ru-full", "Иванов Пётр Сергеевич жалуется", ["Иванов", "Пётр", "Сергеевич"], ["жалуется"]),
    ("name-kk-full", "Жұмабаева Гүлнұр Серікқызы айтты", ["Жұмабаева", "Гүлнұр", "Серікқызы"], ["айтты"]),
    ("name-kk-uly", "Ахметов Серік Болатұлы келді", ["Ахметов", "Болатұлы"], ["келді"]),
    ("name-initials", "Сейітқали А. Б. хабарлады", ["Сейітқали", "А. Б."], ["хабарлады"]),
    ("name-initials-first", "А.Б. Нұрланов сөйледі", ["Нұрланов"], ["сөйледі"]),
    ("name-surname-alone", "Қасымов жауап берді", ["Қасымов"], ["жауап берді"]),
]


@pytest.mark.parametrize("text,gone,kept", [c[1:] for c in CASES], ids=[f"pd-law-art7-{c[0]}" for c in CASES])
def test_personal_data_is_removed_and_the_rest_kept(text, gone, kept):
    out = redact(text)
    for value in gone:
        assert value not in out, (value, out)
    for value in kept:
        assert value in out, (value, out)
    assert MARK in out


def test_known_names_are_removed_in_any_grammatical_form():
    # A name Esep knows from the meeting (a participant), inflected by Kazakh suffixes.
    out = redact("Гүлнұрдың айтуынша, Тұрсынға хабарланды", known_names=["Тұрсын Гүлнұр"])
    assert "Гүлнұр" not in out and "Тұрсын" not in out and "айтуынша" in out


@pytest.mark.parametrize(
    "text",
    [
        "Түнгі рейдтерді күшейту. Жауапты: УИП",
        "Полиция бөлімі 2026 жылы 3 рейд өткізді",
        "Мектеп жанындағы бағдаршам жөнделсін",
        "Установить освещение во дворе до 15.05",
    ],
    ids=["kk-decision", "kk-figures", "kk-plain", "ru-date"],
)
def test_plain_text_without_personal_data_is_unchanged(text):
    assert redact(text) == text


def test_redaction_is_idempotent():
    once = redact("Иванов Пётр, тел. +7 701 234 56 78, ул. Ленина, д. 5")
    assert redact(once) == once
