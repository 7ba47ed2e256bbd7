"""The entrance poster: an A4 PDF whose text, extracted back, carries every Kazakh letter correctly."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from esep.announcements.poster import poster_pdf
from esep.testing import public as pf

pytestmark = pytest.mark.django_db
KAZAKH_LETTERS = "әғқңөұүһі"


def _text(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_poster_with_meeting_carries_kazakh_letters_contacts_and_qr(tree):
    venue = (
        "Әуезов атындағы мектеп, жиһаз дүкенінің қасында, Ұлы Дала даңғылы, Өтеген батыр көшесі, "
        "Ғабит Мүсірепов, Іле, Қарағанды, Үштөбе"
    )
    meeting = pf.published_meeting(precinct=tree["precinct"], venue_kk=venue)
    pdf = poster_pdf(precinct=tree["precinct"], officer=tree["officer"], meeting=meeting)
    text, reader = _text(pdf)
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    flat = " ".join(text.split())
    for letter in KAZAKH_LETTERS + "ӘҒҚӨҰҮІ":  # capital Ң never begins a Kazakh word
        assert letter in flat, letter
    assert "Әбілқайыров Нұрлан Серікұлы" in flat
    assert "Өтеген батыр көшесі" in flat and "жиһаз дүкенінің" in flat
    assert "+7 700 000 00 00" in flat
    assert "Абай к-сі, 1" in flat and "ул. Абая, 1" in flat
    assert f"/kk/meetings/{meeting.code}/ask/" in flat


def test_poster_of_a_precinct_without_meeting_or_photo(tree):
    pdf = poster_pdf(precinct=tree["precinct"], officer=tree["officer"], meeting=None)
    text, _reader = _text(pdf)
    assert "Әбілқайыров" in text


def test_poster_with_photo(tree, settings):
    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (30, 60, 90)).save(buffer, "PNG")
    tree["officer"].photo.save("face.png", ContentFile(buffer.getvalue()))
    pdf = poster_pdf(precinct=tree["precinct"], officer=tree["officer"], meeting=None)
    reader = PdfReader(io.BytesIO(pdf))
    assert any("/XObject" in page["/Resources"] for page in reader.pages)


def test_public_poster_url_serves_a_pdf(client, tree):
    meeting = pf.published_meeting(precinct=tree["precinct"])
    response = client.get(f"/kk/meetings/{meeting.code}/poster.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(f"/kk/p/{tree['body'].slug}/7/poster.pdf").status_code == 200
