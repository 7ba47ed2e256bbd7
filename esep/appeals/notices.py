"""What Esep tells the person, the competent body and the staff about an appeal, and the timeline rows
that record it. Texts are written in the language of the appeal (АППК art. 89: the state language or the
language of the appeal). Messages go through the outbox (esep.notifications) in the caller's transaction.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from esep.appeals.models import Appeal, AppealEvent, AppealForward, EventKind
from esep.core import clock
from esep.notifications.models import Channel
from esep.notifications.services import contact_channel, notify


def status_url(appeal: Appeal, lang: str | None = None) -> str:
    with translation.override(lang or appeal.language):
        return settings.SITE_URL + reverse("accountability_public:track_code", args=[appeal.code])


def withdraw_url(lang: str | None = None) -> str:
    """The public page where a person withdraws consent with their code (Law on personal data art. 8)."""
    with translation.override(lang or translation.get_language()):
        return settings.SITE_URL + reverse("appeals_public:withdraw_consent")


def reply_url(forward: AppealForward, lang: str) -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("appeals_public:reply", args=[forward.token])


def staff_url(appeal: Appeal, lang: str = "kk") -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("appeals_staff:detail", args=[appeal.pk])


def _date(value) -> str:
    return formats.date_format(value, "d.m.Y") if value else "—"


def _person_texts(appeal: Appeal, what: str, extra: dict[str, Any]) -> tuple[str, str, str]:
    """(subject, email body, SMS body) for a notice of ``what``, in the active language."""
    ctx = {"number": appeal.number, "url": status_url(appeal, translation.get_language()), **extra}
    if what == "registered":
        subject = _("Your appeal %(number)s is registered") % ctx
        line = (
            _(
                "Your appeal is registered under number %(number)s on %(registered)s; received by %(received_by)s. "
                "The answer is due by %(due)s."
            )
            % ctx
        )
    elif what == "crime_report":
        subject = _("Your report %(number)s is registered") % ctx
        line = (
            _(
                "Your report of an offence is registered under number %(number)s and passed on to be registered "
                "as a crime report (APPK art. 3 p.4)."
            )
            % ctx
        )
    elif what == "forwarded":
        subject = _("Your appeal %(number)s was sent to %(agency)s") % ctx
        line = (
            _(
                "Your appeal %(number)s is outside police competence and was sent on %(date)s to the competent "
                "body: %(agency)s (APPK art. 65). Esep follows its answer."
            )
            % ctx
        )
    elif what == "extended":
        subject = _("The term of your appeal %(number)s is extended") % ctx
        line = _("The term of your appeal %(number)s is extended until %(until)s. Reason: %(reason)s") % ctx
    elif what == "answered":
        subject = _("Answer to your appeal %(number)s") % ctx
        line = _("Your appeal %(number)s is answered.") % ctx
    elif what == "agency_replied":
        subject = _("%(agency)s answered your appeal %(number)s") % ctx
        line = _("%(agency)s answered your appeal %(number)s.") % ctx
    elif what == "ended":
        subject = _("Your appeal %(number)s: procedure ended") % ctx
        line = _("The procedure on your appeal %(number)s ended without an answer. Reason: %(reason)s") % ctx
    elif what == "closed":
        subject = _("Your appeal %(number)s: procedure ended") % ctx
        line = (
            _(
                "Esep no longer follows your appeal %(number)s: it was closed without the competent body's "
                "answer. Reason: %(reason)s"
            )
            % ctx
        )
    elif what == "overdue":
        subject = _("Your appeal %(number)s: the term has passed") % ctx
        line = (
            _(
                "The term of your appeal %(number)s ended on %(due)s without an answer. Under APPK art. 91 p.2 "
                "silence counts as a refusal: you may complain to a higher body or to court."
            )
            % ctx
        )
    else:
        raise ValueError(what)
    follow = _("Follow it with your code %(code)s: %(url)s") % {"code": appeal.code, "url": ctx["url"]}
    # Law on personal data art. 8: the way to withdraw consent goes with every email.
    withdraw = _("To withdraw your consent and delete your contact: %(url)s") % {"url": withdraw_url()}
    email_body = "\n\n".join(part for part in (line, extra.get("details", ""), follow, withdraw) if part)
    return subject, email_body, f"{line} {ctx['url']}"


def notify_person(*, appeal: Appeal, what: str, actor: Any = None, **extra: Any) -> AppealEvent:
    """Tell the person (email or SMS, whichever they gave with consent) and write the timeline row.
    Without a contact the row says the notice was impossible, which is what an inspector must see."""
    now = clock.now()
    parsed = contact_channel(appeal.applicant_contact) if appeal.contact_consent else None
    if parsed is None:
        return AppealEvent.objects.create(
            appeal=appeal,
            at=now,
            kind=EventKind.NOTICE_IMPOSSIBLE,
            actor_name=_actor_name(actor),
            data={"about": what},
        )
    channel, address = parsed
    with translation.override(appeal.language):
        subject, email_body, sms_body = _person_texts(appeal, what, extra)
    message = notify(
        channel=channel,
        to=address,
        subject=subject,
        body=email_body if channel == Channel.EMAIL else sms_body,
        related=appeal,
        language=appeal.language,
    )
    return AppealEvent.objects.create(
        appeal=appeal,
        at=now,
        kind=EventKind.NOTICE,
        actor_name=_actor_name(actor),
        note=subject,
        data={"about": what, "message": message.pk, "channel": channel},
    )


def notify_agency(*, forward: AppealForward, lang: str = "ru") -> int | None:
    """The appeal itself to the competent body, with the link to record its answer. Returns the message id."""
    appeal = forward.appeal
    if not forward.agency_email:
        return None
    with translation.override(lang):
        ctx = {
            "number": appeal.number,
            "body": str(appeal.body),
            "subject": appeal.get_subject_display(),
            "territory": str(appeal.territory or ""),
            "due": _date(forward.agency_due_on),
            "url": reply_url(forward, lang),
        }
        subject = _("Appeal %(number)s passed to you by %(body)s (APPK art. 65)") % ctx
        lines = [
            _("%(body)s passes to you an appeal outside police competence (APPK art. 65).") % ctx,
            _("Subject: %(subject)s. Territory: %(territory)s.") % ctx,
            appeal.text,
        ]
        if appeal.applicant_name and appeal.contact_consent:
            lines.append(
                _("Applicant: %(name)s, %(contact)s")
                % {"name": appeal.applicant_name, "contact": appeal.applicant_contact}
            )
        elif appeal.applicant_name:
            lines.append(_("Applicant: %(name)s") % {"name": appeal.applicant_name})
        lines.append(_("Your term under APPK art. 76 p.2 ends on %(due)s.") % ctx)
        lines.append(_("Record your answer here (no account needed): %(url)s") % ctx)
    message = notify(
        channel=Channel.EMAIL,
        to=forward.agency_email,
        subject=subject,
        body="\n\n".join(lines),
        related=appeal,
        language=lang,
    )
    return message.pk


def notify_staff(*, appeal: Appeal, recipients: list[tuple[str, str]], subject: str, body: str) -> list[int]:
    """Reminders to responsible staff: ``recipients`` are (email, language) pairs."""
    ids = []
    for email, lang in recipients:
        if contact_channel(email) is None:
            continue
        ids.append(
            notify(channel=Channel.EMAIL, to=email, subject=subject, body=body, related=appeal, language=lang).pk
        )
    return ids


def _actor_name(actor: Any) -> str:
    if actor is None:
        return ""
    if isinstance(actor, str):
        return actor[:200]
    if getattr(actor, "is_authenticated", False):
        return (actor.get_full_name() or actor.get_username())[:200]
    return ""
