"""esep territory import-kato|import-boundaries|import-places|import-all|locate."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esep.territory import importers
from esep.territory.geo import locate


class Command(BaseCommand):
    help = "Load Kazakhstan's territory (KATO, boundaries, populated places) and place points in it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        kato = sub.add_parser("import-kato", help="Load the KATO classifier (CSV).")
        kato.add_argument("file", nargs="?", type=Path)
        sub.add_parser("import-boundaries", help="Load region and district polygons (geokz 2024).")
        places = sub.add_parser("import-places", help="Load OpenStreetMap populated places.")
        places.add_argument("file", nargs="?", type=Path)
        sub.add_parser("import-all", help="All of the above from the data shipped with Esep.")
        loc = sub.add_parser("locate", help="The district and region of a point.")
        loc.add_argument("lat", type=float)
        loc.add_argument("lon", type=float)

    def handle(self, *args, **options):
        action = options["action"]
        try:
            if action == "import-kato":
                self.stdout.write(f"KATO: {importers.import_kato(options['file'])}")
            elif action == "import-boundaries":
                self.stdout.write(f"boundaries: {importers.import_boundaries()}")
            elif action == "import-places":
                self.stdout.write(f"places: {importers.import_places(options['file'])}")
            elif action == "import-all":
                self.stdout.write(f"KATO: {importers.import_kato()}")
                self.stdout.write(f"boundaries: {importers.import_boundaries()}")
                self.stdout.write(f"places: {importers.import_places()}")
            elif action == "locate":
                self._locate(options["lat"], options["lon"])
        except importers.ImportRefused as exc:
            raise CommandError(f"refused, nothing was changed: {exc}", returncode=2) from exc

    def _locate(self, lat: float, lon: float) -> None:
        district = locate(lat, lon)
        if district is None:
            raise CommandError(f"{lat}, {lon} is not inside any district of Kazakhstan", returncode=1)
        region = locate(lat, lon, admin_level=1)
        self.stdout.write(f"district: {district.kato} {district.name_kk} / {district.name_ru} / {district.name_en}")
        if region is not None:
            self.stdout.write(f"region: {region.kato} {region.name_kk} / {region.name_ru} / {region.name_en}")
        self.stdout.write("boundaries: geokz (A. Rodionov), OCHA COD-AB, CC BY 4.0")
