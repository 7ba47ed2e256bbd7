"""``esep jobs list`` shows each periodic job with its schedule and last run; ``esep jobs run NAME`` runs one
now, recorded like a scheduled run."""

from django.core.management.base import BaseCommand, CommandError

from esep.ops import selectors, services
from esep.ops.jobs import JOBS


class Command(BaseCommand):
    help = "List the periodic jobs and their last runs, or run one now."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="each job, its schedule (Asia/Almaty) and its last run")
        run = sub.add_parser("run", help="run one job now")
        run.add_argument("name", help="the job's name, as `esep jobs list` shows it")

    def handle(self, *args, action: str, **options):
        if action == "list":
            for row in selectors.job_overview():
                last = row.last_run
                state = f"{last.status} {last.started_at:%Y-%m-%d %H:%M}" if last else "never run"
                self.stdout.write(f"{row.job.name:20} {row.job.schedule:16} {state}")
            return
        name = options["name"]
        if name not in JOBS:
            raise CommandError(f"unknown job {name!r}; known: {', '.join(sorted(JOBS))}")
        try:
            run = services.job_run(name)
        except Exception as exc:
            raise CommandError(f"{name} failed: {exc}") from exc
        self.stdout.write(f"{name}: {run.status}")
