"""Witnesses of the minutes seal that live outside the rows they protect (docs/minutes.md, "The seal").

1. A key held outside the database (``ESEP_SEAL_KEY``; without it, ``var/seal_key`` on this machine): each
   sealed version carries ``mac = HMAC-SHA256(key, protocol | number | sha256)``. Whoever can write the
   database but does not hold the key can recompute the SHA-256 chain, but not the MAC.
2. A chain head per police body per day (Asia/Almaty), published by ``esep protocols publish-heads``:
   ``head = sha256(previous head | day | every version of the body sealed that day)``, itself MACed. Heads are
   shown on the public page /<lang>/seal/, in its Atom feed and in the printed minutes; once copied outside
   (a reader's feed, a printed sheet, an archive), not even the key holder can change them unseen.

``esep protocols verify`` checks every version's MAC, the live versions against every published head (and
heads given from outside with ``--head``), and the audit log's seal entries against the live versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from esep import conf
from esep.core import clock

HEAD_SCHEMA = "esep/head/v1"
MAC_SCHEMA = "esep/minutes/v1"


def _key() -> bytes:
    raw = getattr(settings, "ESEP_SEAL_KEY", "") or conf.local_seal_key()
    return raw.encode("utf-8")


def key_id() -> str:
    """Names the key without revealing it, so a version sealed under another key is told apart."""
    return hashlib.sha256(b"esep-seal-key-id|" + _key()).hexdigest()[:16]


def _mac(message: str) -> str:
    return hmac.new(_key(), message.encode("utf-8"), hashlib.sha256).hexdigest()


def version_mac(protocol_id: int, number: int, sha256: str) -> str:
    return _mac(f"{MAC_SCHEMA}|{protocol_id}|{number}|{sha256}")


def mac_matches(expected: str, given: str) -> bool:
    return bool(given) and hmac.compare_digest(expected, given)


def body_genesis(body_id: int) -> str:
    """Each body's chain of heads starts from a value of its own, so heads cannot be moved between bodies."""
    return hashlib.sha256(f"{HEAD_SCHEMA}|genesis|{body_id}".encode()).hexdigest()


def head_hash(prev: str, day: dt.date, entries: list[str]) -> str:
    return hashlib.sha256("|".join([prev, day.isoformat(), *entries]).encode("utf-8")).hexdigest()


def head_mac(body_id: int, day: dt.date, head: str) -> str:
    return _mac(f"{HEAD_SCHEMA}|{body_id}|{day.isoformat()}|{head}")


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def versions_by_day(
    body_id: int, *, since: dt.date | None = None, before: dt.date | None = None
) -> dict[dt.date, list[str]]:
    """The body's sealed versions, grouped by the day (Asia/Almaty) they were sealed, each as
    "protocol:number:sha256:mac", in a fixed order."""
    from esep.protocols.models import ProtocolVersion

    qs = ProtocolVersion.objects.filter(protocol__meeting__body_id=body_id, sealed_at__isnull=False).exclude(sha256="")
    if since is not None:
        qs = qs.filter(sealed_at__gte=_day_start(since))
    if before is not None:
        qs = qs.filter(sealed_at__lt=_day_start(before))
    groups: dict[dt.date, list[tuple[int, int, str]]] = defaultdict(list)
    for protocol_id, number, sha256, mac, sealed_at in qs.values_list(
        "protocol_id", "number", "sha256", "mac", "sealed_at"
    ):
        groups[timezone.localdate(sealed_at)].append((protocol_id, number, f"{protocol_id}:{number}:{sha256}:{mac}"))
    return {day: [e for _p, _n, e in sorted(rows)] for day, rows in sorted(groups.items())}


@dataclass(frozen=True)
class PublishResult:
    bodies: int
    heads: int


def heads_publish(*, today: dt.date | None = None) -> PublishResult:
    """Publish the chain head of every body for every finished day on which it sealed minutes and that has no
    head yet. Idempotent and safe on several servers: each body is locked (SKIP LOCKED) while its heads are
    computed, and a (body, day) pair is unique."""
    from esep.core.pagecache import public_changed_on_commit
    from esep.police.models import PoliceBody
    from esep.protocols.models import ChainHead, ProtocolVersion

    today = today or clock.localdate()
    body_ids = sorted(
        set(
            ProtocolVersion.objects.filter(sealed_at__lt=_day_start(today))
            .exclude(sha256="")
            .values_list("protocol__meeting__body_id", flat=True)
            .distinct()
        )
    )
    created = bodies = 0
    now = clock.now()
    for body_id in body_ids:
        with transaction.atomic():
            locked = PoliceBody.objects.select_for_update(skip_locked=True).filter(pk=body_id).first()
            if locked is None:
                continue  # another server is publishing this body's heads right now
            last = ChainHead.objects.filter(body_id=body_id).order_by("-day").first()
            since = last.day + dt.timedelta(days=1) if last else None
            groups = versions_by_day(body_id, since=since, before=today)
            prev = last.head if last else body_genesis(body_id)
            rows = []
            for day, entries in groups.items():
                head = head_hash(prev, day, entries)
                rows.append(
                    ChainHead(
                        body_id=body_id, day=day, prev_head=prev, head=head, versions=len(entries),
                        mac=head_mac(body_id, day, head), key_id=key_id(), published_at=now,
                    )
                )  # fmt: skip
                prev = head
            if rows:
                ChainHead.objects.bulk_create(rows, ignore_conflicts=True)
                created += len(rows)
                bodies += 1
                public_changed_on_commit()
    return PublishResult(bodies=bodies, heads=created)


