"""The register of minutes: each police body numbers its sealed minutes 1, 2, 3… anew every year.

The number is given when the original version is sealed (esep.protocols.services), inside the sealing
transaction: the body-year counter (MinutesRegister) is locked with select_for_update, so minutes sealed at
once on several servers get consecutive numbers, never the same one. The year is the year of sealing in
Asia/Almaty (a register counts what was registered in it). The unique constraint on Protocol
(register_body, register_year, register_number) is the backstop; a collision there is retried.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from esep.protocols.models import MinutesRegister, Protocol

RETRIES = 3


def _counter(body_id: int, year: int) -> MinutesRegister:
    """The locked counter of one body and year, created on the first number of the year."""
    try:
        with transaction.atomic():
            MinutesRegister.objects.get_or_create(body_id=body_id, year=year)
    except IntegrityError:  # created at the same instant elsewhere: it exists now
        pass
    return MinutesRegister.objects.select_for_update().get(body_id=body_id, year=year)


def register_number_assign(protocol: Protocol) -> Protocol:
    """Give sealed minutes their register number (idempotent: minutes keep the number they have).
    Call inside the sealing transaction, with the protocol row locked and ``signed_at`` set."""
    if protocol.register_number is not None:
        return protocol
    body_id = protocol.meeting.body_id
    year = timezone.localtime(protocol.signed_at).year
    for attempt in range(RETRIES):
        counter = _counter(body_id, year)
        counter.last_number += 1
        try:
            with transaction.atomic():
                counter.save(update_fields=["last_number"])
                Protocol.objects.filter(pk=protocol.pk).update(
                    register_body_id=body_id, register_year=year, register_number=counter.last_number
                )
        except IntegrityError:
            # A number taken outside the counter (a restored row, a hand edit): move past it and retry.
            if attempt == RETRIES - 1:
                raise
            taken = (
                Protocol.objects.filter(register_body_id=body_id, register_year=year)
                .order_by("-register_number")
                .values_list("register_number", flat=True)
                .first()
            )
            MinutesRegister.objects.filter(body_id=body_id, year=year).update(last_number=taken or 0)
            continue
        protocol.register_body_id, protocol.register_year = body_id, year
        protocol.register_number = counter.last_number
        return protocol
    return protocol  # pragma: no cover - the loop returns or raises
