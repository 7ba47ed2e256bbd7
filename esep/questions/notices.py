"""What Esep tells the author of a question when its status changes (accepted, rejected with the reason,
answered in writing, registered as an appeal), in the language the question was written in, with the link
to follow it.

Only with a contact given with consent (Law on personal data arts. 7-8) and only once per question and
status: a ``QuestionNotice`` row is written before the message, in the same transaction, and the unique
(question, status) index turns a second attempt into nothing. The message is queued in the outbox in the
caller's transaction, so a rolled-back change sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from esep.notifications.models import Channel
from esep.notifications.services import contact_channel, notify
from esep.questions.models import Question, QuestionNotice, QuestionStatus

S = QuestionStatus
# The statuses the author is told about. Answered at the meeting: the author was there or reads it on the
# meeting page; merged: the accepted question it joined carries the news.
NOTIFIED_STATUSES = frozenset({S.ACCEPTED, S.REJECTED, S.ANSWERED_WRITING, S.APPEAL})
LANGS = ("kk", "ru", "en")


def status_url(question: Question, lang: str) -> str:
    """The one tracking page of this question (a GET page the author can bookmark)."""
    with translation.override(lang):
        return settings.SITE_URL + reverse("accountability_public:track_code", args=[question.tracking_code])


def _texts(question: Question, status: str, appeal: Any = None) -> tuple[str, str, str]:
    """(subject, email body, SMS body) in the active language."""
    lang = translation.get_language() or "kk"
    ctx = {"code": question.display_code, "url": status_url(question, lang)}
    details = ""
    if status == S.ACCEPTED:
        ctx["date"] = formats.date_format(timezone.localtime(question.meeting.starts_at), "d.m.Y H:i")
        subject = _("Your question %(code)s is accepted") % ctx
        line = _("Your question %(code)s is accepted and will be answered at the report on %(date)s.") % ctx
    elif status == S.REJECTED:
        ctx["reason"] = question.reject_reason
        subject = _("Your question %(code)s was not accepted") % ctx
        line = _("Your question %(code)s was not accepted. Reason: %(reason)s") % ctx
    elif status == S.ANSWERED_WRITING:
        subject = _("Answer to your question %(code)s") % ctx
        line = _("Your question %(code)s is answered in writing.") % ctx
        details = question.answer
    elif status == S.APPEAL:
        from esep.appeals.notices import status_url as appeal_status_url

        ctx["number"] = getattr(appeal, "number", "") or question.appeal_ref
        if appeal is not None:
            ctx["url"] = appeal_status_url(appeal, lang)
        subject = _("Your question %(code)s is registered as appeal %(number)s") % ctx
        line = (
            _(
                "Your question %(code)s is registered as appeal %(number)s and is considered under the "
                "Administrative Procedural Code."
            )
            % ctx
        )
    else:
        raise ValueError(status)
    follow = _("Follow it with your code %(code)s: %(url)s") % ctx
    from esep.appeals.notices import withdraw_url

    # Law on personal data art. 8: the way to withdraw consent goes with every email.
    withdraw = _("To withdraw your consent and delete your contact: %(url)s") % {"url": withdraw_url(lang)}
    email = "\n\n".join(part for part in (line, details, follow, withdraw) if part)
    sms = f"{line} {follow}"
    return subject, email, sms


def notify_author(
    *, question: Question, status: str, appeal: Any = None, covered: bool = False
) -> QuestionNotice | None:
    """Tell the author that ``question`` reached ``status``; once per (question, status). ``covered``: the
    news already went to the same contact in another message (the appeal's ticket), so only the row is
    written. Returns None when the status is not one the author is told about or nobody can be told."""
    if status not in NOTIFIED_STATUSES or not question.contact or question.consent_at is None:
        return None
    parsed = contact_channel(question.contact)
    try:
        with transaction.atomic():
            notice = QuestionNotice.objects.create(
                question=question,
                status=status,
                channel=parsed[0] if parsed else "",
                note="" if parsed else "contact is neither an email nor a mobile number",
            )
    except IntegrityError:
        return None  # told already
    if parsed is None:
        return notice
    if covered:
        notice.note = "covered by the appeal's registration notice"
        notice.save(update_fields=["note"])
        return notice
    channel, address = parsed
    lang = question.language if question.language in LANGS else "kk"
    with translation.override(lang):
        subject, email, sms = _texts(question, status, appeal)
    message = notify(
        channel=channel,
        to=address,
        subject=subject,
        body=email if channel == Channel.EMAIL else sms,
        related=question,
        language=lang,
    )
    notice.message_id = message.pk
    notice.save(update_fields=["message_id"])
    return notice
