"""Issue 12 item 3: a public council member records an observer note on a held report of the council's
territory, residents read it (redacted) once its author publishes it; and nothing a council member can reach
in the back office shows an applicant's personal data (names and contacts of question authors, appellants,
participants)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from esep.accountability import observers
from esep.accountability.models import ObserverNote
from esep.accountability.redaction import MARK
from esep.accounts.models import Role
from esep.appeals.models import Appeal
from esep.core.staff import staff_menu
from esep.meetings.models import MeetingStatus
from esep.testing import factories as f
from esep.testing.accountability import ADDRESS_RU, PERSON, PHONE, held_report, leaks
from esep.testing.public import question

pytestmark = pytest.mark.django_db

AUTHOR = "Тоқтарова Әйгерім"
AUTHOR_CONTACT = "aigerim.toktarova@example.kz"
AUTHOR_PHONE = "+7 705 111 22 33"


@pytest.fixture
def report():
    starts = timezone.now() - dt.timedelta(days=3)
    data = held_report(starts)
    meeting = data["meeting"]
    # A resident's question sent in advance, with a name and contact (Law on personal data arts. 7-8).
    question(meeting, author_name=AUTHOR, contact=AUTHOR_CONTACT, status="accepted")
    return data


@pytest.fixture
def council(report):
    region = report["meeting"].body.territory.parent
    return f.user(Role.PUBLIC_COUNCIL, terr=region, first_name="Сәуле", last_name="Бекова")


def _logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, **kw) -> str:
    with translation.override("ru"):
        return reverse(name, kwargs=kw)


def test_a_council_member_publishes_a_note_residents_read_it_redacted(report, council):
    meeting = report["meeting"]
    client = _logged(council)
    listing = client.get(_url("accountability_staff:observer_list")).content.decode()
    assert _url("accountability_staff:observer_note", meeting_pk=meeting.pk) in listing
    text = f"Отчет прошел организованно. Жительница {PERSON} ({PHONE}) спросила про освещение на {ADDRESS_RU}."
    response = client.post(
        _url("accountability_staff:observer_note", meeting_pk=meeting.pk), {"text": text, "publish": "1"}
    )
    assert response.status_code == 302
    note = ObserverNote.objects.get(meeting=meeting, author=council)
    assert note.published and note.author_name == "Бекова Сәуле"
    assert note.text == text  # the author's own words are kept as written
    assert MARK in note.public_text and not leaks(note.public_text)
    html = Client().get(f"/ru/meetings/{meeting.code}/").content.decode()
    assert "Отчет прошел организованно." in html and "Бекова Сәуле" in html
    section = html[html.index('id="observer-notes"') :]
    assert not leaks(section)


def test_a_draft_is_not_public_and_a_withdrawn_note_leaves_the_page(
    report, council, django_capture_on_commit_callbacks
):
    meeting = report["meeting"]
    client = _logged(council)
    url = _url("accountability_staff:observer_note", meeting_pk=meeting.pk)
    client.post(url, {"text": "Черновик наблюдателя", "publish": "0"})
    assert "Черновик наблюдателя" not in Client().get(f"/ru/meetings/{meeting.code}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the cached public page is dropped on commit
        client.post(url, {"text": "Наблюдение опубликовано", "publish": "1"})
    assert "Наблюдение опубликовано" in Client().get(f"/ru/meetings/{meeting.code}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("accountability_staff:observer_withdraw", meeting_pk=meeting.pk))
    assert "Наблюдение опубликовано" not in Client().get(f"/ru/meetings/{meeting.code}/").content.decode()
    assert ObserverNote.objects.get(meeting=meeting).text == "Наблюдение опубликовано"  # kept as a draft


def test_only_a_council_member_of_the_territory_writes_and_only_the_author_withdraws(report, council):
    meeting = report["meeting"]
    far_council = f.user(Role.PUBLIC_COUNCIL, terr=f.region(20))
    akimat = f.user(Role.AKIMAT, terr=meeting.body.territory)
    for outsider in (far_council, akimat, report["staff"], report["inspector"]):
        with pytest.raises(PermissionDenied):
            observers.observer_note_save(meeting=meeting, actor=outsider, text="Не моя территория", publish=True)
        assert _logged(outsider).get(_url("accountability_staff:observer_note", meeting_pk=meeting.pk)).status_code in (
            403,
            404,
        )
    note = observers.observer_note_save(meeting=meeting, actor=council, text="Заметка члена совета", publish=True)
    colleague = f.user(Role.PUBLIC_COUNCIL, terr=meeting.body.territory.parent)
    with pytest.raises(PermissionDenied):
        observers.observer_note_withdraw(note=note, actor=colleague)
    with pytest.raises(PermissionDenied):
        observers.observer_note_withdraw(note=note, actor=report["staff"])  # the police cannot hide it


def test_a_note_is_written_after_the_report_is_held(council):
    body = f.body(terr=f.district(council.roles.get().territory, 55))
    announced = f.meeting(body_=body, status=MeetingStatus.ANNOUNCED)
    with pytest.raises(ValidationError):
        observers.observer_note_save(meeting=announced, actor=council, text="Еще не было", publish=True)
    assert announced not in observers.observable_meetings(council)


def test_the_council_sees_no_applicants_personal_data_on_the_pages_it_can_reach(report, council):
    """Names and contacts of question authors, appellants and participants stay with the police body
    (Law on personal data arts. 7, 12: only the data the purpose needs)."""
    meeting, protocol = report["meeting"], report["protocol"]
    appeal = Appeal.objects.filter(meeting=meeting).first()
    assert appeal is not None and appeal.applicant_name  # an unanswered complaint became an appeal with a name
    client = _logged(council)
    with translation.override("ru"):
        urls = [url for _label, url in staff_menu(council)]
    urls += [
        "/ru/staff/",
        _url("meetings_staff:workspace", pk=meeting.pk),
        _url("meetings_staff:door", pk=meeting.pk),
        _url("meetings_staff:invitations", pk=meeting.pk),
        _url("protocols_staff:minutes", meeting_pk=meeting.pk),
        _url("protocols_staff:pdf", pk=protocol.pk, lang="ru"),
        _url("law_staff:meeting_findings", pk=meeting.pk),
        _url("announcements_staff:detail", pk=meeting.pk),
        _url("accountability_staff:publish", meeting_pk=meeting.pk),
        _url("accountability_staff:observer_note", meeting_pk=meeting.pk),
        _url("appeals_staff:detail", pk=appeal.pk),
        _url("reports_staff:workspace", pk=meeting.pk),
    ]
    reached, found = [], []
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), url
        if response.status_code != 200:
            continue
        reached.append(url)
        if response.get("Content-Type", "").startswith("text/html"):
            body = response.content.decode()
            for secret in (AUTHOR, AUTHOR_CONTACT, appeal.applicant_name, appeal.applicant_contact):
                if secret and secret in body:
                    found.append((url, secret))
            # Invitees are named by the police in their public capacity (deputies, media, organisations);
            # every other page must hold none of the seeded names, phones, addresses or IIN.
            if leaks(body) and url != _url("meetings_staff:invitations", pk=meeting.pk):
                found.append((url, leaks(body)))
    assert found == [], "\n".join(map(str, found))
    # The council does reach its own pages: the menu, its moderation queue and its note on this report.
    assert _url("accountability_staff:observer_note", meeting_pk=meeting.pk) in reached
    assert _url("feedback_staff:moderation") in reached