@dataclass(frozen=True)
class OutsideHead:
    """A head copied from outside the database (a printed sheet, a saved feed): "body-slug:YYYY-MM-DD:hex"."""

    body_slug: str
    day: dt.date
    head: str

    @classmethod
    def parse(cls, text: str) -> OutsideHead:
        try:
            slug, day, head = text.strip().rsplit(":", 2)
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            raise ValueError(f"expected body-slug:YYYY-MM-DD:head, got {text!r}") from None
        head = head.lower()
        if len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
            raise ValueError(f"a head is 64 hexadecimal characters, got {head!r}")
        return cls(slug, parsed, head)


def verify_heads(outside: list[OutsideHead] = ()) -> list:
    """Compare every published head with the live versions, and every head given from outside with the
    published ones."""
    from esep.police.models import PoliceBody
    from esep.protocols.models import ChainHead, ProtocolVersion
    from esep.protocols.sealing import Problem

    problems: list[Problem] = []
    current_key = key_id()
    body_ids = set(ChainHead.objects.values_list("body_id", flat=True).distinct())
    body_ids |= set(
        ProtocolVersion.objects.exclude(sha256="").values_list("protocol__meeting__body_id", flat=True).distinct()
    )
    for body_id in sorted(body_ids):
        heads = list(ChainHead.objects.filter(body_id=body_id).order_by("day"))
        if not heads:
            continue
        groups = versions_by_day(body_id)
        prev = body_genesis(body_id)
        for h in heads:
            label = f"protocols.chainhead #{h.pk} (body {body_id}, {h.day.isoformat()})"
            if h.key_id != current_key:
                problems.append(Problem(label, f"published under another seal key (key id {h.key_id})"))
            elif not mac_matches(head_mac(body_id, h.day, h.head), h.mac):
                problems.append(Problem(label, "the head's MAC does not match: written without the seal key"))
            if h.prev_head != prev:
                problems.append(Problem(label, "not chained to the previous published head"))
            entries = groups.get(h.day, [])
            if head_hash(h.prev_head, h.day, entries) != h.head:
                problems.append(
                    Problem(
                        label,
                        f"the minutes sealed that day differ from the published head ({len(entries)} live "
                        f"version(s), {h.versions} published): rewritten, deleted or un-signed",
                    )
                )
            prev = h.head
        published_days = {h.day for h in heads}
        last_day = heads[-1].day
        for day in groups:
            if day <= last_day and day not in published_days:
                problems.append(
                    Problem(
                        f"police body #{body_id}",
                        f"minutes sealed on {day.isoformat()}, a day no published head covers: added afterwards",
                    )
                )
    for copy in outside:
        body = PoliceBody.objects.filter(slug=copy.body_slug).first()
        label = f"head {copy.body_slug}:{copy.day.isoformat()}"
        stored = ChainHead.objects.filter(body=body, day=copy.day).first() if body else None
        if stored is None:
            problems.append(Problem(label, "published outside but missing from the database"))
        elif stored.head != copy.head:
            problems.append(Problem(label, "the database's head differs from the copy published outside"))
    return problems


def verify_audit() -> list:
    """Every seal the audit log recorded must still be a sealed version with the same hash."""
    from esep.core.models import AuditEntry
    from esep.protocols.models import Protocol, ProtocolVersion
    from esep.protocols.sealing import Problem

    live = {(str(p), n): sha for p, n, sha in ProtocolVersion.objects.values_list("protocol_id", "number", "sha256")}
    numbers = {
        str(pk): f"{n}/{y}"
        for pk, n, y in Protocol.objects.filter(register_number__isnull=False).values_list(
            "pk", "register_number", "register_year"
        )
    }
    problems = []
    for entry in AuditEntry.objects.filter(action="protocol.seal").order_by("pk").iterator(chunk_size=2000):
        data = entry.data or {}
        key = (entry.object_id, data.get("version"))
        if key not in live or not live[key]:
            problems.append(
                Problem(
                    f"protocols.protocol #{entry.object_id}",
                    f"version {data.get('version')} was sealed (audit entry #{entry.pk}) and is no longer: un-signed?",
                )
            )
        elif data.get("sha256") and live[key] != data["sha256"]:
            problems.append(
                Problem(
                    f"protocols.protocol #{entry.object_id}",
                    f"version {data.get('version')} differs from the hash the audit log recorded when it was sealed",
                )
            )
        if data.get("number") and numbers.get(entry.object_id) != data["number"]:
            problems.append(
                Problem(
                    f"protocols.protocol #{entry.object_id}",
                    f"register number {data['number']} was given when sealed (audit entry #{entry.pk}) and has changed",
                )
            )
    return problems


def versions_adopt() -> tuple[int, int]:
    """Versions sealed before the seal key existed get its MAC, but only when their own chain verifies
    (apart from the missing MAC): an upgrade must not bless a chain that was already tampered with."""
    from esep.protocols.models import Protocol, ProtocolVersion
    from esep.protocols.sealing import verify_protocol

    adopted = refused = 0
    ids = ProtocolVersion.objects.filter(mac="").exclude(sha256="").values_list("protocol_id", flat=True).distinct()
    for protocol in Protocol.objects.filter(pk__in=list(ids)).select_related("meeting").order_by("pk"):
        problems = [p for p in verify_protocol(protocol) if "MAC" not in p.message]
        legacy = ProtocolVersion.objects.filter(protocol=protocol, mac="").exclude(sha256="")
        if problems:
            refused += legacy.count()
            continue
        with transaction.atomic():
            for version in legacy.select_for_update():
                version.mac = version_mac(protocol.pk, version.number, version.sha256)
                version.key_id = key_id()
                version.save(update_fields=["mac", "key_id"])
                adopted += 1
    return adopted, refused
