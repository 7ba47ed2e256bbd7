"""Add new translatable strings to the catalogs (kk, ru) and put their headers in order, without GNU gettext
(esep.core.i18n_catalogs). Then translate the empty entries and run ``esep i18n_compile``."""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from esep.core.i18n_catalogs import extract


class Command(BaseCommand):
    help = "Extract new translatable strings into the kk and ru catalogs (no GNU gettext needed)."

    def handle(self, *args, **options):
        try:
            release = version("esep")
        except PackageNotFoundError:  # a checkout that was never installed
            release = "0"
        added = extract(Path(settings.PACKAGE_DIR), release)
        for path, count in sorted(added.items()):
            self.stdout.write(f"{path}: {count} new string(s) to translate")
        if not added:
            self.stdout.write("no new strings")
