"""A question not answered in full becomes an appeal (Order 608 p.16; Order 652 p.32: what is not answered
in full is checked under the АППК). The appeals app registers the appeal from the question's own fields; the
questions app records the reference and tells the author. One transaction: both or neither."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from esep.appeals.models import Appeal, AppealSource
from esep.appeals.selectors import appeal_ticket_sent
from esep.appeals.services import appeal_register
from esep.core import clock
from esep.police.models import Subject
from esep.questions.models import Question
from esep.questions.services import question_check_can_become_appeal, question_record_appeal


def appeal_open_from_question(*, question: Question, actor: Any) -> Appeal:
    """A resident's question (sent before or at a report) turned into an appeal by staff. The person keeps
    following it with the code they already have. Submitting twice yields one appeal."""
    meeting = question.meeting
    return appeal_register(
        body=meeting.body,
        text=question.text,
        source=AppealSource.QUESTION,
        actor=actor,
        subject=Subject.POLICE,
        applicant_name=question.author_name,
        applicant_contact=question.contact,
        # The questions app records consent as its time and wording (Law on personal data art. 8).
        contact_consent=question.consent_at is not None,
        language=question.language or "kk",
        received_at=question.created_at or clock.now(),
        meeting=meeting,
        precinct=meeting.precincts.order_by("pk").first(),
        source_key=f"{question._meta.label_lower}:{question.pk}",
        code=question.tracking_code,
    )


def question_to_appeal(*, question: Question, actor: Any) -> Question:
    """Register an accepted question as an appeal; the question keeps a reference to it."""
    question_check_can_become_appeal(question)
    with transaction.atomic():
        appeal = appeal_open_from_question(question=question, actor=actor)
        # The appeal's ticket (АППК art. 64 p.3) already went to the same contact with the number and the
        # link: one message, not two.
        return question_record_appeal(
            question=question,
            actor=actor,
            appeal=appeal,
            appeal_ref=str(appeal.number or appeal.code or appeal.pk),
            covered=appeal_ticket_sent(appeal),
        )
