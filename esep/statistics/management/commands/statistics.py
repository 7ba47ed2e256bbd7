"""esep statistics import-official | import FILE [--demo] | total CODE START END."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esep.statistics import selectors, services
from esep.statistics.importer import ImportRefused


class Command(BaseCommand):
    help = "Load official crime statistics and population, or a further file in the documented CSV format."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("import-official", help="The legal-statistics forms and population shipped in data/statistics.")
        one = sub.add_parser("import", help="A CSV file in the format of docs/statistics.md.")
        one.add_argument("file", type=Path)
        one.add_argument("--demo", action="store_true", help="Label every row demo.")
        one.add_argument("--source", default="", help="Where the figures come from (shown as the source).")
        total = sub.add_parser("total", help="The national sum of one indicator for one period.")
        total.add_argument("code")
        total.add_argument("start", type=dt.date.fromisoformat)
        total.add_argument("end", type=dt.date.fromisoformat)

    def handle(self, *args, **options):
        action = options["action"]
        try:
            if action == "import-official":
                for name, result in services.official_import().items():
                    self.stdout.write(f"{name}: {result}")
            elif action == "import":
                path: Path = options["file"]
                if not path.is_file():
                    raise CommandError(f"no such file: {path}", returncode=2)
                text = path.read_text(encoding="utf-8")
                result = services.figures_import(
                    text, name=path.name, source=options["source"], demo=True if options["demo"] else None
                )
                self.stdout.write(f"figures: {result}")
            elif action == "total":
                self.stdout.write(str(selectors.national_total(options["code"], options["start"], options["end"])))
        except ImportRefused as exc:
            raise CommandError("refused, nothing was changed:\n" + "\n".join(exc.lines()), returncode=2) from exc
        except UnicodeDecodeError as exc:
            raise CommandError("refused, nothing was changed: the file is not UTF-8", returncode=2) from exc
