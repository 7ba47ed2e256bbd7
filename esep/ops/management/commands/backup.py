"""``esep backup create DIR`` writes a backup (database, uploaded files, manifest); ``esep backup restore DIR``
loads one into an empty database and checks every table's row count against the manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esep.ops.backup import BackupError, backup_create, backup_restore


class Command(BaseCommand):
    help = "Back up Esep's database and uploaded files, or restore and check a backup."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="write a backup into a new or empty directory")
        create.add_argument("directory")
        restore = sub.add_parser("restore", help="restore into the configured (empty) database and check it")
        restore.add_argument("directory")

    def handle(self, *args, action: str, directory: str, **options):
        path = Path(directory)
        try:
            if action == "create":
                manifest = backup_create(path)
                rows = sum(manifest["tables"].values())
                self.stdout.write(f"backup written to {path}: {len(manifest['tables'])} tables, {rows} rows")
                return
            if not (path / "manifest.json").exists():
                raise CommandError(f"{path} holds no backup (manifest.json is missing)")
            differences = backup_restore(path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        if differences:
            for table, (expected, found) in differences.items():
                self.stderr.write(f"{table}: {expected} rows in the backup, {found} restored")
            raise CommandError("the restore is not whole")
        self.stdout.write("restored; every table's row count equals the backup's")
