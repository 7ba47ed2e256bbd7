"""SMS backends. There is no real SMS gateway in this installation: ``log`` writes each SMS to a log file
(``SMS_LOG_FILE``) and the logger ``esep.sms``; ``locmem`` keeps them in memory for tests. A gateway is a
class with ``send(message) -> provider_id`` declared in ``SMS_BACKEND``; it raises on failure."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

from esep.core import clock

logger = logging.getLogger("esep.sms")

BACKENDS = {
    "log": "esep.notifications.backends.LogSmsBackend",
    "locmem": "esep.notifications.backends.LocmemSmsBackend",
}


class SmsBackend:
    def send(self, message) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class LogSmsBackend(SmsBackend):
    """Records the SMS as sent to a file: for installations without a gateway, and for demos."""

    def send(self, message) -> str:
        provider_id = uuid.uuid4().hex
        line = f"{clock.now().isoformat()}\t{provider_id}\t{message.to}\t{message.body!r}\n"
        path = Path(settings.SMS_LOG_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(line)
        logger.info("SMS %s to %s", provider_id, message.to)
        return provider_id


class LocmemSmsBackend(SmsBackend):
    """Keeps SMS in ``outbox`` (like Django's locmem mail backend). ``fail_next`` makes sends raise."""

    outbox: list = []
    fail_next: int = 0

    def send(self, message) -> str:
        if LocmemSmsBackend.fail_next > 0:
            LocmemSmsBackend.fail_next -= 1
            raise ConnectionError("SMS gateway unavailable (test)")
        provider_id = uuid.uuid4().hex
        LocmemSmsBackend.outbox.append({"to": message.to, "body": message.body, "provider_id": provider_id})
        return provider_id


def sms_backend() -> SmsBackend:
    name = getattr(settings, "SMS_BACKEND", "") or ("locmem" if getattr(settings, "TESTING", False) else "log")
    return import_string(BACKENDS.get(name, name))()
