"""Issue 12 item 3: residents' comments on a report are moderated by the public council of the meeting's
region, not by the police body rated; where no public council has an active account, by the body's staff
unit (docs/public-councils.md)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from esep.accounts.models import Role, RoleAssignment
from esep.accounts.permissions import Action, can
from esep.core.panels import panels_for
from esep.core.staff import staff_menu
from esep.feedback import services
from esep.feedback.models import CommentStatus
from esep.testing import factories as f
from esep.testing import feedback as tf

pytestmark = pytest.mark.django_db

COMMENT = "Инспектор жақсы жауап берді, рахмет"


@pytest.fixture
def held(tree):
    return tf.held_meeting(precinct=tree["precinct"])


@pytest.fixture
def council(tree):
    """A member of the Karaganda region's public council."""
    return f.user(Role.PUBLIC_COUNCIL, terr=tree["region"], first_name="Сәуле", last_name="Кеңесова")


def _logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_regions_public_council_moderates_a_comment_from_its_queue(held, council):
    rating = tf.rating(held, 5, comment=COMMENT)
    client = _logged(council)
    queue = client.get("/ru/staff/feedback/")
    assert queue.status_code == 200 and COMMENT in queue.content.decode()
    assert client.post(f"/ru/staff/feedback/{rating.pk}/approve/").status_code == 302
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.APPROVED and rating.moderated_by == council
    assert COMMENT in Client().get(f"/ru/meetings/{held.code}/").content.decode()


def test_a_public_council_moderates_only_its_regions_comments(held, council):
    _officer, far_precinct = f.inspector_with_precinct(f.body(terr=f.district(f.region(20))))
    other_region_meeting = tf.held_meeting(precinct=far_precinct)
    own = tf.rating(held, 2, comment=COMMENT)
    foreign = tf.rating(other_region_meeting, 2, comment="Басқа облыстың пікірі")
    client = _logged(council)
    page = client.get("/ru/staff/feedback/").content.decode()
    assert COMMENT in page and "Басқа облыстың пікірі" not in page
    assert client.post(f"/ru/staff/feedback/{foreign.pk}/approve/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.rating_comment_reject(rating=foreign, actor=council)
    foreign.refresh_from_db()
    assert foreign.comment_status == CommentStatus.PENDING
    # A district's council reaches its district only.
    district_council = f.user(Role.PUBLIC_COUNCIL, terr=f.district(held.body.territory.parent, 99))
    assert not can(district_council, Action.MODERATE, own)
    assert can(council, Action.MODERATE, own)


def test_where_a_council_exists_the_rated_body_no_longer_moderates(held, council, tree):
    rating = tf.rating(held, 1, comment=COMMENT)
    for role in (Role.STAFF_UNIT, Role.CHIEF, Role.INSPECTOR):
        user = f.staff(role, tree["body"])
        assert not can(user, Action.MODERATE, rating), role
        with pytest.raises(PermissionDenied):
            services.rating_comment_approve(rating=rating, actor=user)
        assert _logged(user).post(f"/ru/staff/feedback/{rating.pk}/approve/").status_code == 404
    # The staff unit still reads the ratings of its body (the scores and comments inform the next report).
    assert can(f.staff(Role.STAFF_UNIT, tree["body"]), Action.VIEW, rating)


@pytest.mark.parametrize(
    "council_state",
    ["none", "inactive account", "another region"],
    ids=["no council account", "council account switched off", "council of another region"],
)
def test_without_a_council_of_its_region_the_staff_unit_moderates(held, tree, council_state):
    if council_state == "inactive account":
        f.user(Role.PUBLIC_COUNCIL, terr=tree["region"], is_active=False)
    elif council_state == "another region":
        f.user(Role.PUBLIC_COUNCIL, terr=f.region(20))
    rating = tf.rating(held, 3, comment=COMMENT)
    staff = f.staff(Role.STAFF_UNIT, tree["body"])
    chief = f.staff(Role.CHIEF, tree["body"])
    assert not can(chief, Action.MODERATE, rating)  # the rated body's head never moderates its own ratings
    services.rating_comment_approve(rating=rating, actor=staff)
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.APPROVED


def test_a_council_named_by_its_state_body_counts_as_the_regions_council(held, tree):
    member = f.user()
    agency = f.agency(tree["region"], kind="other", name_ru="Общественный совет Карагандинской области")
    RoleAssignment.objects.create(user=member, role=Role.PUBLIC_COUNCIL, agency=agency)
    rating = tf.rating(held, 3, comment=COMMENT)
    assert can(member, Action.MODERATE, rating)
    assert not can(f.staff(Role.STAFF_UNIT, tree["body"]), Action.MODERATE, rating)


def test_the_council_sees_the_moderation_panel_and_menu_entries(held, council):
    tf.rating(held, 2, comment=COMMENT)
    with translation.override("en"):
        assert any(p.title == "Residents' comments on reports to moderate" for p in panels_for(council))
        labels = [label for label, _url in staff_menu(council)]
    assert "Residents' ratings" in labels and "Observer notes" in labels
    # What is not its to do is not offered.
    assert "Questions waiting for a report" not in labels and '"Was it fixed?" comments' not in labels
