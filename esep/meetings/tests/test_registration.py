import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from esep.meetings import services
from esep.meetings.models import MeetingStatus, Participant
from esep.meetings.selectors import known_residents
from esep.testing import factories
from esep.testing.protocols import NAMES, at, held_meeting, inspector_user, secretary_user

pytestmark = pytest.mark.django_db
SURNAMES = ["Омаров", "Бекова", "Жұмаев", "Серікова", "Төлеуов", "Мұратова", "Дәулетов"]


def _register(meeting, name="Сейітова Әйгерім", residence="Қарасу ауылы, Абай к-сі 5", **kw):
    kw.setdefault("eligibility_declared", True)
    return services.participant_register(meeting=meeting, full_name=name, residence=residence, method="door", **kw)


def test_the_same_person_twice_is_one_row_in_any_spelling():
    meeting = held_meeting()
    first, created = _register(meeting)
    again, created_again = _register(meeting, name="  сейітова   әйгерім ", residence="Қарасу ауылы, Абай к-сі 5")
    assert created and not created_again and first == again
    assert meeting.participants.count() == 1


LAW_CASES = [
    ("39-3-p.1-no-declaration", {"eligibility_declared": False}, "art. 39-3 p.1"),
    ("personal-data-no-id-numbers", {"name": "Сейітова Әйгерім 900101400123"}, "ID numbers"),
    ("652-p.32-full-name-needed", {"name": "А"}, "full name"),
    ("652-p.32-residence-needed", {"residence": "  "}, "residence"),
]


@pytest.mark.parametrize(("kw", "reason"), [c[1:] for c in LAW_CASES], ids=[c[0] for c in LAW_CASES])
def test_the_law_refuses(kw, reason):
    meeting = held_meeting()
    with pytest.raises(ValidationError, match=reason):
        _register(meeting, **kw)
    assert not Participant.objects.exists()


def test_contact_is_kept_only_with_consent():
    meeting = held_meeting()
    without, _ = _register(meeting, contact="+7 701 111 22 33")
    with_consent, _ = _register(meeting, name="Омаров Ұлан", contact="+7 701 111 22 33", contact_consent=True)
    assert without.contact == "" and without.contact_consent_at is None
    assert with_consent.contact == "+7 701 111 22 33" and with_consent.contact_consent_at is not None


def test_registration_is_closed_for_a_cancelled_meeting():
    meeting = held_meeting(status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="closed"):
        _register(meeting)


def test_paper_sheet_shows_each_refused_line_and_why():
    meeting = held_meeting()
    _register(meeting, name="Бұрынғы Тұрғын", residence="Абай к-сі 1")
    results = services.participants_register_sheet(
        meeting=meeting,
        text="Жақсыбекова Гүлжан; Абай к-сі 3\n\nБұрынғы Тұрғын; Абай к-сі 1\nТек аты\nИванов Иван; 880101300111\n",
        eligibility_declared=True,
        actor=None,
    )
    assert [(r.number, r.outcome) for r in results] == [
        (1, "registered"),
        (3, "already"),
        (4, "refused"),
        (5, "refused"),
    ]
    assert "residence" in results[2].reason
    assert "ID numbers" in results[3].reason
    assert meeting.participants.count() == 2


def test_known_residents_of_the_precinct_are_found_as_you_type_in_any_script():
    body = factories.body()
    off, prec = factories.inspector_with_precinct(body)
    earlier = held_meeting(reporters=[(off, prec)], starts_at=at(2025, 12, 10))
    _register(earlier, name="Қасымов Ғалымжан", residence="Абай к-сі 7")
    _register(earlier, name="Петров Пётр", residence="Абай к-сі 8")
    elsewhere = held_meeting(starts_at=at(2025, 12, 11))
    _register(elsewhere, name="Қасымова Ғалия", residence="басқа жер")
    today = held_meeting(reporters=[(off, prec)], starts_at=at(2026, 3, 10))
    user = secretary_user(body)

    for query in ("қасым", "касым", "kasym"):
        assert [p.full_name for p in known_residents(meeting=today, user=user, query=query)] == ["Қасымов Ғалымжан"]

    previous = known_residents(meeting=today, user=user, query="kasym")[0]
    services.participant_register_known(meeting=today, previous=previous, actor=user)
    assert today.participants.get().method == "known"
    assert known_residents(meeting=today, user=user, query="kasym") == []  # already here


