"""``esep appeals sweep``: mark overdue appeals and send reminders (idempotent; safe every minute)."""

from django.core.management.base import BaseCommand

from esep.appeals.sweep import appeals_sweep


class Command(BaseCommand):
    help = "Appeals under the APPK. `sweep`: mark overdue appeals and remind responsible staff."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sweep"])

    def handle(self, *args, **options):
        result = appeals_sweep()
        if options["verbosity"] > 0 and (result.marked_overdue or result.reminders):
            self.stdout.write(f"overdue marked {result.marked_overdue}, reminders {result.reminders}")
        if options["verbosity"] > 1:
            for line in result.details:
                self.stdout.write(line)
