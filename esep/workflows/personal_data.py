"""A person withdraws consent by a tracking code (Law on personal data art. 8): a question's code, an appeal's
code, or both (a question turned into an appeal keeps its code). The questions and appeals apps each delete
what they hold; this use case finds both and does it in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from esep.appeals.models import Appeal
from esep.appeals.selectors import appeal_by_code
from esep.appeals.services import appeal_withdraw_consent
from esep.questions.selectors import question_by_code
from esep.questions.services import question_withdraw_consent


def personal_data_withdraw(*, code: str, actor: Any = "resident") -> dict[str, Any] | None:
    """The public withdrawal of consent by a tracking code: a question's code, an appeal's code, or both
    (a question turned into an appeal keeps its code). Returns what was found, or None for an unknown code.
    The question's name and contact, and the appeal's contact, are deleted at once."""
    question = question_by_code(code)
    appeal = appeal_by_code(code)
    if appeal is None and question is not None:
        appeal = Appeal.objects.filter(source_key=f"{question._meta.label_lower}:{question.pk}").first()
    if question is None and appeal is None:
        return None
    with transaction.atomic():
        if question is not None:
            question = question_withdraw_consent(question=question, actor=actor)
        if appeal is not None:
            appeal = appeal_withdraw_consent(appeal=appeal, actor=actor)
    return {"question": question, "appeal": appeal}
