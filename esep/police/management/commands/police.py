"""esep police whois SETTLEMENT [--on DATE]: the precinct(s) of a settlement and who served them.
esep police import-areas FILE.geojson: precincts' areas (format in docs/public.md)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from esep.core import clock
from esep.police.selectors import inspector_on, precincts_for_settlement
from esep.territory.selectors import settlements_named


class Command(BaseCommand):
    help = "Look up the police registry."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        who = sub.add_parser("whois", help="The precinct of a settlement and its inspector (today or on a date).")
        who.add_argument("settlement", help="Name in Kazakh, Russian or Latin letters, or a 9-digit KATO code.")
        who.add_argument("--on", dest="on", help="A past date, YYYY-MM-DD (default: today in Asia/Almaty).")
        areas = sub.add_parser("import-areas", help="Precincts' areas from a GeoJSON FeatureCollection.")
        areas.add_argument("path", help="FeatureCollection; each feature's properties name body (slug) and number.")

    def handle(self, *args, **options):
        if options["action"] == "import-areas":
            return self._import_areas(options["path"])
        day = clock.localdate()
        if options.get("on"):
            try:
                day = dt.date.fromisoformat(options["on"])
            except ValueError:
                raise CommandError(f"--on: {options['on']!r} is not a date (YYYY-MM-DD)", returncode=2) from None
        matches = list(settlements_named(options["settlement"]))
        if not matches:
            raise CommandError(f"no settlement called {options['settlement']!r}", returncode=1)
        for terr in matches:
            where = " / ".join(a.name_kk for a in terr.ancestors())
            self.stdout.write(f"{terr.kato} {terr.name_kk} ({terr.name_ru}) — {where}")
            precincts = list(precincts_for_settlement(terr))
            if not precincts:
                self.stdout.write("  no precinct covers it")
            for precinct in precincts:
                self.stdout.write(f"  precinct {precinct.number}: {precinct.name_ru} — {precinct.body.name_ru}")
                current = inspector_on(precinct, day)
                label = "inspector today" if day == clock.localdate() else f"inspector on {day.isoformat()}"
                if current is None:
                    self.stdout.write(f"    {label}: none (vacant)")
                    continue
                acting = " (acting)" if current.acting else ""
                officer = current.officer
                self.stdout.write(
                    f"    {label}: {officer.get_rank_display()} {officer.full_name}{acting}, "
                    f"since {current.assignment.start.isoformat()}, {officer.public_phone}"
                )

    def _import_areas(self, path: str) -> None:
        """All or nothing: every feature is checked (its precinct exists, its geometry is valid) before any
        area is written."""
        import json

        from django.core.exceptions import ValidationError
        from django.db import transaction

        from esep.police.models import Precinct
        from esep.police.services import precinct_set_area

        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as exc:
            raise CommandError(f"{path}: cannot be read as JSON ({exc})", returncode=2) from None
        features = data.get("features") if isinstance(data, dict) else None
        if data.get("type") != "FeatureCollection" or not isinstance(features, list):
            raise CommandError(f"{path}: expected a GeoJSON FeatureCollection", returncode=2)
        try:
            with transaction.atomic():
                for n, feature in enumerate(features, start=1):
                    props = feature.get("properties") or {}
                    precinct = Precinct.objects.filter(
                        body__slug=str(props.get("body", "")), number=str(props.get("number", ""))
                    ).first()
                    if precinct is None:
                        where = f"{props.get('body')}/{props.get('number')}"
                        raise CommandError(f"{path}: feature {n}: no precinct {where}", returncode=2)
                    if not feature.get("geometry"):
                        raise CommandError(f"{path}: feature {n}: it has no geometry", returncode=2)
                    precinct_set_area(precinct=precinct, geometry=feature["geometry"], actor="import-areas")
        except ValidationError as exc:
            raise CommandError(f"{path}: feature {n}: {' '.join(exc.messages)}", returncode=2) from None
        self.stdout.write(f"areas set for {len(features)} precinct(s)")
