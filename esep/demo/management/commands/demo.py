"""esep demo load [--scale default|national] [--i-know-this-is-not-production] | logins

The demo creates accounts (an administrator among them) whose password is published in the README, so
``load`` refuses unless Django runs in debug mode (ESEP_DEBUG=1, as ``make demo`` does) or the operator says
explicitly that this database is not production."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import translation

from esep.demo.generator import DEMO_PASSWORD, SCALES, Generator, demo_logins
from esep.demo.showcase import sample_codes
from esep.police.models import PoliceBody
from esep.territory.models import Territory

NOT_PRODUCTION = "--i-know-this-is-not-production"


class Command(BaseCommand):
    help = "Generate deterministic demo data for the whole country from the loaded KATO."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Generate the demo (skipped if police bodies already exist).")
        load.add_argument("--scale", choices=sorted(SCALES), default="default")
        load.add_argument("--force", action="store_true", help="Generate even if the registry is not empty.")
        load.add_argument(
            NOT_PRODUCTION,
            action="store_true",
            help="Load although ESEP_DEBUG is off (benchmarks, CI). The demo's logins have a published password.",
        )
        sub.add_parser("logins", help="Print the demo logins.")

    def handle(self, *args, **options):
        translation.activate("en")
        if options["action"] == "logins":
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, role, where in demo_logins():
                self.stdout.write(f"  {username:<12} {role:<28} {where}")
            self.stdout.write("Open http://127.0.0.1:8000/ (residents) and http://127.0.0.1:8000/kk/staff/ (staff).")
            codes = sample_codes()
            if codes:
                self.stdout.write("Codes to try on the residents' side (Question status, /kk/appeals/<code>/):")
                for what, code in codes.items():
                    self.stdout.write(f"  {code:<12} {what}")
            return
        if not settings.DEBUG and not options["i_know_this_is_not_production"]:
            raise CommandError(
                "Refusing to load the demo: its accounts, an administrator among them, have a published password. "
                f"Run it with ESEP_DEBUG=1, or pass {NOT_PRODUCTION} if this database is not production.",
                returncode=2,
            )
        if not Territory.objects.exists():
            raise CommandError("Load the territory first: esep territory import-all", returncode=2)
        if PoliceBody.objects.exists() and not options["force"]:
            self.stdout.write("Demo data is already loaded; nothing to do.")
            return
        stats = Generator(options["scale"]).run()
        for key, value in stats.items():
            self.stdout.write(f"{key}: {value}")
        # Fresh planner statistics: a bulk-loaded PostgreSQL otherwise plans the first queries on empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
