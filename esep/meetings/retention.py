"""Retention of inspector report materials (Order 652 p.32: kept 1 year by the police body; Law on personal
data art. 12: destroyed when the purpose is reached).

``retention_purge`` (``esep retention purge``) anonymises the participants' personal data, the personal data
of complaints in the minutes, and destroys uploaded video files, once the term of the esep.law rule
``retention.inspector_materials_days`` (as in force on the meeting's date) has passed. Counts, hashes, the
minutes' text and their seal stay; a DestructionRecord says what was done, when, by whom, under which rule.
Meetings with a record are skipped, so running it again changes nothing. Chief's reports are not touched:
their materials are kept under Order 236 (Order 608 p.18).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from esep.core.audit import audit_record
from esep.meetings.lawrules import rule_citation, term_end
from esep.meetings.models import DestructionRecord, Meeting, MeetingKind, MeetingStatus

RETENTION_RULE = "retention.inspector_materials_days"


@dataclass(frozen=True)
class PurgeResult:
    meetings: int
    participants: int
    videos: int
    items: int


def kept_until(meeting: Meeting) -> dt.date:
    day = timezone.localtime(meeting.starts_at).date()
    return term_end(RETENTION_RULE, start=day, kind=meeting.kind)


def _purge_one(meeting: Meeting, actor_name: str, now: dt.datetime) -> DestructionRecord | None:
    from esep.protocols.models import ProtocolItem

    with transaction.atomic():
        row = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if DestructionRecord.objects.filter(meeting=row).exists():
            return None
        day = timezone.localtime(row.starts_at).date()
        participants = row.participants.filter(anonymised_at__isnull=True)
        n_participants = participants.count()
        for p in participants.only("id"):
            p.full_name, p.residence, p.contact = "", "", ""
            p.person_key = f"anonymised:{p.pk}"
            p.anonymised_at = now
            p.save(update_fields=["full_name", "residence", "contact", "person_key", "anonymised_at"])
        files: list[Any] = []
        n_videos = 0
        for video in row.videos.filter(destroyed_at__isnull=True):
            if video.file:
                files.append((video.file.storage, video.file.name))
            video.file = ""
            video.url = ""
            video.destroyed_at = now
            video.save(update_fields=["file", "url", "destroyed_at"])
            n_videos += 1
        n_items = ProtocolItem.objects.filter(protocol__meeting=row, anonymised_at__isnull=True).update(
            person_name="", person_contact="", pd_salt="", anonymised_at=now
        )
        record = DestructionRecord.objects.create(
            meeting=row,
            performed_at=now,
            actor_name=actor_name[:200],
            rule_key=RETENTION_RULE,
            rule_citation=rule_citation(RETENTION_RULE, on=day, kind=row.kind)[:300],
            kept_until=kept_until(row),
            counts={
                "participants_anonymised": n_participants,
                "participants_total": row.participants.count(),
                "videos_destroyed": n_videos,
                "video_sha256": list(row.videos.values_list("sha256", flat=True)),
                "minutes_items_anonymised": n_items,
            },
        )
        audit_record(actor=actor_name, action="retention.purge", obj=row, data=record.counts)
        # Files go only once the database says they are destroyed.
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return record


def retention_purge(*, actor_name: str = "esep retention purge", now: dt.datetime | None = None) -> PurgeResult:
    now = now or timezone.now()
    today = timezone.localdate(now)
    totals = {"meetings": 0, "participants": 0, "videos": 0, "items": 0}
    candidates = (
        Meeting.objects.filter(kind=MeetingKind.INSPECTOR, destruction__isnull=True, starts_at__lt=now)
        .exclude(status__in=[MeetingStatus.DRAFT, MeetingStatus.CANCELLED])
        .order_by("starts_at")
    )
    for meeting in candidates.iterator(chunk_size=200):
        if kept_until(meeting) >= today:
            continue
        record = _purge_one(meeting, actor_name, now)
        if record is None:
            continue
        totals["meetings"] += 1
        totals["participants"] += record.counts["participants_anonymised"]
        totals["videos"] += record.counts["videos_destroyed"]
        totals["items"] += record.counts["minutes_items_anonymised"]
    return PurgeResult(**totals)
