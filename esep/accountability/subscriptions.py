"""Following a precinct, a police body or a region by e-mail.

Double opt-in: a request stores the address with the consent (its wording's version and the moment, Law on
personal data arts. 7-8) and sends one confirmation link; nothing else is sent before it is opened, and a
subscription nobody confirms is deleted with its address once the term of the esep.law rule
``retention.subscription_unconfirmed_days`` has passed (``esep retention purge``). Every alert carries a
one-click unsubscribe link; unsubscribing deletes the address at once (art. 12: destroyed when the purpose
is reached), and the purge removes any address left on an ended subscription. Alerts go through the outbox
in the caller's transaction and are written once per (subscription, meeting, event, key), so a repeated
call or a racing server sends nothing twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from esep.accountability.models import (
    FollowScope,
    Subscription,
    SubscriptionEvent,
    SubscriptionNotice,
)
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.i18n import localized
from esep.meetings.models import Meeting, MeetingStatus
from esep.notifications.models import Channel
from esep.notifications.services import notify

CONSENT_VERSION = "follow-2026-1"
CONSENT_TEXTS = {
    CONSENT_VERSION: gettext_lazy(
        "I agree that %(operator)s (the operator) processes my e-mail address for one purpose only: to send me "
        "news of police reports to the population of what I follow (new reports, changed dates, published "
        "results). The address is stored in Kazakhstan, is not passed to anyone and is deleted as soon as I "
        "unsubscribe, which I can do at any time with the link in every message."
    ),
}
LANGS = ("kk", "ru", "en")


def consent_text(operator: str) -> str:
    return str(CONSENT_TEXTS[CONSENT_VERSION]) % {"operator": operator}


def _url(name: str, token: str, lang: str) -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse(f"accountability_public:{name}", args=[token])


def target_name(sub: Subscription) -> str:
    target = sub.precinct or sub.body or sub.region
    return localized(target, "name") if target is not None else ""


def subscription_request(
    *, email: str, scope: str, target, language: str = "kk", consent_given: bool = False
) -> Subscription:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address.")) from None
    if not consent_given:
        raise ValidationError(_("To receive the messages, agree to the processing of your e-mail address."))
    if scope not in FollowScope.values or target is None:
        raise ValidationError(_("Choose what to follow."))
    language = language if language in LANGS else "kk"
    with transaction.atomic():
        field = {"precinct": "precinct", "body": "body", "region": "region"}[scope]
        existing = (
            Subscription.objects.select_for_update()
            .filter(email__iexact=email, scope=scope, unsubscribed_at__isnull=True, **{field: target})
            .first()
        )
        if existing is not None and existing.confirmed_at is not None:
            return existing  # already following: no second message, and nothing tells a stranger so
        if existing is not None:
            # Asked again: a new consent and a new confirmation mail, from which the retention term runs anew.
            existing.consent_version, existing.consent_at = CONSENT_VERSION, clock.now()
            existing.save(update_fields=["consent_version", "consent_at"])
        sub = existing or Subscription.objects.create(
            email=email,
            scope=scope,
            language=language,
            consent_version=CONSENT_VERSION,
            consent_at=clock.now(),
            **{field: target},
        )
        with translation.override(language):
            subject = _("Confirm: news of police reports for %(what)s") % {"what": target_name(sub)}
            body = "\n\n".join(
                [
                    _("Someone (we hope you) asked to receive news of police reports for %(what)s at this address.")
                    % {"what": target_name(sub)},
                    _("To confirm, open this link:"),
                    _url("follow_confirm", sub.token, language),
                    _("If it was not you, do nothing: without confirmation nothing will be sent."),
                ]
            )
        notify(channel=Channel.EMAIL, to=email, subject=subject, body=body, related=sub, language=language)
        audit_record(actor="resident", action="subscription.request", obj=sub, data={"scope": scope})
    return sub


def subscription_by_token(token: str) -> Subscription | None:
    if not token or len(token) > 64:
        return None
    return Subscription.objects.select_related("precinct", "body", "region").filter(token=token).first()


def subscription_confirm(*, token: str) -> Subscription | None:
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().filter(token=token[:64], unsubscribed_at__isnull=True).first()
        if sub is None:
            return None
        if sub.confirmed_at is None:
            sub.confirmed_at = clock.now()
            sub.save(update_fields=["confirmed_at"])
            audit_record(actor="resident", action="subscription.confirm", obj=sub)
    return sub


def subscription_unsubscribe(*, token: str) -> Subscription | None:
    """One click: the subscription ends and the address is deleted. Unsubscribing again changes nothing."""
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().filter(token=token[:64]).first()
        if sub is None:
            return None
        if sub.unsubscribed_at is None:
            sub.unsubscribed_at = clock.now()
            sub.email = ""
            sub.save(update_fields=["unsubscribed_at", "email"])
            audit_record(actor="resident", action="subscription.unsubscribe", obj=sub)
    return sub


def subscriptions_delete_unconfirmed(*, requested_before: dt.datetime) -> int:
    """Delete the subscriptions never confirmed whose confirmation mail went before ``requested_before`` (the
    cut-off comes from the esep.law rule ``retention.subscription_unconfirmed_days``; esep.workflows.retention
    records the destruction in the same transaction). The rows are locked first and the delete checks again
    that they are unconfirmed, so a link opened at the same moment either confirms or finds nothing."""
    due = Subscription.objects.filter(confirmed_at__isnull=True, consent_at__lt=requested_before)
    deleted = 0
    with transaction.atomic():
        ids = list(due.select_for_update().values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            _total, per_model = Subscription.objects.filter(
                pk__in=ids[start : start + 500], confirmed_at__isnull=True
            ).delete()
            deleted += per_model.get(Subscription._meta.label, 0)
    return deleted


def subscriptions_forget_unsubscribed(*, unsubscribed_before: dt.datetime) -> int:
    """Remove the address still kept on subscriptions that ended before ``unsubscribed_before`` (the one-click
    link removes it at once; this catches one ended another way, such as by staff in the admin)."""
    return (
        Subscription.objects.filter(unsubscribed_at__isnull=False, unsubscribed_at__lt=unsubscribed_before)
        .exclude(email="")
        .update(email="")
    )


def subscribers_of(meeting: Meeting):
    """Active subscriptions that cover ``meeting``: its precincts, its body, or the region of its body."""
    region_prefix = meeting.body.territory.kato[:2]
    cond = Q(scope=FollowScope.PRECINCT, precinct__in=meeting.precincts.all()) | Q(
        scope=FollowScope.BODY, body=meeting.body
    )
    cond |= Q(scope=FollowScope.REGION, region__kato__startswith=region_prefix, region__level="oblast")
    return Subscription.objects.filter(cond, confirmed_at__isnull=False, unsubscribed_at__isnull=True)


def _event_texts(sub: Subscription, meeting: Meeting, event: str) -> tuple[str, str]:
    lang = sub.language
    with translation.override(lang):
        when = formats.date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")
        ctx = {"what": target_name(sub), "when": when, "kind": meeting.get_kind_display()}
        if event == SubscriptionEvent.NEW_REPORT:
            subject = _("New report: %(kind)s, %(when)s") % ctx
        elif event == SubscriptionEvent.DATE_CHANGED:
            subject = _("The date of a report changed: now %(when)s") % ctx
        else:
            subject = _("Results of the report of %(when)s are published") % ctx
        meeting_url = settings.SITE_URL + reverse("public:meeting", kwargs={"code": meeting.code})
        body = "\n\n".join(
            [
                subject,
                localized(meeting.body, "name"),
                meeting.venue,
                meeting_url,
                _("You receive this because you follow %(what)s. Unsubscribe with one click:") % ctx,
                _url("follow_unsubscribe", sub.token, lang),
            ]
        )
    return subject, body


def alert_subscribers(*, meeting: Meeting, event: str) -> int:
    """Queue one message per active subscriber for this meeting, event and date; returns how many."""
    key = timezone.localtime(meeting.starts_at).isoformat() if event != SubscriptionEvent.RESULTS else ""
    sent = 0
    for sub in subscribers_of(meeting).order_by("pk"):
        try:
            with transaction.atomic():
                notice = SubscriptionNotice.objects.create(subscription=sub, meeting=meeting, event=event, key=key)
                subject, body = _event_texts(sub, meeting, event)
                message = notify(
                    channel=Channel.EMAIL, to=sub.email, subject=subject, body=body, related=sub, language=sub.language
                )
                SubscriptionNotice.objects.filter(pk=notice.pk).update(message_id=message.pk)
        except IntegrityError:
            continue
        sent += 1
    return sent


def date_changes_sweep() -> int:
    """Alert subscribers of announced meetings whose date differs from the one they were told (however the
    date was changed: back office, admin or API)."""
    sent = 0
    told = (
        SubscriptionNotice.objects.filter(
            event__in=[SubscriptionEvent.NEW_REPORT, SubscriptionEvent.DATE_CHANGED],
            meeting__status=MeetingStatus.ANNOUNCED,
            meeting__starts_at__gte=clock.now(),
        )
        .values_list("meeting_id", flat=True)
        .distinct()
    )
    for meeting in Meeting.objects.filter(pk__in=list(told)).select_related("body__territory"):
        key = timezone.localtime(meeting.starts_at).isoformat()
        if not SubscriptionNotice.objects.filter(meeting=meeting, key=key).exists():
            with transaction.atomic():
                sent += alert_subscribers(meeting=meeting, event=SubscriptionEvent.DATE_CHANGED)
    return sent
