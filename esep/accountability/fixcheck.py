""" "Was it fixed?" (Order 608 p.6.7: monitoring of public opinion about the police).

A month (``ASK_AFTER_DAYS``) after an item raised at a report was answered — at the meeting, or as an appeal
answered under the АППК — or after the decision on it was due, the person who raised it gets one question:
solved or not, with an optional comment. Only a contact left with consent is used (Law on personal data
art. 8); each item or question is asked once (a unique ``FixCheck`` row). Comments are shown only after
moderation; the counts appear in the next report of the same precincts or body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accountability.models import CommentStatus, FixAnswer, FixCheck
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.notifications.services import contact_channel, notify
from esep.protocols.models import ProtocolItem
from esep.questions.models import Question, QuestionStatus

ASK_AFTER_DAYS = 30
COMMENT_MAX = 1000


def fix_url(check: FixCheck, lang: str) -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("accountability_public:fixed", args=[check.token])


def _ask(*, contact: str, language: str, meeting, precinct, item=None, question=None) -> bool:
    channel = contact_channel(contact)
    if channel is None:
        return False
    try:
        with transaction.atomic():
            check = FixCheck.objects.create(
                item=item,
                question=question,
                meeting=meeting,
                precinct=precinct,
                language=language,
                asked_at=clock.now(),
            )
            with translation.override(language):
                subject = _("Was it fixed? Your complaint at the police report")
                text = item.text if item else question.text
                body = "\n\n".join(
                    [
                        _("A month ago the police answered what you raised:"),
                        text[:300],
                        _("Was the problem solved? Answer with one click (you may add a comment):"),
                        fix_url(check, language),
                    ]
                )
            message = notify(
                channel=channel[0], to=channel[1], subject=subject, body=body, related=check, language=language
            )
            FixCheck.objects.filter(pk=check.pk).update(message_id=message.pk)
    except IntegrityError:
        return False  # already asked
    return True


def fixchecks_sweep(*, today: dt.date | None = None) -> int:
    """Ask every person whose item or question was answered (or whose decision was due) a month ago."""
    from esep.appeals.models import Appeal

    today = today or clock.localdate()
    cutoff = today - dt.timedelta(days=ASK_AFTER_DAYS)
    cutoff_dt = timezone.make_aware(dt.datetime.combine(cutoff + dt.timedelta(days=1), dt.time.min))
    asked = 0
    appeal_answered = Appeal.objects.filter(answered_on__lte=cutoff, source_key__startswith="protocols.protocolitem:")
    answered_ids = [int(k.split(":")[1]) for k in appeal_answered.values_list("source_key", flat=True)]
    items = (
        ProtocolItem.objects.filter(contact_consent=True, fix_check__isnull=True, version__sha256__gt="")
        .exclude(person_contact="")
        .filter(
            Q(answered_in_full=True, protocol__meeting__starts_at__lt=cutoff_dt)
            | Q(pk__in=answered_ids)
            | Q(protocol__decisions__due_date__lte=cutoff)
        )
        .select_related("protocol__meeting", "reporter__precinct")
        .distinct()
    )
    for item in items:
        meeting = item.protocol.meeting
        precinct = item.reporter.precinct if item.reporter_id else meeting.precincts.order_by("pk").first()
        asked += _ask(
            contact=item.person_contact,
            language=meeting.protocol.language or "kk",
            meeting=meeting,
            precinct=precinct,
            item=item,
        )
    questions = (
        Question.objects.filter(
            status__in=[QuestionStatus.ANSWERED_MEETING, QuestionStatus.ANSWERED_WRITING],
            closed_at__lt=cutoff_dt,
            consent_at__isnull=False,
            fix_check__isnull=True,
        )
        .exclude(contact="")
        .select_related("meeting")
    )
    for q in questions:
        asked += _ask(
            contact=q.contact,
            language=q.language,
            meeting=q.meeting,
            precinct=q.meeting.precincts.order_by("pk").first(),
            question=q,
        )
    return asked


def fixcheck_by_token(token: str) -> FixCheck | None:
    if not token or len(token) > 64:
        return None
    return FixCheck.objects.select_related("meeting", "meeting__body").filter(token=token).first()


def fixcheck_answer(*, token: str, answer: str, comment: str = "") -> FixCheck:
    """Record the one answer. A second answer is refused and changes nothing."""
    if answer not in FixAnswer.values:
        raise ValidationError(_("Choose whether the problem was solved."))
    comment = " ".join((comment or "").split())[:COMMENT_MAX]
    with transaction.atomic():
        check = FixCheck.objects.select_for_update().filter(token=token[:64]).first()
        if check is None:
            raise ValidationError(_("This link is not valid."))
        if check.answered_at is not None:
            raise ValidationError(_("You have already answered. Thank you."))
        check.answer = answer
        check.answered_at = clock.now()
        check.comment = comment
        check.comment_status = CommentStatus.PENDING if comment else CommentStatus.NONE
        check.save(update_fields=["answer", "answered_at", "comment", "comment_status"])
        audit_record(actor="resident", action="fixcheck.answer", obj=check, data={"answer": answer})
        public_changed_on_commit()
    return check


def fixcheck_moderate(*, check: FixCheck, approve: bool, actor: Any) -> FixCheck:
    """A comment is shown on the next report's page only after a staff member approves it."""
    with transaction.atomic():
        row = FixCheck.objects.select_for_update().get(pk=check.pk)
        if row.comment_status != CommentStatus.PENDING:
            raise ValidationError(_("This comment is not waiting for moderation."))
        row.comment_status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
        row.save(update_fields=["comment_status"])
        audit_record(actor=actor, action="fixcheck.moderate", obj=row, data={"approved": approve})
        public_changed_on_commit()
    return row
