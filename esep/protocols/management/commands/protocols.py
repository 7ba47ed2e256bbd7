"""esep protocols verify|remind."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from esep.protocols.reminders import minutes_remind
from esep.protocols.sealing import verify_all


class Command(BaseCommand):
    help = "Minutes: verify the sealed chain against the database; remind about unsigned minutes."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Recompute every SHA-256 chain and name records changed outside Esep.")
        sub.add_parser("remind", help="Remind about minutes not signed on the day (idempotent; run often).")

    def handle(self, *args, **options):
        if options["action"] == "verify":
            problems = verify_all()
            for problem in problems:
                self.stdout.write(str(problem))
            if problems:
                raise CommandError(f"{len(problems)} problem(s) found in signed minutes", returncode=1)
            self.stdout.write("all signed minutes verify")
        else:
            result = minutes_remind()
            self.stdout.write(f"{result.sent} reminder(s), {result.messages} message(s) queued")
