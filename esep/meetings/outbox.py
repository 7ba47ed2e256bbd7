"""Sending email and SMS from meetings and protocols through the shared outbox
(``esep.notifications.services.notify``), which records delivery. Called inside the caller's transaction:
the message row is committed with the change that caused it, or not at all."""

from __future__ import annotations

from typing import Any


def send(*, channel: str, to: str, subject: str, body: str, related: Any = None, language: str = "kk") -> Any:
    from esep.notifications.services import notify

    return notify(channel=channel, to=to, subject=subject, body=body, related=related, language=language)
