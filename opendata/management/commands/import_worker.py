"""python manage.py import_worker [--once]: preview and import the files editors
upload in the admin, outside the request (opendata/jobs.py)."""

import signal
import threading

from django.core.management import BaseCommand

from ...jobs import import_jobs_work


class Command(BaseCommand):
    help = (
        "Verwerkt de bestanden die in het beheer zijn geüpload: eerst het "
        "voorbeeld, na bevestiging het inlezen. Stopt na de lopende verwerking bij "
        "SIGTERM of Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="verwerk wat er wacht en stop dan (voor cron of een test)",
        )
        parser.add_argument(
            "--poll",
            type=float,
            default=1.0,
            help="seconden tussen twee keer kijken of er werk is (standaard 1)",
        )

    def handle(self, *args, once, poll, verbosity, **options):
        stop = threading.Event()

        def finish_then_stop(signum, frame):
            # The running import finishes (or, at a second signal, Python's
            # default ends the process; the database rolls its work back).
            stop.set()
            signal.signal(signum, signal.SIG_DFL)

        signal.signal(signal.SIGTERM, finish_then_stop)
        signal.signal(signal.SIGINT, finish_then_stop)
        if verbosity:
            self.stdout.write("Verwerker gestart; wacht op bestanden.")
        ran = import_jobs_work(once=once, poll=poll, stop=stop)
        if verbosity:
            self.stdout.write(f"Verwerker gestopt na {ran} verwerking(en).")
