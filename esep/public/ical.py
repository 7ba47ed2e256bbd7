"""iCalendar (RFC 5545) for meetings: escaped text, UTC times, lines folded at 75 octets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings

from esep.core import clock
from esep.core.i18n import localized
from esep.meetings.models import Meeting, MeetingStatus
from esep.public.links import meeting_url


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space, never cut inside a character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return [line]
    parts, start, room = [], 0, 75
    while len(raw) - start > room:
        end = start + room
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, room = end, 74
    parts.append(raw[start:].decode("utf-8"))
    return [parts[0]] + [" " + p for p in parts[1:]]


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(meetings: Iterable[Meeting], *, name: str) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "esep"
    now = _stamp(clock.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Esep//Police reports//KK",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Asia/Almaty",
    ]
    kinds = {value: str(label) for value, label in Meeting._meta.get_field("kind").flatchoices}
    for m in meetings:
        ends = m.ends_at or m.starts_at + dt.timedelta(hours=2)
        names = getattr(m, "reporter_names", None)  # esep.public.selectors.feed_meetings
        reporters = ", ".join(names if names is not None else (r.officer.full_name for r in m.reporters.all()))
        summary = f"{kinds.get(m.kind, m.kind)} · {localized(m.body, 'name')}"
        description = "\n".join(p for p in (reporters, m.online_url) if p)
        # The venue and the settlement it is in: "Дом культуры, ул. Абая, 10, с.Талды".
        place = ", ".join(p for p in (m.venue, m.settlement.name if m.settlement_id else "") if p)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{m.code}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(m.starts_at)}",
            f"DTEND:{_stamp(ends)}",
            f"SUMMARY:{_escape(summary)}",
            f"LOCATION:{_escape(place or m.online_url)}",
            f"DESCRIPTION:{_escape(description)}",
            f"URL:{settings.SITE_URL}{meeting_url(m)}",
            f"STATUS:{'CANCELLED' if m.status == MeetingStatus.CANCELLED else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
