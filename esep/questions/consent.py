"""Consent to the processing of personal data sent with a question (Law on personal data arts. 7-9).

Each version stays here for as long as questions given under it are stored: a question records the
version and the moment of consent. Change the text only by adding a new version.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CURRENT = "2025-1"

TEXTS = {
    "2025-1": _(
        "I agree that %(operator)s (the operator) processes my name and my phone or email, which I give "
        "here, for one purpose only: to answer my question before or at the report to the population and "
        "to tell me what became of it. My data are stored in Kazakhstan for as long as the materials of the "
        "report are kept, and then destroyed. They are not passed to anyone, except to the competent state "
        "body if my question has to be considered as an appeal. I can withdraw this consent at any time by "
        "writing to the operator or calling the district police point; my data will then be destroyed within "
        "the term set by the Law on personal data."
    ),
}


def consent_text(operator: str, version: str = CURRENT) -> str:
    return str(TEXTS[version]) % {"operator": operator}
