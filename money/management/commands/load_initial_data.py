"""Load the Begroting 2018 (programme 1 in full, every programme's money) and the
glossary: on a fresh database all of it, on an existing portal what it lacks.

In the money app because the money reads the programmes and not the other way
round: the command needs both."""

from io import StringIO
from pathlib import Path

import yaml

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from money.models import FinancialFigure
from money.services import published_budget_load
from programmes.models import GlossaryTerm, Programme

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

# Every programme of the Begroting 2018 with its money and the budget's
# recapitulation: keyed on programme number, line and year, so a portal that has
# programme 1 gets the other programmes and figures, and nothing present changes.
WHOLE_BUDGETS = ["begroting-2018-alle-programmas.yaml"]


class Command(BaseCommand):
    help = (
        "Laadt de begroting 2018 (programma 1 met zijn teksten, alle programma's "
        "met hun financiën) en de begrippenlijst, voor zover ze er nog niet zijn."
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
        for name in WHOLE_BUDGETS:
            with open(FIXTURES_DIR / name, encoding="utf-8") as file:
                data = yaml.safe_load(file)
            result = published_budget_load(data=data)
            if result.missing_budget:
                raise CommandError(
                    f"{name}: de Begroting {data['document']} staat niet in de "
                    "portal; voeg die eerst toe (of laad de begroting opnieuw)."
                )
            if not result.added:
                self.stdout.write(f"{name}: al aanwezig, niet opnieuw geladen.")
                continue
            self.stdout.write(
                self.style.SUCCESS(
                    f"{name}: {result.programmes} programma's, {result.figures} "
                    f"bedragen en {result.summary_figures} bedragen van het overzicht "
                    f"toegevoegd; {result.present} waren er al."
                )
            )
