"""The `esep` console command: everything manage.py does."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esep.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["esep", *sys.argv[1:]])


if __name__ == "__main__":
    main()
