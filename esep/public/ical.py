"""iCalendar (RFC 5545) for meetings: escaped text, UTC times, lines folded at 75 octets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from esep.core import clock
from esep.core.i18n import localized
from esep.meetings.models import Meeting, MeetingStatus


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
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return [line]
    parts, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += ch
        size += width
    parts.append(current)
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
    for m in meetings:
        ends = m.ends_at or m.starts_at + dt.timedelta(hours=2)
        reporters = ", ".join(r.officer.full_name for r in m.reporters.all())
        summary = f"{m.get_kind_display()} · {localized(m.body, 'name')}"
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
            f"URL:{settings.SITE_URL}{reverse('public:meeting', kwargs={'code': m.code})}",
            f"STATUS:{'CANCELLED' if m.status == MeetingStatus.CANCELLED else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
