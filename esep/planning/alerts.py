"""The warning before a period ends (issue 8 item 5): a set number of days before the end of a quarter
(inspectors' reports, Order 652 p.26) or of the first quarter in which chiefs report for the past year
(Order 608 p.4), each body's staff unit and chief get one message listing the precincts with no report
planned and those with a report planned but not yet held. Idempotent: one ``PeriodAlert`` row per body and
period, inserted in the same transaction as the messages; run it daily from cron on any number of servers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esep.accounts.models import Role, RoleAssignment
from esep.accounts.permissions import Grant
from esep.core import clock
from esep.law.compliance import period_window
from esep.meetings import outbox
from esep.planning.models import PeriodAlert
from esep.planning.selectors import ObligationStatus, chief_obligations, inspector_obligations
from esep.police.models import PoliceBody

DEFAULT_DAYS_BEFORE = 14  # operational choice: two weeks leave time to plan and announce (10 days' notice)


class _System:
    """The sweep reads the whole country: an administrator's scope, without a user row."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None
    _esep_grants = [Grant(Role.ADMIN, None, "", None)]


@dataclass(frozen=True)
class AlertResult:
    alerts: int
    messages: int


def _periods(today: dt.date, days: int) -> list[tuple[str, int, int | None]]:
    """Periods ending within ``days`` days from ``today`` (and not ended yet)."""
    out: list[tuple[str, int, int | None]] = []
    quarter = (today.month - 1) // 3 + 1
    end = period_window("inspector", today.year, quarter)[1]
    if 0 <= (end - today).days <= days:
        out.append(("inspector", today.year, quarter))
    chief_end = period_window("chief", today.year - 1, None)[1]
    if 0 <= (chief_end - today).days <= days:
        out.append(("chief", today.year - 1, None))
    return out


def _recipients(body: PoliceBody) -> list[tuple[str, str]]:
    rows = RoleAssignment.objects.filter(body=body, role__in=[Role.STAFF_UNIT, Role.CHIEF]).select_related("user")
    return sorted(
        {(ra.user.email, ra.user.preferred_language or "kk") for ra in rows if ra.user.is_active and ra.user.email}
    )


def _text(kind: str, year: int, quarter: int | None, end: dt.date, not_planned: list[str], not_held: list[str]):
    period = (_("quarter %(q)s of %(y)s") % {"q": quarter, "y": year}) if kind == "inspector" else str(year)
    subject = _("Reports still owed before %(end)s") % {"end": end.strftime("%d.%m.%Y")}
    lines = [
        _("The period %(period)s ends on %(end)s. Reports to the population still owed:")
        % {"period": period, "end": end.strftime("%d.%m.%Y")}
    ]
    if not_planned:
        lines.append(_("No report planned: %(list)s") % {"list": ", ".join(not_planned)})
    if not_held:
        lines.append(_("Planned but not held yet: %(list)s") % {"list": ", ".join(not_held)})
    return subject, "\n".join(lines)


def period_alert(*, days: int = DEFAULT_DAYS_BEFORE, now: dt.datetime | None = None) -> AlertResult:
    now = now or clock.now()
    today = timezone.localdate(now)
    alerts = messages = 0
    system = _System()
    for kind, year, quarter in _periods(today, days):
        if kind == "inspector":
            items = inspector_obligations(system, year=year, quarter=quarter, as_of=today)
        else:
            items = chief_obligations(system, year=year, as_of=today)
        per_body: dict[int, tuple[PoliceBody, list[str], list[str]]] = {}
        grouped: dict[int, list] = defaultdict(list)
        for ob in items:
            grouped[ob.body.pk].append(ob)
        for body_id, obs in grouped.items():

            def label(ob) -> str:
                return f"№{ob.precinct.number}" if ob.precinct else str(ob.body)

            not_planned = [label(ob) for ob in obs if ob.status == ObligationStatus.UPCOMING]
            not_held = [label(ob) for ob in obs if ob.status in (ObligationStatus.PLANNED, ObligationStatus.UNPROVEN)]
            if not_planned or not_held:
                per_body[body_id] = (obs[0].body, not_planned, not_held)
        end = period_window(kind, year, quarter)[1]
        for body, not_planned, not_held in per_body.values():
            people = _recipients(body)
            try:
                with transaction.atomic():
                    PeriodAlert.objects.create(
                        body=body,
                        kind=kind,
                        period_year=year,
                        period_quarter=quarter or 0,
                        sent_at=now,
                        not_planned=not_planned,
                        not_held=not_held,
                        recipients=[email for email, _lang in people],
                    )
                    for email, language in people:
                        with translation.override(language):
                            subject, text = _text(kind, year, quarter, end, not_planned, not_held)
                        outbox.send(
                            channel="email", to=email, subject=subject, body=text, related=body, language=language
                        )
            except IntegrityError:
                continue
            alerts += 1
            messages += len(people)
    return AlertResult(alerts, messages)
