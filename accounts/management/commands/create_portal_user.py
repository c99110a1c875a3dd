"""Create a staff account in a role: `create_portal_user jan --role redacteur`."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from accounts.roles import ROLES
from accounts.staff import portal_user_create

PASSWORD_ENV = "PORTAL_USER_PASSWORD"


class Command(BaseCommand):
    help = (
        "Maakt een medewerker aan die kan inloggen in het beheer, met de rol "
        "redacteur, beheerder of griffie. Het wachtwoord komt uit --password, uit de "
        f"omgevingsvariabele {PASSWORD_ENV}, of wordt gevraagd."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="De gebruikersnaam om mee in te loggen.")
        parser.add_argument(
            "--role",
            required=True,
            choices=sorted(ROLES),
            help=(
                "redacteur: inhoud bewerken; beheerder: alles, ook accounts; "
                "griffie: raadsleden, fracties en technische vragen (toewijzen "
                "en antwoorden publiceren)."
            ),
        )
        parser.add_argument("--email", default="", help="Optioneel: e-mailadres.")
        parser.add_argument(
            "--password",
            help=(
                "Het wachtwoord. Liever niet op de opdrachtregel (het komt in de "
                f"shell-geschiedenis): gebruik {PASSWORD_ENV} of laat het vragen."
            ),
        )

    def handle(self, *args, username, role, email, password, **options):
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"Er bestaat al een gebruiker '{username}'.")
        password = password or os.environ.get(PASSWORD_ENV) or self._ask_password()
        try:
            portal_user_create(
                username=username, role=role, password=password, email=email
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Gebruiker '{username}' aangemaakt met de rol {ROLES[role]}."
                )
            )

    def _ask_password(self):
        if not os.isatty(0):
            raise CommandError(
                f"Geef een wachtwoord met --password of {PASSWORD_ENV}; er is geen "
                "terminal om ernaar te vragen."
            )
        password = getpass.getpass("Wachtwoord: ")
        if password != getpass.getpass("Wachtwoord (nogmaals): "):
            raise CommandError("De wachtwoorden zijn niet gelijk.")
        return password
