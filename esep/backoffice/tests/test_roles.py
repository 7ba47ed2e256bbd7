"""Roles that fit (issue 8 item 7; issue 14 item 10): each role's menu shows what it can use; the staff unit keeps
assignments and coverage in the staff pages; an inspector's Today opens on their precincts; an akimat answers
what was forwarded to it from its own view and sees no applicant's personal data it was not sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from esep.accounts.models import Role
from esep.appeals import services as appeal_services
from esep.appeals.models import Appeal, AppealStatus
from esep.meetings.models import MeetingStatus, Participant
from esep.police.models import Assignment, StateAgency
from esep.protocols.models import Protocol, ProtocolItem
from esep.testing import appeals as af
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    region = f.region_body(f.region(47))
    own = f.body(terr=f.district(region.territory, 12), parent=region)
    other = f.body(terr=f.district(region.territory, 34), parent=region)
    return own, other


def menu(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("backoffice:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    return html.split("<nav", 1)[1].split("</nav>", 1)[0] if "<nav" in html else html


MENU_CASES = [
    # role, present, absent
    (Role.SECRETARY, ["/staff/protocols/"], ["/staff/planning/schedules", "/staff/announcements/",
                                              "/staff/questions/", "/staff/feedback/", "/staff/registry/assignments/"]),
    (Role.INSPECTOR, ["/staff/questions/", "/staff/announcements/", "/staff/protocols/"],
     ["/staff/planning/schedules", "/staff/feedback/", "/staff/registry/assignments/"]),
    (Role.STAFF_UNIT, ["/staff/planning/schedules", "/staff/registry/assignments/", "/staff/feedback/"], []),
    # Residents' comments are moderated by the public council, or the staff unit where there is none; never
    # by the head of the body rated (docs/public-councils.md).
    (Role.CHIEF, ["/staff/planning/schedules"], ["/staff/registry/assignments/", "/staff/feedback/"]),
]  # fmt: skip


@pytest.mark.parametrize(("role", "present", "absent"), MENU_CASES, ids=[str(c[0]) for c in MENU_CASES])
def test_each_role_sees_the_menu_it_can_use(client, area, role, present, absent):
    nav = menu(client, f.staff(role, area[0]))
    for url in present:
        assert url in nav, (role, url)
    for url in absent:
        assert url not in nav, (role, url)


def test_the_akimat_menu_has_no_police_work(client, area):
    nav = menu(client, f.user(Role.AKIMAT, terr=area[0].territory))
    assert "/staff/appeals/" in nav
    for url in ("/staff/questions/", "/staff/announcements/", "/staff/planning/schedules", "/staff/feedback/"):
        assert url not in nav


# --- assignments and coverage: the staff unit's --------------------------------------------------------------


def test_the_staff_unit_assigns_an_acting_inspector_and_ends_it_with_history(client, area):
    own, _other = area
    officer, precinct = f.inspector_with_precinct(own)
    stand_in = f.officer(own, last_name="Сейітов")
    client.force_login(f.staff(Role.STAFF_UNIT, own))
    url = reverse("backoffice:precinct_assignments", args=[precinct.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"officer": stand_in.pk, "kind": "acting", "start": "2030-07-01", "reason": "Отпуск"})
    assert response.status_code == 302
    acting = Assignment.objects.get(precinct=precinct, officer=stand_in)
    assert acting.kind == Assignment.Kind.ACTING and acting.end is None
    client.post(url, {"end-assignment": acting.pk, "end-end": "2030-07-28", "end-reason": "Вернулся"})
    acting.refresh_from_db()
    assert acting.end == dt.date(2030, 7, 28) and "Вернулся" in acting.reason
    page = client.get(url).content.decode()
    assert "Сейітов" in page and "28.07.2030" in page  # the history stays
    assert Assignment.objects.filter(precinct=precinct, officer=officer).exists()


def test_a_bad_assignment_is_refused_with_a_message_and_nothing_stored(client, area):
    own, _other = area
    _officer, precinct = f.inspector_with_precinct(own)
    stand_in = f.officer(own)
    client.force_login(f.staff(Role.STAFF_UNIT, own))
    before = Assignment.objects.count()
    response = client.post(
        reverse("backoffice:precinct_assignments", args=[precinct.pk]),
        {"officer": stand_in.pk, "kind": "acting", "start": "2030-07-10", "end": "2030-07-01"},
    )
    assert response.status_code == 400
    assert Assignment.objects.count() == before


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.CHIEF, Role.SECRETARY])
def test_other_police_roles_may_read_but_not_edit_assignments_or_coverage(client, area, role):
    own, _other = area
    officer, precinct = f.inspector_with_precinct(own)
    client.force_login(f.staff(role, own))
    for name in ("backoffice:precinct_assignments", "backoffice:precinct_coverage"):
        url = reverse(name, args=[precinct.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"officer": officer.pk, "kind": "permanent", "start": "2030-01-01"}).status_code == 403
    assert client.get(reverse("backoffice:assignment_list")).status_code == 403
    assert client.get(reverse("backoffice:precinct_detail", args=[precinct.pk])).status_code == 200


def test_another_bodys_precinct_is_not_found(client, area):
    own, other = area
    _officer, theirs = f.inspector_with_precinct(other)
    client.force_login(f.staff(Role.STAFF_UNIT, own))
    for name in ("backoffice:precinct_assignments", "backoffice:precinct_coverage"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    listing = client.get(reverse("backoffice:assignment_list")).content.decode()
    assert f"/registry/precincts/{theirs.pk}/" not in listing


def test_the_staff_unit_sets_coverage_only_within_its_territory(client, area):
    own, other = area
    _officer, precinct = f.inspector_with_precinct(own)
    village = f.settlement(own.territory, name_kk="Қызылжар", name_ru="Кызылжар")
    foreign = f.settlement(other.territory, name_kk="Алыс", name_ru="Далёкое")
    client.force_login(f.staff(Role.STAFF_UNIT, own))
    url = reverse("backoffice:precinct_coverage", args=[precinct.pk])
    assert "Кызылжар" in client.get("/ru" + url[3:]).content.decode()
    refused = client.post(url, {"settlements": [foreign.pk]})
    assert refused.status_code == 400
    assert foreign not in precinct.settlements.all()
    assert client.post(url, {"settlements": [village.pk]}).status_code == 302
    assert list(precinct.settlements.all()) == [village]


# --- Today ---------------------------------------------------------------------------------------------------


def test_an_inspectors_today_opens_on_their_own_precinct(client, area):
    own, _other = area
    officer, precinct = f.inspector_with_precinct(own)
    f.precinct(own, name_kk="Көрші учаске")
    meeting = f.meeting(body_=own, reporters=[(officer, precinct)], status=MeetingStatus.ANNOUNCED)
    inspector = f.user(Role.INSPECTOR, body_=own, officer=officer)
    client.force_login(inspector)
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    first_panel = html.split('<section class="card', 2)[1]
    assert f"№ {precinct.number}" in first_panel
    assert reverse("meetings_staff:workspace", args=[meeting.pk]) in first_panel
    assert "Көрші учаске" not in first_panel


# --- outside bodies: only what was sent to them --------------------------------------------------------------


@pytest.fixture
def sent(area):
    """An appeal forwarded to the akimat's housing department, and police-only records with personal data."""
    own, _other = area
    staff = f.staff(Role.STAFF_UNIT, own)
    department = f.agency(own.territory, kind=StateAgency.Kind.AKIMAT_DEPARTMENT, subjects=["housing"])
    forwarded = af.appeal(body=own, applicant_name="Нұрланова Сәуле", applicant_contact="+7 701 111 22 33",
                          subject="housing", competence="other")  # fmt: skip
    if forwarded.status != AppealStatus.FORWARDED:
        appeal_services.appeal_forward(appeal=forwarded, actor=staff, agency=department)
    police_only = af.appeal(body=own, applicant_name="Құпия Адам", applicant_contact="+7 777 999 88 77")
    officer, precinct = f.inspector_with_precinct(own)
    meeting = f.meeting(body_=own, reporters=[(officer, precinct)], status=MeetingStatus.HELD,
                        starts_at=timezone.now() - dt.timedelta(days=1))  # fmt: skip
    af.question(meeting, author_name="Сұрақ Иесі", contact="asker@example.kz")
    Participant.objects.create(meeting=meeting, full_name="Тіркелген Тұрғын", residence="Абай 1", person_key="x")
    protocol = Protocol.objects.create(meeting=meeting, started_at=meeting.starts_at, place="Клуб")
    ProtocolItem.objects.create(protocol=protocol, kind="complaint", text="Полицияға шағым.",
                                person_name="Хаттамадағы Адам", competence="police")  # fmt: skip
    akimat = f.user(Role.AKIMAT, terr=own.territory)
    return {"forwarded": forwarded, "police_only": police_only, "meeting": meeting, "akimat": akimat}


