"""esep deadline RULE --start DATE: the due date of a legal term and how it was counted."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from esep.law.deadlines import NotATerm, compute, parse_start
from esep.law.rules import UnknownRule, codes


class Command(BaseCommand):
    help = "Print the due date of a legal term (e.g. appk.term_days) counted from --start, with the steps."

    def add_arguments(self, parser):
        parser.add_argument("rule", help="Rule code, e.g. appk.term_days, appk.redirect_days, meeting.notice_days")
        parser.add_argument("--start", required=True, help="Date (2025-03-14) or datetime (2026-01-09T19:30)")
        parser.add_argument("--on", help="Judge by the rules in force on this date (default: the start date)")
        parser.add_argument("--kind", choices=["chief", "inspector"], help="Meeting kind, for meeting rules")
        parser.add_argument("--json", action="store_true", help="Print JSON")

    def handle(self, *args, **options):
        start = parse_start(options["start"])
        if start is None:
            raise CommandError(f"--start: not a date or datetime: {options['start']!r}", returncode=2)
        on = None
        if options["on"]:
            on = parse_start(options["on"])
            if on is None or not hasattr(on, "year") or hasattr(on, "hour"):
                raise CommandError(f"--on: not a date: {options['on']!r}", returncode=2)
        try:
            result = compute(options["rule"], start, on=on, kind=options["kind"])
        except NotATerm as exc:
            raise CommandError(f"rule: {exc}", returncode=2) from None
        except UnknownRule as exc:
            hint = "" if exc.on else " (known: " + ", ".join(codes()) + ")"
            raise CommandError(f"rule: {exc}{hint}", returncode=2) from None
        except (OverflowError, ValueError):  # the term would end after year 9999
            message = "--start: the term would end beyond the calendar; give a nearer date"
            raise CommandError(message, returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(result.due.isoformat())
        for step in result.steps:
            self.stdout.write(f"  {step}")
