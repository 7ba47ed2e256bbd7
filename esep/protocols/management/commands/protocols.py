"""esep protocols verify|remind|publish-heads|adopt-legacy."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from esep.protocols.reminders import minutes_remind
from esep.protocols.sealing import verify_all
from esep.protocols.witness import OutsideHead, heads_publish, versions_adopt


class Command(BaseCommand):
    help = "Minutes: verify the seal; publish the daily chain heads; remind about unsigned minutes."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify",
            help="Recompute every SHA-256 chain, check every MAC under the seal key, compare the live minutes with "
            "every published chain head and the audit log, and name the records changed outside Esep.",
        )
        verify.add_argument(
            "--head",
            action="append",
            default=[],
            metavar="BODY-SLUG:YYYY-MM-DD:HEAD",
            help="A chain head copied from outside the database (printed minutes, a saved feed); repeatable.",
        )
        sub.add_parser("remind", help="Remind about minutes not signed on the day (idempotent; run often).")
        sub.add_parser(
            "publish-heads",
            help="Publish each police body's chain head for every finished day it sealed minutes "
            "(idempotent; safe on several servers; run daily after midnight, Asia/Almaty).",
        )
        sub.add_parser(
            "adopt-legacy",
            help="Give the seal key's MAC to versions sealed before the key existed, if their chain verifies.",
        )

    def handle(self, *args, **options):
        action = options["action"]
        if action == "verify":
            try:
                outside = [OutsideHead.parse(text) for text in options["head"]]
            except ValueError as exc:
                raise CommandError(str(exc), returncode=2) from None
            problems = verify_all(outside)
            for problem in problems:
                self.stdout.write(str(problem))
            if problems:
                raise CommandError(f"{len(problems)} problem(s) found in signed minutes", returncode=1)
            self.stdout.write("all signed minutes verify")
        elif action == "publish-heads":
            result = heads_publish()
            self.stdout.write(f"{result.heads} head(s) published for {result.bodies} police body(ies)")
        elif action == "adopt-legacy":
            adopted, refused = versions_adopt()
            self.stdout.write(f"{adopted} version(s) given a MAC; {refused} refused (their chain does not verify)")
        else:
            result = minutes_remind()
            self.stdout.write(f"{result.sent} reminder(s), {result.messages} message(s) queued")
