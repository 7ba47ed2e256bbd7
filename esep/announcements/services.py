"""Publishing a meeting and recording where its announcement went (Order 608 p.8.2; Order 652 p.27).

The notice term comes from esep.law ("meeting.notice_days", the rule of the meeting's date). Publishing
later than that is refused unless a person gives a reason; the reason is stored and stands as a finding
that the compliance engine reads through the describer registered in apps.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.announcements.models import Announcement, Channel, ChannelRecord
from esep.announcements.signals import meeting_announced
from esep.announcements.texts import announcement_texts, meeting_public_url
from esep.core import clock
from esep.core.audit import audit_record
from esep.core.pagecache import public_changed_on_commit
from esep.meetings.models import STATUTORY_KINDS, Meeting, MeetingStatus

NOTICE_RULE = "meeting.notice_days"
PUBLISHABLE = frozenset({MeetingStatus.DRAFT, MeetingStatus.SCHEDULED})


def notice_rule(day: dt.date, kind: str | None = None, *, lang: str = "en") -> tuple[int, str]:
    """The minimum notice in calendar days and its citation, as the law stood on ``day`` for a meeting of
    ``kind`` (Order 608 p.8.2 for a chief, Order 652 p.27 for an inspector). The citation is in English
    (as stored on records) unless ``lang`` asks for Kazakh or Russian. A joint reception with the public
    council is no report under those orders: no notice term applies to it, (0, "")."""
    from esep.law.rules import citation, value

    if kind is not None and kind not in STATUTORY_KINDS:
        return 0, ""
    return int(value(NOTICE_RULE, on=day, kind=kind)), str(
        citation(NOTICE_RULE, on=day, kind=kind, lang=lang if lang in {"kk", "ru"} else "en")
    )


def _reader_language() -> str:
    return (get_language() or "en")[:2]


def notice_days_left(meeting: Meeting, *, now: dt.datetime | None = None) -> int:
    """Calendar days between today and the meeting's day, both in Asia/Almaty."""
    today = timezone.localdate(now or clock.now())
    return (timezone.localdate(meeting.starts_at) - today).days


def announcement_publish(
    *, meeting: Meeting, actor: Any, late_reason: str = "", now: dt.datetime | None = None
) -> Announcement:
    """Announce a meeting: it becomes public (status ANNOUNCED), Esep's site is recorded as the first channel,
    and the Kazakh and Russian texts for media are written. Refused when the notice is shorter than the law
    requires and no reason is given."""
    require(actor, Action.PUBLISH, meeting)
    now = now or clock.now()
    late_reason = (late_reason or "").strip()
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status not in PUBLISHABLE:
            raise ValidationError(_("Only a draft or scheduled meeting can be published."))
        if locked.starts_at <= now:
            raise ValidationError(_("The meeting has already started: it cannot be announced."))
        if not (locked.venue_kk or locked.venue_ru or locked.online_url):
            # Order 608 p.8.2: the announcement gives the time and the place.
            raise ValidationError(_("Give the venue or the online link before publishing."))
        days_before = notice_days_left(locked, now=now)
        required, cited = notice_rule(timezone.localdate(locked.starts_at), locked.kind)
        if days_before < required and not late_reason:
            raise ValidationError(
                _(
                    "The meeting is in %(days)s days, but it must be announced at least %(required)s days "
                    "before (%(citation)s). Give the reason for publishing late; it will be recorded as a finding."
                )
                % {
                    "days": days_before,
                    "required": required,
                    "citation": notice_rule(timezone.localdate(locked.starts_at), locked.kind, lang=_reader_language())[
                        1
                    ],
                }
            )
        texts = announcement_texts(locked)
        announcement = Announcement.objects.create(
            meeting=locked,
            published_at=now,
            published_by=actor if getattr(actor, "is_authenticated", False) else None,
            notice_days_required=required,
            notice_rule_citation=cited[:300],
            days_before=days_before,
            late_reason=late_reason if days_before < required else "",
            text_kk=texts["kk"],
            text_ru=texts["ru"],
        )
        ChannelRecord.objects.create(
            announcement=announcement,
            channel=Channel.WEBSITE,
            date=timezone.localdate(now),
            url=meeting_public_url(locked, "kk"),
            recorded_by=announcement.published_by,
        )
        Meeting.objects.filter(pk=locked.pk).update(status=MeetingStatus.ANNOUNCED, published_at=now)
        # Questions sent to the precinct's inspector while no report was announced join this one; people
        # following the precinct, its body or region are told (esep.accountability receives the signal).
        meeting_announced.send(sender=Meeting, meeting=locked)
        audit_record(
            actor=actor,
            action="announcement.publish",
            obj=announcement,
            data={"meeting": locked.code, "days_before": days_before, "required": required, "late_reason": late_reason},
        )
        public_changed_on_commit()
    return announcement


def announcement_channel_record(
    *,
    announcement: Announcement,
    channel: str,
    date: dt.date,
    actor: Any,
    url: str = "",
    scan: Any = None,
    note: str = "",
) -> ChannelRecord:
    """Record one channel with its date and proof: a link or a scan (Order 652 p.27)."""
    if channel not in Channel.values:
        raise ValidationError(_("Unknown channel."))
    if not url and not scan:
        raise ValidationError(_("Attach the proof: a link or a scan."))
    if date > clock.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        record = ChannelRecord(
            announcement=locked,
            channel=channel,
            date=date,
            url=url,
            note=note.strip()[:300],
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        if scan is not None:
            record.scan = scan
        record.save()
        audit_record(
            actor=actor, action="announcement.channel", obj=locked, data={"channel": channel, "date": str(date)}
        )
    return record


# Esep's channels in the vocabulary of the compliance description (docs/compliance.md).
COMPLIANCE_CHANNELS = {
    Channel.WEBSITE: "official_website",
    Channel.REGIONAL_MEDIA: "print",
    Channel.TV_RADIO: "tv_radio",
    Channel.SOCIAL_NETWORKS: "social_network",
    Channel.ENTERPRISES: "organisations",
    Channel.ENTRANCE_POSTERS: "other",
}


def announcement_describe(meeting: Meeting, description: dict[str, Any]) -> None:
    """Describer for esep.law.describe: adds ``announcement`` (published_at, channels, content) for a stored
    meeting, and the late reason under ``extra`` so a reader of the finding sees why."""
    announcement = Announcement.objects.filter(meeting_id=meeting.pk).prefetch_related("channels").first()
    if announcement is None:
        return
    channels = sorted({COMPLIANCE_CHANNELS[c.channel] for c in announcement.channels.all()})
    description["announcement"] = {
        "published_at": timezone.localtime(announcement.published_at).isoformat(),
        "channels": channels,
        # The generated text always states time, place (or link), the body's schedule and the question form.
        "content": {
            "time": True,
            "place": bool(meeting.venue_kk or meeting.venue_ru or meeting.online_url),
            "schedule": True,
            "questions_channel": True,
        },
    }
    if announcement.late_reason:
        description.setdefault("extra", {})["announcement_late_reason"] = announcement.late_reason
