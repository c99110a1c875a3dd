"""A one-time link with which a person sets their own password and authenticator
app: `enrolment_link anouk`. For the first Beheerder, and for anyone when mail
does not work; in the admin, the reset action mails the link instead."""

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError

from accounts.notifications import local_time
from accounts.services import second_factor_reset


class Command(BaseCommand):
    help = (
        "Verwijdert de authenticator-app van een account en geeft een eenmalige "
        "link waarmee de eigenaar zelf een wachtwoord kiest en een nieuwe app "
        "koppelt. Met een e-mailadres wordt de link ook gemaild."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="De gebruikersnaam van het account.")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Er is geen gebruiker '{username}'.") from error
        url = second_factor_reset(user=user, actor=None, send=bool(user.email))
        link = user.enrolment_links.filter(used_at__isnull=True).first()
        self.stdout.write(
            "Geef deze link alleen aan de eigenaar van het account; hij werkt één "
            f"keer, tot {local_time(link.expires_at)}:\n{url}"
        )
