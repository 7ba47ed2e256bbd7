"""A comment is public only after the staff of the meeting's body approve it; then it is shown escaped."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from esep.accounts.models import Role, RoleAssignment
from esep.core.panels import panels_for
from esep.feedback import services
from esep.feedback.models import CommentStatus
from esep.testing import factories as f
from esep.testing import feedback as tf

pytestmark = pytest.mark.django_db

SECRET = "Unmoderated comment that must stay private"
MARKUP = "Good report <b>bold</b> & more"


@pytest.fixture
def held(tree):
    return tf.held_meeting(precinct=tree["precinct"])


@pytest.fixture
def own_staff(tree):
    return f.user(Role.STAFF_UNIT, body_=tree["body"])


def _logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_unapproved_comment_is_never_on_a_public_page(held, tree):
    tf.rating(held, 2, comment=SECRET)
    tf.rating(held, 4, comment="Rejected one", status=CommentStatus.REJECTED)
    client = Client()
    for url in (f"/ru/meetings/{held.code}/", f"/ru/p/{tree['body'].slug}/{tree['precinct'].number}/"):
        html = client.get(url).content.decode()
        assert SECRET not in html
        assert "Rejected one" not in html
    # ...but the scores count.
    assert "3,0" in client.get(f"/ru/meetings/{held.code}/").content.decode()


def test_approving_publishes_the_comment_escaped(held, own_staff):
    rating = tf.rating(held, 5, comment=MARKUP)
    client = _logged(own_staff)
    queue = client.get("/en/staff/feedback/")
    assert queue.status_code == 200
    assert "Good report &lt;b&gt;bold&lt;/b&gt; &amp; more" in queue.content.decode()
    response = client.post(f"/en/staff/feedback/{rating.pk}/approve/")
    assert response.status_code == 302
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.APPROVED and rating.moderated_by == own_staff
    html = Client().get(f"/en/meetings/{held.code}/").content.decode()
    assert "Good report &lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    assert "<b>bold</b>" not in html


def test_rejecting_keeps_the_comment_private_and_cannot_be_repeated(held, own_staff):
    rating = tf.rating(held, 1, comment=SECRET)
    client = _logged(own_staff)
    client.post(f"/en/staff/feedback/{rating.pk}/reject/")
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.REJECTED
    again = client.post(f"/en/staff/feedback/{rating.pk}/approve/", follow=True)
    assert "This comment has already been moderated." in again.content.decode()
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.REJECTED
    assert SECRET not in Client().get(f"/en/meetings/{held.code}/").content.decode()


def test_staff_of_another_body_and_outside_roles_cannot_moderate(held, tree):
    rating = tf.rating(held, 2, comment=SECRET)
    stranger = f.user(Role.STAFF_UNIT, body_=f.body())
    akimat = f.user()
    RoleAssignment.objects.create(user=akimat, role=Role.AKIMAT, territory=tree["district"])
    for user in (stranger, akimat):
        client = _logged(user)
        assert SECRET not in client.get("/en/staff/feedback/").content.decode()
        assert client.post(f"/en/staff/feedback/{rating.pk}/approve/").status_code == 404
        assert not panels_for(user) or all("comments on reports" not in p.title for p in panels_for(user))
        with pytest.raises(PermissionDenied):
            services.rating_comment_approve(rating=rating, actor=user)
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.PENDING


def test_staff_of_a_parent_body_can_moderate(held, tree):
    rating = tf.rating(held, 2, comment=SECRET)
    region_staff = f.user(Role.STAFF_UNIT, body_=tree["body"].parent)
    services.rating_comment_approve(rating=rating, actor=region_staff)
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.APPROVED


def test_unknown_action_is_404(held, own_staff):
    rating = tf.rating(held, 2, comment=SECRET)
    assert _logged(own_staff).post(f"/en/staff/feedback/{rating.pk}/delete/").status_code == 404


def test_today_page_panel_lists_comments_to_moderate(held, own_staff):
    tf.rating(held, 2, comment=SECRET)
    tf.rating(held, 5)  # no comment: nothing to moderate
    with translation.override("en"):
        panel = next(p for p in panels_for(own_staff) if p.title == "Residents' comments on reports to moderate")
        assert panel.count == 1
        assert panel.rows[0].label.startswith("Unmoderated comment")
    today = _logged(own_staff).get("/en/staff/")
    assert "Residents&#x27; comments on reports to moderate" in today.content.decode()


def test_no_panel_without_pending_comments(held, own_staff):
    tf.rating(held, 4)
    assert all(p.title != "Residents' comments on reports to moderate" for p in panels_for(own_staff))
