"""esep planning alert [--days N]."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from esep.planning.alerts import DEFAULT_DAYS_BEFORE, period_alert


class Command(BaseCommand):
    help = "Planning: warn bodies about reports still owed before a period ends."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        alert = sub.add_parser(
            "alert", help="Warn each body's staff unit and chief before a period ends (idempotent; run daily)."
        )
        alert.add_argument("--days", type=int, default=DEFAULT_DAYS_BEFORE, help="days before the period ends")

    def handle(self, *args, **options):
        result = period_alert(days=max(0, options["days"]))
        self.stdout.write(f"{result.alerts} warning(s), {result.messages} message(s) queued")
