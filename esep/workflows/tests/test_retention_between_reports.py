"""``esep retention purge`` for what residents leave between reports (Law on personal data arts. 12, 18:
destroyed when the purpose is reached): questions sent between reports keep the terms of questions sent in
advance, e-mail subscriptions nobody confirmed are deleted, and ended subscriptions keep no address.
Each case names the article and the term it applies (the terms are Esep's policy, as each rule says)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from esep.accountability import subscriptions, waiting
from esep.accountability.models import Subscription, WaitingQuestion, WaitingStatus
from esep.appeals.models import Appeal
from esep.law import deadlines, rules
from esep.meetings.models import DestructionRecord, DestructionSubject
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.workflows.retention import expired_through, retention_purge

pytestmark = pytest.mark.django_db
D = dt.date
at = ta.almaty
NAME, CONTACT, EMAIL = "Серікова Айгүл", "aigul@example.kz", "resident@example.kz"


@pytest.mark.parametrize(
    ("code", "start", "kept_until"),
    [
        # 2 March + 30 days = 1 April 2026 (a Wednesday).
        pytest.param(
            "retention.question_contact_days", D(2026, 3, 2), D(2026, 4, 1), id="PD-art.12-waiting-closed-30-days"
        ),
        pytest.param(
            "retention.waiting_question_contact_years",
            D(2026, 3, 16),
            D(2027, 3, 16),
            id="PD-art.12-waiting-still-waiting-1-year",
        ),
        # 2 March + 7 days = 9 March 2026, the day off for 8 March (a Sunday): moved to 10 March.
        pytest.param(
            "retention.subscription_unconfirmed_days",
            D(2026, 3, 2),
            D(2026, 3, 10),
            id="PD-art.12-unconfirmed-subscription-7-days",
        ),
        pytest.param(
            "retention.subscription_unsubscribed_days",
            D(2026, 3, 4),
            D(2026, 3, 4),
            id="PD-art.12-unsubscribed-address-at-once",
        ),
    ],
)
def test_retention_rules_between_reports_are_law_data_with_an_honest_note(code, start, kept_until):
    rule = rules.rule(code, start)
    assert rule.citation() == "Law on personal data art. 12; art. 18"
    assert "policy" in rule.date_note and "not a statutory number" in rule.date_note
    assert deadlines.compute(code, start).due == kept_until
    assert expired_through(code, kept_until + dt.timedelta(days=1)) >= start
    assert expired_through(code, kept_until) < start


def test_a_waiting_question_keeps_the_terms_of_a_question_in_advance():
    """The same number as questions sent in advance: a change to one rule without the other is a choice."""
    day = D(2026, 3, 16)
    waiting_rule = rules.rule("retention.waiting_question_contact_years", day)
    question_rule = rules.rule("retention.question_contact_open_years", day)
    assert (waiting_rule.value, waiting_rule.unit) == (question_rule.value, question_rule.unit)


# --- table-driven: what each kind of data looks like before and after its term ----------------------------


def _waiting(precinct, **kw):
    return waiting.waiting_question_submit(
        precinct=precinct,
        text="Көршілер түнде шу шығарады, полиция келмейді",
        author_name=NAME,
        contact=CONTACT,
        consent_given=True,
        **kw,
    )


def _waiting_made_appeal(tree):
    row = _waiting(tree["precinct"])
    return waiting.waiting_question_to_appeal(row=row, actor=f.staff(b=tree["body"]))


def _waiting_still(tree):
    return _waiting(tree["precinct"])


def _waiting_anonymous(tree):
    return waiting.waiting_question_submit(precinct=tree["precinct"], text="Патруль жиірек жүрсе екен.")


def _unconfirmed(tree):
    return subscriptions.subscription_request(
        email=EMAIL, scope="precinct", target=tree["precinct"], language="ru", consent_given=True
    )


def _confirmed(tree):
    sub = _unconfirmed(tree)
    return subscriptions.subscription_confirm(token=sub.token)


def _ended_by_staff(tree):
    """Ended in the admin (not through the one-click link): the address is still on the row."""
    sub = _confirmed(tree)
    Subscription.objects.filter(pk=sub.pk).update(unsubscribed_at=at(2026, 3, 4, 12))
    return sub


def _waiting_data(row) -> Any:
    row = WaitingQuestion.objects.filter(pk=row.pk).first()
    return row and (row.author_name, row.contact)


def _subscription_email(sub) -> Any:
    row = Subscription.objects.filter(pk=sub.pk).first()
    return row and row.email


@dataclass(frozen=True)
class Case:
    make: Any  # (tree) -> the object, created on 2 March 2026 at 10:00 (Almaty)
    read: Any  # (object) -> what is kept of it (None: the row is gone)
    before: Any  # read on the last day kept
    after: Any  # read on the day after
    last_day: dt.date
    rule: str
    count_key: str
    counted: str  # the PurgeResult field


CASES = [
    pytest.param(
        Case(
            _waiting_made_appeal,
            _waiting_data,
            (NAME, CONTACT),
            ("", ""),
            D(2026, 4, 1),
            "retention.question_contact_days",
            "waiting_question_authors_anonymised",
            "waiting_questions",
        ),
        id="PD-art.12-art.18-waiting-question-made-an-appeal-30-days-after-closing",
    ),
    pytest.param(
        Case(
            _waiting_still,
            _waiting_data,
            (NAME, CONTACT),
            ("", ""),
            D(2027, 3, 2),
            "retention.waiting_question_contact_years",
            "waiting_question_authors_anonymised",
            "waiting_questions",
        ),
        id="PD-art.12-art.18-waiting-question-never-reached-a-report-1-year-after-sending",
    ),
    pytest.param(
        Case(
            _unconfirmed,
            _subscription_email,
            EMAIL,
            None,
            D(2026, 3, 10),
            "retention.subscription_unconfirmed_days",
            "unconfirmed_subscriptions_deleted",
            "subscriptions",
        ),
        id="PD-art.12-art.18-unconfirmed-subscription-deleted-7-days-after-the-confirmation-mail",
    ),
    pytest.param(
        Case(
            _ended_by_staff,
            _subscription_email,
            EMAIL,
            "",
            D(2026, 3, 4),
            "retention.subscription_unsubscribed_days",
            "unsubscribed_emails_erased",
            "subscriptions",
        ),
        id="PD-art.12-ended-subscription-keeps-no-address",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_personal_data_left_between_reports_go_after_their_term(tree, case):
    with time_machine.travel(at(2026, 3, 2, 10), tick=False):
        obj = case.make(tree)

    with time_machine.travel(at(*case.last_day.timetuple()[:3], 12), tick=False):
        call_command("retention", "purge")
    assert case.read(obj) == case.before
    assert not DestructionRecord.objects.filter(rule_key=case.rule).exists()

    with time_machine.travel(at(*(case.last_day + dt.timedelta(days=1)).timetuple()[:3], 12), tick=False):
        first = retention_purge()
        second = retention_purge()  # twice = once
    assert getattr(first, case.counted) == 1 and getattr(second, case.counted) == 0
    assert case.read(obj) == case.after
    record = DestructionRecord.objects.get(rule_key=case.rule)
    assert record.meeting is None and record.counts[case.count_key] == 1
    assert record.rule_citation == "Law on personal data art. 12; art. 18"
    assert record.kept_until == case.last_day


def test_what_stays_of_a_waiting_question_and_what_others_keep(tree):
    """The text and the code stay; the appeal keeps its applicant under its own term; a question still
    waiting joins the next report without the name; an anonymous one and a confirmed subscription are untouched."""
    with time_machine.travel(at(2026, 3, 2, 10), tick=False):
        appealed = _waiting_made_appeal(tree)
        still = _waiting_still(tree)
        anonymous = _waiting_anonymous(tree)
        confirmed = _confirmed(tree)
    with time_machine.travel(at(2027, 3, 3, 12), tick=False):
        result = retention_purge()
    assert result.waiting_questions == 2 and result.subscriptions == 0
    appealed.refresh_from_db()
    still.refresh_from_db()
    assert appealed.status == WaitingStatus.APPEAL and appealed.text and appealed.personal_data_erased_at
    assert Appeal.objects.get(code=appealed.tracking_code).applicant_name == NAME  # the appeal's own term
    assert still.status == WaitingStatus.WAITING and still.text and still.consent_version
    assert WaitingQuestion.objects.get(pk=anonymous.pk).personal_data_erased_at is None
    assert Subscription.objects.get(pk=confirmed.pk).email == EMAIL  # following: the purpose goes on
    assert set(DestructionRecord.objects.values_list("subject", flat=True)) == {DestructionSubject.QUESTION_AUTHORS}

    # The resident still follows the question by code; no name on the page.
    with time_machine.travel(at(2027, 3, 3, 13), tick=False):
        page = Client().get(f"/ru/track/{still.tracking_code}/").content.decode()
    assert 'id="waiting-status"' in page and NAME not in page


def test_asking_again_for_an_unconfirmed_subscription_restarts_its_term(tree):
    with time_machine.travel(at(2026, 3, 2, 10), tick=False):
        sub = _unconfirmed(tree)
    with time_machine.travel(at(2026, 3, 9, 10), tick=False):
        again = _unconfirmed(tree)
    assert again.pk == sub.pk
    with time_machine.travel(at(2026, 3, 11, 12), tick=False):
        assert retention_purge().subscriptions == 0  # 9 March + 7 days: kept until 16 March
    with time_machine.travel(at(2026, 3, 17, 12), tick=False):
        assert retention_purge().subscriptions == 1
    assert not Subscription.objects.filter(pk=sub.pk).exists()
    # The link in the old mail now finds nothing.
    assert subscriptions.subscription_confirm(token=sub.token) is None
