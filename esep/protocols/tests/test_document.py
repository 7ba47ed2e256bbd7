"""The minutes as an official document of a police body: letterhead, register number, date and place,
participants, signature lines with names and positions, the seal and how to check it, "page X of Y" — in
Kazakh and in Russian — and the register number given once per body and year when the minutes are sealed."""

import datetime as dt
import importlib
import io

import pytest
import time_machine
from django.apps import apps
from pypdf import PdfReader

from esep.core.models import AuditEntry
from esep.meetings.models import MeetingKind
from esep.police.models import BodyLevel, Position, Rank
from esep.protocols import services
from esep.protocols.models import MinutesRegister, Protocol
from esep.protocols.pdf import protocol_pdf
from esep.protocols.witness import verify_audit
from esep.testing import factories
from esep.testing.protocols import at, chief_user, held_meeting, inspector_meeting_with_people, minutes, secretary_user

pytestmark = pytest.mark.django_db

BODY_KK = "Қарағанды облысы Полиция департаментінің Қазыбек би ауданының полиция басқармасы"
BODY_RU = "Управление полиции района имени Казыбек би Департамента полиции Карагандинской области"
PARENT_KK = "Қарағанды облысының Полиция департаменті"
PARENT_RU = "Департамент полиции Карагандинской области"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    """PDF text with line breaks taken out (long lines wrap wherever the layout puts them)."""
    return " ".join(text.split())


def _chief_minutes(*, items: int = 1):
    """A chief's report in a named settlement, minutes kept by a secretary and signed by both (Order 608 p.15)."""
    region = factories.region()
    parent = factories.body(level=BodyLevel.REGION_DP, terr=region, name_kk=PARENT_KK, name_ru=PARENT_RU)
    district = factories.district(region)
    body = factories.body(
        terr=district,
        parent=parent,
        name_kk=BODY_KK,
        name_ru=BODY_RU,
        address_kk="Қарағанды қ., Ерубаев к-сі, 37",
        address_ru="г. Караганда, ул. Ерубаева, 37",
        phone="8 7212 41-00-00",
    )
    place = factories.settlement(district, name_kk="Ақтас ауылы", name_ru="село Актас")
    chief_officer = factories.officer(
        body, position=Position.CHIEF, rank=Rank.COLONEL, last_name="Омаров", first_name="Бауыржан"
    )
    meeting = held_meeting(
        starts_at=at(2026, 2, 20, 15), kind=MeetingKind.CHIEF, reporters=[(chief_officer, None)], settlement=place
    )
    secretary = secretary_user(body, last_name="Әбілқасымова", first_name="Дана")
    chief = chief_user(body, last_name="Омаров", first_name="Бауыржан")
    protocol = minutes(meeting, secretary)
    for n in range(items - 1):
        services.protocol_item_add(
            protocol=protocol, actor=secretary, kind="proposal", text=f"Ұсыныс {n}: " + "көше жарығы " * 30
        )
    services.protocol_sign(protocol=protocol, user=secretary)
    services.protocol_sign(protocol=protocol, user=chief)
    protocol.refresh_from_db()
    return protocol


