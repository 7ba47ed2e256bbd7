"""``esep notifications send``: drain the outbox (safe every minute, on several servers at once)."""

from django.core.management.base import BaseCommand

from esep.notifications.services import messages_send


class Command(BaseCommand):
    help = "Outbox of email and SMS. `send`: send what is due, with retries."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send"])
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, **options):
        result = messages_send(limit=options["limit"])
        if options["verbosity"] > 0 and (result.sent or result.retried or result.failed):
            self.stdout.write(f"sent {result.sent}, to retry {result.retried}, failed {result.failed}")
