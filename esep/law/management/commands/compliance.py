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
            except RecursionError:
                raise CommandError("$: the JSON is nested too deeply", returncode=2) from None
        body = {"findings": [f.as_dict() for f in findings]}
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=options["indent"] or None))

    def _read(self, name: str):
        try:
            if name == "-":
                stdin = getattr(sys.stdin, "buffer", None)
                raw = stdin.read(MAX_BYTES + 1) if stdin else sys.stdin.read(MAX_BYTES + 1).encode()
            else:
                with open(name, "rb") as fh:
                    raw = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror}", returncode=2) from None
        if len(raw) > MAX_BYTES:
            raise CommandError(f"{name}: larger than {MAX_BYTES} bytes", returncode=2)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise CommandError(f"{name}: line {line}: not UTF-8 text", returncode=2) from None
        try:
            return json.loads(text)
        except RecursionError:
            raise CommandError("$: the JSON is nested too deeply", returncode=2) from None
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"$: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", returncode=2
            ) from None