def _today():
    return held_meeting(starts_at=timezone.now())


class TestSelfRegistration:
    def _url(self, meeting):
        return reverse("meetings_public:register", kwargs={"code": meeting.code})

    def _form(self, **kw):
        data = {"full_name": "Нұрланова Сәуле", "residence": "Абай к-сі 10", "eligible": "on"}
        data.update(kw)
        return data

    def test_registers_once_however_often_sent(self, client):
        meeting = _today()
        assert client.get(self._url(meeting)).status_code == 200
        for _ in range(2):
            response = client.post(self._url(meeting), self._form())
            assert response.status_code == 200
            assert "Нұрланова Сәуле" in response.content.decode()
        assert meeting.participants.get().method == "self"

    def test_without_the_declaration_nothing_is_stored(self, client):
        meeting = _today()
        response = client.post(self._url(meeting), self._form(eligible=""))
        assert response.status_code == 400
        assert not meeting.participants.exists()

    def test_honeypot_stores_nothing(self, client):
        meeting = _today()
        response = client.post(self._url(meeting), self._form(website="http://spam.example"))
        assert response.status_code == 200
        assert not meeting.participants.exists()

    def test_rate_limited(self, client, settings):
        from django.core.cache import cache

        cache.clear()
        meeting = _today()
        from esep.meetings import views_public

        statuses = [
            client.post(self._url(meeting), self._form(full_name=f"{SURNAMES[i // 10]} {NAMES[i % 10]}")).status_code
            for i in range(views_public.RATE_LIMIT + 1)
        ]
        assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
        assert meeting.participants.count() == views_public.RATE_LIMIT
        cache.clear()

    def test_only_on_the_day_of_the_meeting(self, client):
        meeting = held_meeting(starts_at=timezone.now() + dt.timedelta(days=2))
        response = client.post(self._url(meeting), self._form())
        assert response.status_code == 400
        assert not meeting.participants.exists()

    def test_unknown_code_is_404(self, client):
        assert client.get("/kk/m/nosuchcode/register").status_code == 404


@time_machine.travel(at(2026, 3, 1, 10), tick=False)
def test_invitation_email_reply_link_records_the_answer(client):
    from esep.notifications.models import Message

    meeting = factories.meeting(starts_at=at(2026, 3, 10, 18))
    user = secretary_user(meeting.body)
    invitation = services.invitation_create(
        meeting=meeting, category="housing", name="ТКШ бөлімі", email="tkh@akimat.example.kz", language="ru", actor=user
    )
    message = Message.objects.get(related_type="meetings.invitation")
    assert message.to == "tkh@akimat.example.kz" and message.language == "ru"
    link = f"/ru/m/invitation/{invitation.token}/"
    assert link in message.body
    with pytest.raises(ValidationError, match="already"):
        services.invitation_create(meeting=meeting, category="housing", name="ТКШ бөлімі", actor=user)

    assert client.get(link).status_code == 200
    response = client.post(link, {"answer": "accept", "note": "Келеміз"})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.replied_at is not None
    assert client.post(link, {"answer": "maybe"}).status_code == 400


def test_invitees_who_never_replied_are_recorded_as_such_when_the_meeting_is_held():
    meeting = factories.meeting(status=MeetingStatus.ANNOUNCED)
    user = inspector_user(meeting.reporters.get().officer)  # who holds the report marks it held
    services.invitation_create(meeting=meeting, category="media", name="Аудан газеті", actor=user)
    with time_machine.travel(meeting.starts_at + dt.timedelta(minutes=5), tick=False):
        services.participant_register(
            meeting=meeting, full_name="Әлиев Қанат", residence="Абай к-сі, 1", method="door", eligibility_declared=True
        )
        services.meeting_mark_held(meeting=meeting, actor=user)
    assert meeting.invitations.get().status == "no_reply"


@pytest.mark.parametrize("status", [MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED])
def test_self_registration_exists_only_for_an_announced_meeting(client, status):
    meeting = factories.meeting(status=status)
    response = client.get(reverse("meetings_public:register", kwargs={"code": meeting.code}))
    assert response.status_code == 404
