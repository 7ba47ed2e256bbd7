"""Build hook: compile the translations (.po -> .mo) into the wheel with polib, so that an installed Esep
needs neither GNU gettext nor a writable site-packages. Everything else is declared in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        import polib

        for po_path in Path(self.build_lib, "esep").glob("**/locale/*/LC_MESSAGES/*.po"):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildWithTranslations})
