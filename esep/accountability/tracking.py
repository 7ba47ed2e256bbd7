"""One tracking page for every code a resident holds: a question in advance, a question waiting for the
precinct's next report, or an appeal (a question that became one keeps its code, АППК art. 64 p.3 ticket)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from esep.accountability.models import WaitingQuestion, WaitingStatus
from esep.appeals.selectors import appeal_by_code
from esep.questions.selectors import question_by_code

_SEPARATORS = re.compile(r"[\s\-_.]+")
_LOOKALIKE = str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY")


def normalise(raw: str) -> str | None:
    """What a person typed as a code, in the form the address carries; None when it cannot be a code."""
    if not raw or len(raw) > 60:
        return None
    code = _SEPARATORS.sub("", raw).upper().translate(_LOOKALIKE)
    if not (8 <= len(code) <= 32) or not code.isalnum() or not code.isascii():
        return None
    return code


@dataclass
class Story:
    code: str
    question: Any = None
    waiting: WaitingQuestion | None = None
    appeal: Any = None
    events: list = field(default_factory=list)
    forward: Any = None


def story(raw: str) -> Story | None:
    code = normalise(raw)
    if code is None:
        return None
    result = Story(code=code)
    waiting = (
        WaitingQuestion.objects.select_related("precinct", "precinct__body", "question__meeting__body")
        .filter(tracking_code=code)
        .first()
        if len(code) == 10
        else None
    )
    if waiting is not None:
        result.waiting = waiting
        if waiting.status == WaitingStatus.JOINED and waiting.question_id:
            result.question = question_by_code(code)
    else:
        result.question = question_by_code(code) if len(code) == 10 else None
    appeal = appeal_by_code(code)
    if appeal is not None:
        result.appeal = appeal
        result.events = list(appeal.events.all())
        result.forward = appeal.current_forward
    if result.question is None and result.waiting is None and result.appeal is None:
        return None
    return result
