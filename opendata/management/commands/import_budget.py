"""python manage.py import_budget FILE [--dry-run]: import a budget spreadsheet."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError

from ...imports.pipeline import budget_file_import
from ...imports.results import Outcome


class Command(BaseCommand):
    help = (
        "Leest een CSV- of Excel-bestand met beleidsindicatoren en/of acties in, "
        "in het formaat van de open data. Alles of niets: bij één fout wordt "
        "niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="het CSV- of XLSX-bestand")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="laat zien wat er zou veranderen, zonder iets op te slaan",
        )
        parser.add_argument(
            "--user",
            help="gebruikersnaam die in de importgeschiedenis komt te staan",
        )

    def handle(self, *args, file, dry_run, user, verbosity, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"Gebruiker niet gevonden: {user}")
        result = budget_file_import(
            content=path.read_bytes(),
            file_name=path.name,
            user=account,
            dry_run=dry_run,
        )
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(result.problems)} probleem/problemen gevonden; er is niets "
                "opgeslagen."
            )
        for change in result.changes:
            if change.outcome != Outcome.UNCHANGED or verbosity > 1:
                self.stdout.write(
                    f"{Outcome.label(change.outcome)}: {change.what}: "
                    f"{change.description}"
                )
        # A budget in draft hides every page of it: say which they are.
        for names, become in (
            (result.new_drafts, "worden"),
            (result.kept_drafts, "blijven"),
        ):
            if names:
                self.stdout.write(
                    f"Deze begrotingen {become} concept: {', '.join(names)}. Hun "
                    "pagina's zijn niet openbaar tot een beheerder ze publiceert."
                )
        if dry_run:
            self.stdout.write(f"Proef, niets opgeslagen: {result.summary()}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Ingelezen: {result.summary()}."))