SECRETS = ["Құпия Адам", "+7 777 999 88 77", "Сұрақ Иесі", "asker@example.kz", "Тіркелген Тұрғын", "Хаттамадағы Адам"]


def test_no_page_shows_the_akimat_personal_data_it_was_not_sent(client, sent):
    client.force_login(sent["akimat"])
    meeting = sent["meeting"]
    urls = [
        reverse("backoffice:dashboard"),
        reverse("appeals_staff:list") + "?status=all",
        reverse("appeals_staff:detail", args=[sent["forwarded"].pk]),
        reverse("meetings_staff:list"),
        reverse("meetings_staff:workspace", args=[meeting.pk]),
        reverse("protocols_staff:minutes", args=[meeting.pk]),
        reverse("protocols_staff:list"),
        reverse("questions_staff:queue"),  # empty for it: questions are the police's
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for secret in SECRETS:
            assert secret not in html, (url, secret)
    for url in (
        reverse("appeals_staff:detail", args=[sent["police_only"].pk]),
        reverse("protocols_staff:pdf", args=[meeting.protocol.pk, "kk"]),
        reverse("meetings_staff:door", args=[meeting.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    assert client.get(reverse("appeals_staff:detail", args=[sent["police_only"].pk])).status_code == 404


def test_the_akimat_answers_a_forwarded_appeal_from_its_own_view(client, sent):
    appeal = sent["forwarded"]
    client.force_login(sent["akimat"])
    page = client.get(reverse("appeals_staff:detail", args=[appeal.pk])).content.decode()
    assert 'id="agency-answer"' in page
    assert "Нұрланова Сәуле" in page  # it owes the answer: it may see whom it answers
    response = client.post(
        reverse("appeals_staff:agency_answer", args=[appeal.pk]),
        {"text": "Жарық шамдары 5 күнде ауыстырылады.", "name": "Бөлім басшысы Ержанов"},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED and appeal.answered_by_agency
    after = client.get(reverse("appeals_staff:detail", args=[appeal.pk])).content.decode()
    assert "Нұрланова Сәуле" not in after and 'id="agency-answer"' not in after
    # Police-only appeals cannot be answered (nor seen) by the akimat.
    other = sent["police_only"]
    assert (
        client.post(reverse("appeals_staff:agency_answer", args=[other.pk]), {"text": "x", "name": "y"}).status_code
        == 404
    )
    assert Appeal.objects.get(pk=other.pk).status != AppealStatus.ANSWERED


def test_a_maslikhat_on_the_same_territory_sees_nothing_sent_to_the_akimat(client, sent, area):
    client.force_login(f.user(Role.MASLIKHAT, terr=area[0].territory))
    assert client.get(reverse("appeals_staff:detail", args=[sent["forwarded"].pk])).status_code == 404
    listing = client.get(reverse("appeals_staff:list") + "?status=all").content.decode()
    assert sent["forwarded"].number not in listing
