"""Compile every .po file of Esep into .mo with polib, so no system gettext is needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile Esep's translations (.po -> .mo) without GNU gettext."

    def handle(self, *args, **options):
        root = Path(settings.PACKAGE_DIR)
        count = 0
        for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"compiled {count} translation file(s)")
