"""esep permissions matrix [--write]: the permission matrix (role × action × own/other body) as Markdown."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from esep.accounts.matrix import markdown
from esep.conf import BASE_DIR

DOC = BASE_DIR / "docs" / "permissions.md"


class Command(BaseCommand):
    help = "Print the permission matrix, or write it to docs/permissions.md."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        matrix = sub.add_parser("matrix", help="The matrix generated from esep/accounts/permissions.py.")
        matrix.add_argument("--write", action="store_true", help="Write docs/permissions.md instead of printing.")

    def handle(self, *args, **options):
        text = markdown()
        if options["write"]:
            Path(DOC).write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {DOC}")
        else:
            self.stdout.write(text, ending="")
