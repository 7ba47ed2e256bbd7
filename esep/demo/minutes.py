"""Minutes of the demo's archive: signed and sealed in bulk, the way esep.protocols.services would have.

The archive (esep.demo.generator) holds some 17,000 reports; playing each through the services would take
minutes, so their rows are built in memory with the functions the services use (the canonical content, the
slots the rules of the meeting's date require, the seal's record of the signatures, the chain hash and the
MAC under the seal key) and written with bulk_create, body by body in the order they were sealed. Then the
chain heads are published (esep.protocols.witness), as the periodic job would have done every night, so that
``esep protocols verify`` checks the whole demo against them.

Most reports are signed on the day (Order 608 pp.14-15; Order 652 p.32); a minority is signed days later,
and a few are never signed: the draft is kept, or (for a chief's report) only the secretary signed, or no
minutes were kept at all. Oversight counts a report as done only with signed minutes, so "who did not report"
shows a country that mostly reported, with something left to find. The minutes hold no personal data: the
place, the number of participants counted on the paper sheet, the agenda and the signatures of police staff.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.utils import timezone, translation

from esep.accountability.models import ReportPublication
from esep.accounts.models import POLICE_ROLES, Role, RoleAssignment, User
from esep.core import clock
from esep.core.models import AuditEntry
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus
from esep.protocols import sealing, witness
from esep.protocols.models import MinutesRegister, Protocol, ProtocolStatus, ProtocolVersion, Signature
from esep.protocols.signatories import slots_for

if TYPE_CHECKING:  # pragma: no cover
    from esep.demo.generator import Generator

ALMATY = ZoneInfo("Asia/Almaty")
# Shares of the archive's held reports: signed on the day, signed days later, draft never signed, no minutes
# (the rest, about 2 %). A chief's draft is half the time signed by the secretary only.
ON_TIME, LATE, DRAFT = 0.86, 0.06, 0.04
AGENDA = {
    MeetingKind.INSPECTOR: "1. Учаскелік инспектордың тоқсандағы жұмысы туралы есебі.\n"
    "2. Тұрғындардың сұрақтары, шағымдары мен ұсыныстары.",
    MeetingKind.CHIEF: "1. Полиция органы бастығының жыл қорытындысы бойынша есебі.\n"
    "2. Азаматтардың ұсыныстары мен ескертулері.",
}
COUNTED_ON_PAPER = "Қатысушылар қағаз тіркеу парағы бойынша саналды."
BATCH = 2000


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, ALMATY)


class _Accounts:
    """The police accounts that sign: the body's secretary and each signing officer's own account. Existing
    accounts (the demo logins, the showcase's) are reused; the others are hidden ones made here, without a
    password, as the showcase makes them (esep.demo.showcase._hidden_user)."""

    def __init__(self, gen: Generator) -> None:
        self.gen = gen
        self.secretaries: dict[int, User] = {}
        self.officers: dict[int, User] = {}
        for ra in RoleAssignment.objects.filter(role__in=list(POLICE_ROLES)).select_related("user").order_by("id"):
            if ra.officer_id is not None:
                self.officers.setdefault(ra.officer_id, ra.user)
            if ra.role == Role.SECRETARY and ra.body_id is not None:
                self.secretaries.setdefault(ra.body_id, ra.user)
        self.new: list[tuple[User, RoleAssignment]] = []

    def _hidden(self, username: str, first: str, last: str, grant: RoleAssignment) -> User:
        user = User(username=username, first_name=first, last_name=last, password=make_password(None))
        self.new.append((user, grant))
        return user

    def secretary(self, body) -> User:
        if body.pk not in self.secretaries:
            self.secretaries[body.pk] = self._hidden(
                f"demo-{body.slug}-secretary", "Хатшы", "Полиция", RoleAssignment(role=Role.SECRETARY, body=body)
            )
        return self.secretaries[body.pk]

    def officer(self, officer, body, role: str) -> User:
        if officer.pk not in self.officers:
            self.officers[officer.pk] = self._hidden(
                f"demo-{body.slug}-officer-{officer.pk}",
                officer.first_name,
                officer.last_name,
                RoleAssignment(role=role, body=body, officer=officer),
            )
        return self.officers[officer.pk]

    def save(self) -> int:
        users = [u for u, _g in self.new]
        User.objects.bulk_create(users, batch_size=BATCH)
        for user, grant in self.new:
            grant.user = user
        RoleAssignment.objects.bulk_create([g for _u, g in self.new], batch_size=BATCH)
        return len(users)


def _signer(accounts: _Accounts, slot, meeting: Meeting, reporters) -> User:
    """The account that fills ``slot`` under esep.accounts.permissions.may_sign_slot."""
    if slot.officer_id is not None:
        officer = next(r.officer for r in reporters if r.officer_id == slot.officer_id)
        return accounts.officer(officer, meeting.body, Role.INSPECTOR)
    if slot.role == "chief":
        return accounts.officer(accounts.gen.chiefs[meeting.body_id], meeting.body, Role.CHIEF)
    # The secretary; the akimat's stamp on the paper original is confirmed by the secretary too.
    return accounts.secretary(meeting.body)


def _fate(rng: random.Random) -> str:
    draw = rng.random()
    if draw < ON_TIME:
        return "on_time"
    if draw < ON_TIME + LATE:
        return "late"
    if draw < ON_TIME + LATE + DRAFT:
        return "draft"
    return "none"


def _signed_moment(rng: random.Random, meeting: Meeting, fate: str, latest: dt.datetime) -> dt.datetime:
    """When the last signature went in: on the meeting's day, within the hour after it ended, or a few days
    later during office hours; never after ``latest``."""
    end = meeting.ends_at or meeting.starts_at + dt.timedelta(hours=2)
    if fate == "on_time":
        moment = end + dt.timedelta(minutes=rng.randint(15, 55))
    else:
        day = _local(end).date() + dt.timedelta(days=rng.randint(1, 6))
        moment = dt.datetime(day.year, day.month, day.day, rng.randint(9, 16), rng.randint(0, 59), tzinfo=ALMATY)
    return min(moment, latest)


def archive_minutes(gen: Generator) -> dict[str, int]:
    with translation.override("kk"):
        return _archive_minutes(gen)


def _archive_minutes(gen: Generator) -> dict[str, int]:
    rng = random.Random(f"esep-demo-minutes-{gen.scale.name}")
    bodies = {b.pk: b for b in [*gen.region_bodies.values(), *gen.district_bodies.values()]}
    accounts = _Accounts(gen)
    latest = clock.now() - dt.timedelta(days=1)
    # 1. Decide each report's minutes and who signs them; the Protocol rows first (the content names their id).
    planned: list[dict[str, Any]] = []
    for meeting, reporters in gen.archive:
        meeting.body = bodies[meeting.body_id]
        fate = _fate(rng)
        if fate == "none":
            continue
        slots = slots_for(meeting, reporters)
        signers = [(slot, _signer(accounts, slot, meeting, reporters)) for slot in slots]
        sealed_at = _signed_moment(rng, meeting, "late" if fate == "late" else "on_time", latest)
        secretary = accounts.secretary(meeting.body)
        participants = max(12, min(meeting.venue_capacity or 60, int(rng.gauss(meeting.expected_attendance, 8))))
        protocol = Protocol(
            meeting=meeting, status=ProtocolStatus.DRAFT, started_at=meeting.starts_at, ended_at=meeting.ends_at,
            place=(meeting.venue_kk or meeting.venue_ru)[:300], participants_override=participants,
            participants_override_reason=COUNTED_ON_PAPER, agenda=AGENDA[meeting.kind], secretary=secretary,
            secretary_name=secretary.get_full_name()[:200], language="kk",
            created_at=(meeting.ends_at or meeting.starts_at) + dt.timedelta(minutes=10),
        )  # fmt: skip
        # A draft of a report signed by several: sometimes the first signature is in, the others never came.
        partial = fate == "draft" and len(signers) > 1 and rng.random() < 0.5
        if partial:
            protocol.status = ProtocolStatus.SIGNING
        elif fate != "draft":
            protocol.status, protocol.signed_at = ProtocolStatus.SIGNED, sealed_at
        planned.append({"protocol": protocol, "fate": fate, "signers": signers, "sealed_at": sealed_at,
                        "partial": partial})  # fmt: skip
    created_users = accounts.save()
    _register_numbers([e for e in planned if e["protocol"].status == ProtocolStatus.SIGNED])
    Protocol.objects.bulk_create([e["protocol"] for e in planned], batch_size=BATCH)

    # 2. The versions, their signatures and the seal, as protocol_sign and _seal make them.
    versions: list[tuple[ProtocolVersion, list[Signature], dict[str, Any]]] = []
    key_id = witness.key_id()
    for entry in planned:
        if entry["fate"] == "draft" and not entry["partial"]:
            continue
        protocol, signers, sealed_at = entry["protocol"], entry["signers"], entry["sealed_at"]
        count = len(signers) if not entry["partial"] else 1
        signatures = [
            Signature(slot=slot.key, role=slot.role, user=user, signer_name=_name(user),
                      signed_at=sealed_at - dt.timedelta(minutes=3 * (count - 1 - n)))
            for n, (slot, user) in enumerate(signers[:count])
        ]  # fmt: skip
        content = sealing.version_content(protocol=protocol, number=1, items=[], decisions=[])
        version = ProtocolVersion(
            protocol=protocol, number=1, content=sealing.canonical(content), created_at=signatures[0].signed_at,
            required_slots=[{"key": s.key, "role": s.role, "officer": s.officer_id, "name": s.officer_name}
                            for s, _u in signers],
        )  # fmt: skip
        if not entry["partial"]:
            version.prev_sha256 = sealing.GENESIS
            version.seal = sealing.canonical(sealing.signature_entries(signatures))
            version.sha256 = sealing.chain_hash(version.prev_sha256, version.content, version.seal)
            version.mac = witness.version_mac(protocol.pk, version.number, version.sha256)
            version.key_id = key_id
            version.sealed_at = sealed_at
        versions.append((version, signatures, entry))
    # Body by body, in the order the minutes were sealed: the order of each body's chain of heads.
    versions.sort(key=lambda v: (v[0].protocol.meeting.body_id, v[0].sealed_at or v[0].created_at, v[0].protocol.pk))
    ProtocolVersion.objects.bulk_create([v for v, _s, _e in versions], batch_size=BATCH)
    for version, signatures, _e in versions:
        for signature in signatures:
            signature.version = version
    Signature.objects.bulk_create([s for _v, sigs, _e in versions for s in sigs], batch_size=BATCH)

    # 3. What the services record beside: the protocol's state, the audit log, the meeting closed, the report
    # published for residents (place and agenda hold no personal data; the minutes PDF without it).
    signed = [e["protocol"] for e in planned if e["protocol"].status == ProtocolStatus.SIGNED]
    # The audit log keeps each seal (``esep protocols verify`` checks the live versions against it); the
    # entries of each signature and of the draft's edits are left out of the archive to keep it cheap.
    audit = [
        _audit(
            sigs[-1].user,
            "protocol.seal",
            v.protocol,
            v.sealed_at,
            {"version": v.number, "sha256": v.sha256, "number": v.protocol.document_number},
        )
        for v, sigs, _e in versions
        if v.sha256
    ]
    AuditEntry.objects.bulk_create(audit, batch_size=BATCH)
    closed = [p.meeting_id for p in signed]
    for start in range(0, len(closed), BATCH):
        Meeting.objects.filter(pk__in=closed[start : start + BATCH]).update(status=MeetingStatus.CLOSED)
    publications = [
        ReportPublication(
            meeting_id=p.meeting_id,
            public_place=p.place,
            public_agenda=p.agenda,
            show_decisions=True,
            show_items=True,
            show_video=False,
            show_minutes=True,
            known_names=[],
            published_by=p.secretary,
            published_at=min(p.signed_at + dt.timedelta(days=1), latest),
        )
        for p in signed
    ]
    ReportPublication.objects.bulk_create(publications, batch_size=BATCH)
    heads = witness.heads_publish(today=gen.today)
    return {
        "archive minutes signed": len(signed),
        "archive minutes unsigned": len(planned) - len(signed),
        "archive reports without minutes": len(gen.archive) - len(planned),
        "hidden signing accounts": created_users,
        "published chain heads": heads.heads,
    }


def _name(user: User) -> str:
    return (user.get_full_name() or user.username)[:200]


def _audit(user: User, action: str, protocol: Protocol, at: dt.datetime, data: dict[str, Any]) -> AuditEntry:
    """The rows esep.core.audit.audit_record writes, at the moment of each signature and seal."""
    return AuditEntry(
        created_at=at,
        actor=user,
        actor_name=_name(user),
        action=action,
        object_type=protocol._meta.label_lower,
        object_id=str(protocol.pk),
        object_repr=str(protocol)[:300],
        data=data,
    )


def _register_numbers(signed: list[dict[str, Any]]) -> None:
    """Register numbers as sealing gives them (esep.protocols.register): per police body and year of sealing
    in Asia/Almaty, in the order the minutes were sealed, after any number the showcase already gave; the
    body-year counters are left at the last number, so minutes sealed later through the services go on."""
    counters = {(r.body_id, r.year): r for r in MinutesRegister.objects.all()}
    last: dict[tuple[int, int], int] = {key: r.last_number for key, r in counters.items()}
    for entry in sorted(signed, key=lambda e: (e["protocol"].meeting.body_id, e["sealed_at"])):
        protocol = entry["protocol"]
        key = (protocol.meeting.body_id, timezone.localtime(entry["sealed_at"]).year)
        last[key] = last.get(key, 0) + 1
        protocol.register_body_id, protocol.register_year = key
        protocol.register_number = last[key]
    for key, number in last.items():
        if key in counters:
            MinutesRegister.objects.filter(pk=counters[key].pk).update(last_number=number)
    MinutesRegister.objects.bulk_create(
        [MinutesRegister(body_id=b, year=y, last_number=n) for (b, y), n in last.items() if (b, y) not in counters],
        batch_size=BATCH,
    )
