"""Load programme 1 of the Begroting 2018 and the glossary on a fresh database."""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction

from programmes.models import FinancialFigure, GlossaryTerm, Programme

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# Each fixture with the question "is it there already?": loading again would
# overwrite what editors changed since, so a present data set is left alone.
FIXTURES = [
    (
        "begroting-2018-programma-1.yaml",
        lambda: Programme.objects.filter(budget__year=2018, number=1).exists(),
    ),
    ("begrippenlijst.yaml", lambda: GlossaryTerm.objects.exists()),
    # The money of programme 1 (Begroting 2018 and 2017), once programme 1 is there.
    (
        "financien-programma-1.yaml",
        lambda: (
            FinancialFigure.objects.exists()
            or not Programme.objects.filter(pk=1, budget__year=2018, number=1).exists()
        ),
    ),
]


class Command(BaseCommand):
    help = (
        "Laadt de begroting 2018, programma 1 met zijn financiën, en de "
        "begrippenlijst als ze er nog niet zijn."
    )

    def handle(self, *args, **options):
        for name, is_present in FIXTURES:
            if is_present():
                self.stdout.write(f"{name}: al aanwezig, niet opnieuw geladen.")
                continue
            with transaction.atomic():
                call_command("loaddata", FIXTURES_DIR / name, verbosity=0)
                # loaddata writes no history; a first record per object lets the
                # admin show what changed since the seed and undo it.
                call_command(
                    "populate_history", auto=True, stdout=StringIO(), stderr=StringIO()
                )
            self.stdout.write(self.style.SUCCESS(f"{name}: geladen."))
