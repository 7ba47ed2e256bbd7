"""``esep accountability sweep``: decision reminders and escalation, alerts to subscribers, "was it fixed?"
questions. Idempotent; safe hourly on several servers."""

from django.core.management.base import BaseCommand

from esep.accountability.decisions import decisions_sweep
from esep.accountability.fixcheck import fixchecks_sweep
from esep.accountability.subscriptions import date_changes_sweep


class Command(BaseCommand):
    help = "Accountability after reports. `sweep`: remind about decisions, escalate overdue ones, ask 'was it fixed?'."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sweep"])

    def handle(self, *args, **options):
        decisions = decisions_sweep()
        asked = fixchecks_sweep()
        date_changes_sweep()
        if options["verbosity"] > 0 and (decisions.reminders or asked):
            self.stdout.write(f"decision reminders {decisions.reminders}, 'was it fixed?' asked {asked}")
        if options["verbosity"] > 1:
            for line in decisions.details:
                self.stdout.write(line)
