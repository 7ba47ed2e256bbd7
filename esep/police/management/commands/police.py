"""esep police whois SETTLEMENT [--on DATE]: the precinct(s) of a settlement and who served them."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from esep.core import clock
from esep.police.selectors import inspector_on, precincts_for_settlement
from esep.territory.selectors import settlements_named


class Command(BaseCommand):
    help = "Look up the police registry."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        who = sub.add_parser("whois", help="The precinct of a settlement and its inspector (today or on a date).")
        who.add_argument("settlement", help="Name in Kazakh, Russian or Latin letters, or a 9-digit KATO code.")
        who.add_argument("--on", dest="on", help="A past date, YYYY-MM-DD (default: today in Asia/Almaty).")

    def handle(self, *args, **options):
        day = clock.localdate()
        if options.get("on"):
            try:
                day = dt.date.fromisoformat(options["on"])
            except ValueError:
                raise CommandError(f"--on: {options['on']!r} is not a date (YYYY-MM-DD)", returncode=2) from None
        matches = list(settlements_named(options["settlement"]))
        if not matches:
            raise CommandError(f"no settlement called {options['settlement']!r}", returncode=1)
        for terr in matches:
            where = " / ".join(a.name_kk for a in terr.ancestors())
            self.stdout.write(f"{terr.kato} {terr.name_kk} ({terr.name_ru}) — {where}")
            precincts = list(precincts_for_settlement(terr))
            if not precincts:
                self.stdout.write("  no precinct covers it")
            for precinct in precincts:
                self.stdout.write(f"  precinct {precinct.number}: {precinct.name_ru} — {precinct.body.name_ru}")
                current = inspector_on(precinct, day)
                label = "inspector today" if day == clock.localdate() else f"inspector on {day.isoformat()}"
                if current is None:
                    self.stdout.write(f"    {label}: none (vacant)")
                    continue
                acting = " (acting)" if current.acting else ""
                officer = current.officer
                self.stdout.write(
                    f"    {label}: {officer.get_rank_display()} {officer.full_name}{acting}, "
                    f"since {current.assignment.start.isoformat()}, {officer.public_phone}"
                )
