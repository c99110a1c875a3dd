"""python manage.py import_worker [--once]: preview and import the files editors
upload in the admin, outside the request (opendata/jobs.py)."""

import signal
import threading

from django.core.management import BaseCommand

from ...jobs import import_jobs_interrupt, import_jobs_work


class Command(BaseCommand):
    help = (
        "Verwerkt de bestanden die in het beheer zijn geüpload: eerst het "
        "voorbeeld, na bevestiging het inlezen. Stopt meteen bij SIGTERM of "
        "Ctrl-C; de lopende verwerking gaat terug in de wachtrij."
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

        def stop_now(signum, frame):
            # The running job is broken off (rolled back) and goes back to the
            # queue; at a second signal Python's default ends the process (the
            # database rolls its work back, the next worker reclaims the job).
            stop.set()
            signal.signal(signum, signal.SIG_DFL)
            import_jobs_interrupt()

        signal.signal(signal.SIGTERM, stop_now)
        signal.signal(signal.SIGINT, stop_now)
        if verbosity:
            self.stdout.write("Verwerker gestart; wacht op bestanden.")
        ran = import_jobs_work(once=once, poll=poll, stop=stop)
        if verbosity:
            self.stdout.write(f"Verwerker gestopt na {ran} verwerking(en).")
