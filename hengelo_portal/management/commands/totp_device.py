"""Give a staff user an authenticator app (TOTP) for the two-factor admin login."""

import io

import qrcode
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Maakt (of vervangt) de authenticator-app van een medewerker en toont de "
        "QR-code om te scannen."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="De gebruikersnaam van de medewerker.")

    @transaction.atomic
    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Er is geen gebruiker '{username}'.") from error
        # One device per person: a new phone replaces the old one.
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app")
        code = qrcode.QRCode(border=1)
        code.add_data(device.config_url)
        picture = io.StringIO()
        code.print_ascii(out=picture, invert=True)
        self.stdout.write(picture.getvalue())
        self.stdout.write(
            "Scan deze code met een authenticator-app, of voer dit adres in:\n"
            f"{device.config_url}"
        )
