"""The workspace: only the meeting's own body changes it; bad input gets a message and changes nothing; the
media register (Order 608 p.8.2) takes an outlet, a date and a link or a scan."""

import datetime as dt

import pytest
from django.test import Client

from esep.reports.models import Block, MediaPublication, Report
from esep.testing import factories as f
from esep.testing.protocols import person

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_prepare_edit_and_refuse_outsiders(chief_case):
    meeting = chief_case["meeting"]
    own = _client(person("staff_unit", chief_case["body"]))
    outsider = _client(person("staff_unit", f.body()))
    assert outsider.get(f"/kk/staff/reports/meeting/{meeting.pk}/").status_code == 404
    assert outsider.post(f"/kk/staff/reports/meeting/{meeting.pk}/prepare/").status_code == 404
    assert not Report.objects.exists()
    assert own.post(f"/kk/staff/reports/meeting/{meeting.pk}/prepare/").status_code == 302
    page = own.get(f"/kk/staff/reports/meeting/{meeting.pk}/").content.decode()
    assert "10 бөлімнің" in page and "№ 608 бұйрық, 6-т. 6) тт." in page
    block = Block.objects.get(section="anti_corruption")
    assert outsider.post(f"/kk/staff/reports/block/{block.pk}/", {"text_kk": "x", "text_ru": "x"}).status_code == 404
    too_long = own.post(f"/ru/staff/reports/block/{block.pk}/", {"text_kk": "ы" * 20001, "text_ru": "x"}, follow=True)
    assert "20 000" in too_long.content.decode()
    block.refresh_from_db()
    assert block.text_kk == ""
    own.post(
        f"/ru/staff/reports/block/{block.pk}/", {"text_kk": "Мәтін", "text_ru": "Текст", "sources": ["media", "bogus"]}
    )
    block.refresh_from_db()
    assert (block.text_kk, block.text_ru, block.sources, block.complete) == ("Мәтін", "Текст", ["media"], True)


def test_media_register(chief_case):
    meeting = chief_case["meeting"]
    client = _client(person("staff_unit", chief_case["body"]))
    url = f"/ru/staff/reports/meeting/{meeting.pk}/media/"
    bad = client.post(
        url, {"subject": "report", "outlet": "Орталық Қазақстан", "published_on": "2025-02-21"}, follow=True
    )
    assert "Укажите ссылку или приложите скан." in bad.content.decode()
    bad = client.post(
        url, {"subject": "report", "outlet": "X", "published_on": "2025-02-21", "url": "javascript:1"}, follow=True
    )
    assert "http://" in bad.content.decode()
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    client.post(url, {"subject": "report", "outlet": "X", "published_on": future, "url": "https://ok.kz/a"})
    assert not MediaPublication.objects.exists()
    client.post(url, {"subject": "announcement", "outlet": "Орталық Қазақстан", "published_on": "2025-02-05",
                      "url": "https://ortalyq.kz/news/1"})  # fmt: skip
    pub = MediaPublication.objects.get()
    assert (pub.subject, pub.outlet) == ("announcement", "Орталық Қазақстан")
