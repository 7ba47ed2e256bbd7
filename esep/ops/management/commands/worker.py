"""``esep worker``: the one process that runs Esep's periodic jobs (esep.ops.jobs) on schedule."""

from django.core.management.base import BaseCommand

from esep.ops.queue import queue


class Command(BaseCommand):
    help = "Run the background worker: the periodic jobs on schedule, with retries and a record of each run."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help="threads executing jobs (default 2)")
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="execute queued jobs only; another worker enqueues the periodic ones",
        )

    def handle(self, *args, workers: int, no_scheduler: bool, **options):
        from esep.ops import tasks  # noqa: F401  (registers the jobs)

        consumer = queue.create_consumer(
            workers=workers, worker_type="thread", periodic=not no_scheduler, check_worker_health=True
        )
        consumer.run()
