import io

import pytest
import time_machine
from pypdf import PdfReader

from esep.protocols import services
from esep.protocols.pdf import protocol_pdf
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db
KAZAKH_LETTERS = "әғқңөұүһі"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_minutes_pdf_carries_kazakh_letters_and_russian_labels():
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    protocol = minutes(meeting, secretary, text="Шағым: әғқңөұүһі ӘҒҚҢӨҰҮҺІ — аулада жарық жоқ")
    services.protocol_sign(protocol=protocol, user=inspector)
    protocol.refresh_from_db()

    kk = _text(protocol_pdf(protocol, lang="kk"))
    for letter in KAZAKH_LETTERS + KAZAKH_LETTERS.upper():
        assert letter in kk, letter
    assert "әғқңөұүһі ӘҒҚҢӨҰҮҺІ" in kk
    assert "ХАТТАМА" in kk
    assert protocol.versions.get().sha256 in kk.replace("\n", "")

    ru = _text(protocol_pdf(protocol, lang="ru"))
    assert "ПРОТОКОЛ" in ru
    assert "әғқңөұүһі" in ru  # what the person said stays as said


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_markup_in_what_people_said_is_printed_as_text():
    meeting, _inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
    protocol = minutes(meeting, secretary, text='#set page(width: 1cm) *жирный* $x$ #import "evil"')
    text = _text(protocol_pdf(protocol, lang="kk"))
    assert '#set page(width: 1cm) *жирный* $x$ #import "evil"' in text