@pytest.mark.parametrize(
    "lang, heading, ministry, page_of, signed_word",
    [
        ("kk", "ХАТТАМА", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР МИНИСТРЛІГІ", "{n} беттің {x}-беті", "қол қойылды:"),
        ("ru", "ПРОТОКОЛ", "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН", "Страница {x} из {n}", "подписано"),
    ],
)  # fmt: skip
@time_machine.travel(at(2026, 2, 20, 20), tick=False)
def test_signed_minutes_print_as_an_official_document(lang, heading, ministry, page_of, signed_word):
    protocol = _chief_minutes(items=12)
    pdf = protocol_pdf(protocol, lang=lang)
    pages = [_flat(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(pages)

    assert len(pages) >= 2
    # Letterhead: the ministry, the body above and the body, in both languages, as the registry holds them.
    for name in (ministry, PARENT_KK, PARENT_RU, BODY_KK, BODY_RU):
        assert name in text, name
    assert "Ерубаева, 37" in text and "Ерубаев к-сі, 37" in text
    # Title, register number, date and place (settlement and the venue's street address).
    assert heading in pages[0]
    assert protocol.document_number == "1/2026"
    assert "№ 1/2026" in pages[0]
    assert "20.02.2026" in pages[0]
    settlement = "Ақтас ауылы" if lang == "kk" else "село Актас"
    venue = "Мәдениет үйі, Абай к-сі, 10" if lang == "kk" else "Дом культуры, ул. Абая, 10"
    assert f"{settlement}, {venue}" in text
    # Participants: count and the registration list (this is the staff's version).
    assert "Тұрғынова Әлия" in text and "Тұрғынова Қанат" in text
    # Signature lines: the secretary and the chief, names, positions, the moment in Asia/Almaty.
    assert "Әбілқасымова" in text and "Дана" in text
    assert "Омаров Бауыржан" in text
    position = "Полиция органының бастығы" if lang == "kk" else "Начальник органа полиции"
    assert position in text
    assert f"{signed_word} 20.02.2026 20:00 (Asia/Almaty)" in text
    # The seal and how to check it.
    assert protocol.versions.get().sha256 in text.replace(" ", "")
    assert "esep protocols verify" in text and "/seal/?body=" in text
    # Page X of Y, in the document's language, on every page.
    for x, page in enumerate(pages, start=1):
        assert page_of.format(x=x, n=len(pages)) in page


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_a_draft_has_no_number_and_empty_signature_lines():
    meeting, _inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    protocol = minutes(meeting, secretary)
    text = _flat(_text(protocol_pdf(protocol, lang="ru")))
    assert "№ —" in text
    assert "Ещё не подписан: это черновик, а не протокол." in text
    assert "не подписано" in text
    assert meeting.reporters.get().officer.full_name in text  # the inspector who is to sign


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_numbers_run_per_body_and_year_of_sealing_and_do_not_change():
    body = factories.body()
    other = factories.body()

    def seal(b, when):
        with time_machine.travel(when, tick=False):
            officer = factories.officer(b)
            meeting = held_meeting(
                starts_at=when - dt.timedelta(hours=3), kind=MeetingKind.INSPECTOR, reporters=[(officer, None)]
            )
            from esep.testing.protocols import inspector_user

            protocol = minutes(meeting, secretary_user(b))
            services.protocol_sign(protocol=protocol, user=inspector_user(officer))
            protocol.refresh_from_db()
            return protocol

    first = seal(body, at(2026, 3, 10, 20))
    second = seal(body, at(2026, 3, 11, 20))
    elsewhere = seal(other, at(2026, 3, 11, 21))
    # Sealed on 31 December after 19:00 UTC is already 1 January in Almaty: the next year's register.
    new_year = seal(body, at(2027, 1, 1, 0, 30))
    assert [p.document_number for p in (first, second, elsewhere, new_year)] == ["1/2026", "2/2026", "1/2026", "1/2027"]
    assert MinutesRegister.objects.get(body=body, year=2026).last_number == 2

    # An addendum is sealed as a new version of the same minutes: the number stays.
    with time_machine.travel(at(2026, 3, 12, 10), tick=False):
        inspector = first.versions.get().signatures.get().user
        secretary = secretary_user(body)
        services.addendum_start(protocol=first, text="Түзету", actor=secretary)
        services.protocol_sign(protocol=first, user=inspector)
    first.refresh_from_db()
    assert first.document_number == "1/2026"
    seal_entry = AuditEntry.objects.filter(action="protocol.seal", object_id=str(first.pk)).order_by("pk").first()
    assert seal_entry.data["number"] == "1/2026"


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_a_number_changed_after_sealing_is_found_by_verify():
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    protocol = minutes(meeting, secretary)
    services.protocol_sign(protocol=protocol, user=inspector)
    assert verify_audit() == []
    Protocol.objects.filter(pk=protocol.pk).update(register_number=9)
    assert [p.message for p in verify_audit()] == [
        "register number 1/2026 was given when sealed (audit entry "
        f"#{AuditEntry.objects.get(action='protocol.seal').pk}) and has changed"
    ]


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_a_number_taken_outside_the_counter_is_skipped():
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    other = held_meeting(starts_at=at(2026, 3, 10, 15), kind=MeetingKind.INSPECTOR, body_=meeting.body)
    taken = services.protocol_start(meeting=other, actor=secretary)
    # A restored row holds number 1 of the year while the counter was never advanced.
    Protocol.objects.filter(pk=taken.pk).update(register_body=meeting.body, register_year=2026, register_number=1)
    protocol = minutes(meeting, secretary)
    services.protocol_sign(protocol=protocol, user=inspector)
    protocol.refresh_from_db()
    assert protocol.document_number == "2/2026"


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_the_migration_numbers_minutes_sealed_before_the_register_in_sealing_order():
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    protocol = minutes(meeting, secretary)
    services.protocol_sign(protocol=protocol, user=inspector)
    Protocol.objects.update(register_body=None, register_year=None, register_number=None)
    MinutesRegister.objects.all().delete()

    migration = importlib.import_module("esep.protocols.migrations.0004_register_number")
    migration.backfill(apps, None)

    protocol.refresh_from_db()
    assert protocol.document_number == "1/2026"
    assert MinutesRegister.objects.get(body=meeting.body, year=2026).last_number == 1
