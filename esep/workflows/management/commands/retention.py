"""esep retention purge: destroy or anonymise inspector report materials, and the personal data of questions
(sent in advance or between reports), appeals, sent messages and e-mail subscriptions, past their retention
terms (esep.law rules ``retention.*``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from esep.workflows.retention import retention_purge


class Command(BaseCommand):
    help = (
        "Retention of report materials (Order 652 p.32) and of personal data (Law on personal data arts. 12, 18). "
        "Idempotent; safe to run daily."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        purge = sub.add_parser(
            "purge",
            help="Anonymise participants, complaints, question authors, applicants and message recipients; "
            "destroy video files; delete unconfirmed subscriptions and the addresses of ended ones.",
        )
        purge.add_argument("--actor", default="esep retention purge", help="Name recorded as who purged.")

    def handle(self, *args, **options):
        result = retention_purge(actor_name=options["actor"])
        self.stdout.write(
            f"purged {result.meetings} meeting(s): {result.participants} participant(s) anonymised, "
            f"{result.videos} video(s) destroyed, {result.items} minutes item(s) anonymised; "
            f"{result.questions} question author(s), {result.waiting_questions} waiting question author(s), "
            f"{result.appeals} applicant(s) and {result.messages} message recipient(s) anonymised; "
            f"{result.subscriptions} subscription(s) deleted or without their address"
        )
