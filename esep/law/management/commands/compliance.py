"""esep compliance evaluate FILE.json: the findings of a described meeting, as JSON (docs/compliance.md).

Exit 0 with the findings (even when there are some), 2 on bad input with a message naming the field."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from esep.law.compliance import DescriptionError, evaluate

MAX_BYTES = 5 * 1024 * 1024


class Command(BaseCommand):
    help = "Evaluate a meeting described as JSON against the rules in force on its date (docs/compliance.md)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help="Evaluate FILE.json ('-' for stdin); print the findings as JSON.")
        ev.add_argument("file")
        ev.add_argument("--lang", choices=["kk", "ru", "en"], default="en", help="Language of error messages.")
        ev.add_argument("--indent", type=int, default=2)

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            data = self._read(options["file"])
            try:
                findings = evaluate(data)
            except DescriptionError as exc:
                raise CommandError(f"{exc.field}: {exc.message}", returncode=2) from None
        body = {"findings": [f.as_dict() for f in findings]}
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=options["indent"] or None))

    def _read(self, name: str):
        try:
            if name == "-":
                text = sys.stdin.read(MAX_BYTES + 1)
            else:
                with open(name, encoding="utf-8") as fh:
                    text = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror}", returncode=2) from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text", returncode=2) from None
        if len(text) > MAX_BYTES:
            raise CommandError(f"{name}: larger than {MAX_BYTES} bytes", returncode=2)
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"$: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", returncode=2
            ) from None
