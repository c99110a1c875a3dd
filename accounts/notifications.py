"""E-mail to the owner of an account: the one-time link, and a word when someone
else changed their account. Sent once the transaction is committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _


def local_time(moment) -> str:
    """A moment as the mails and messages write it: local time, in Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _send(subject: str, body: str, recipients: list[str]) -> None:
    recipients = sorted({address for address in recipients if address})
    if recipients:
        transaction.on_commit(
            lambda: send_mail(subject, body, None, recipients, fail_silently=False)
        )


def enrolment_link(*, user, url: str, link, reset: bool) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        if reset:
            subject = _("Uw authenticator-app is gereset: koppel een nieuwe")
            opening = _(
                "De authenticator-app van uw account %(username)s bij de Begroting "
                "Hengelo is verwijderd (door %(actor)s). Tot u een nieuwe koppelt, "
                "kunt u niet inloggen."
            )
        else:
            subject = _("Uw account voor de Begroting Hengelo")
            opening = _(
                "Er is een account voor u gemaakt bij de Begroting Hengelo (door "
                "%(actor)s), met de gebruikersnaam %(username)s."
            )
        body = (
            opening
            % {
                "username": user.get_username(),
                "actor": _actor_name(link.created_by),
            }
            + "\n\n"
            + _(
                "Open deze link om zelf een wachtwoord te kiezen en uw "
                "authenticator-app te koppelen:\n\n%(url)s\n\nDe link werkt één "
                "keer en tot %(until)s. Niemand anders kent uw wachtwoord of de "
                "sleutel van uw app. Had u deze e-mail niet verwacht, neem dan "
                "contact op met de griffie.\n"
            )
            % {"url": url, "until": local_time(link.expires_at)}
        )
    _send(subject, body, [user.email])


def _actor_name(actor) -> str:
    if actor is None:
        return _("een beheerder op de server")
    return actor.get_full_name() or actor.get_username()


def account_changed(event) -> None:
    """To the owner (and, for a new address, to the old one as well): someone
    else changed their account."""
    user = event.user
    recipients = [user.email]
    if event.kind == "email_changed" and event.detail:
        recipients.append(event.detail.split(" → ")[0])
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Uw account bij de Begroting Hengelo is gewijzigd")
        body = _(
            "Aan uw account %(username)s is iets gewijzigd door %(actor)s op "
            "%(when)s: %(what)s.\n\nWas dit niet met u afgesproken? Neem dan "
            "direct contact op met de griffie.\n"
        ) % {
            "username": user.get_username(),
            "actor": _actor_name(event.actor),
            "when": local_time(event.created_at),
            "what": event.get_kind_display().lower(),
        }
    _send(subject, body, recipients)
