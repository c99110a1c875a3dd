"""One-time links to set one's own password and authenticator app, and the
history of every account (who changed what, when)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentLink(models.Model):
    """A link, mailed to the account's owner, that sets the password and the
    authenticator app once. Only a hash of its token is kept; the key of the new
    authenticator app waits here until the link is used, and is then wiped."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_links",
        verbose_name=_("account"),
        help_text=_("Het account waarvoor de link is."),
    )
    token_hash = models.CharField(
        _("controlegetal van de link"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 van de geheime code in de link; de code zelf niet."),
    )
    totp_key = models.CharField(
        _("sleutel van de nieuwe authenticator-app"),
        max_length=80,
        blank=True,
        help_text=_("Leeg zodra de link gebruikt is."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
        help_text=_("Wie de link liet versturen; leeg als het via de server ging."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("geldig tot"), help_text=_("Daarna werkt de link niet meer.")
    )
    used_at = models.DateTimeField(
        _("gebruikt op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de link niet gebruikt is."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("link voor wachtwoord en authenticator-app")
        verbose_name_plural = _("links voor wachtwoord en authenticator-app")

    def __str__(self):
        return str(self.user)


class AccountEventKind(models.TextChoices):
    CREATED = "created", _("Account aangemaakt")
    LINK_SENT = "link_sent", _("Link voor wachtwoord en authenticator-app verstuurd")
    PASSWORD_SET = "password_set", _("Wachtwoord ingesteld")
    FACTOR_ENROLLED = "factor_enrolled", _("Authenticator-app gekoppeld")
    FACTOR_REMOVED = "factor_removed", _("Authenticator-app verwijderd")
    FACTOR_RESET = "factor_reset", _("Tweede factor gereset")
    EMAIL_CHANGED = "email_changed", _("E-mailadres gewijzigd")
    ACTIVATED = "activated", _("Mag weer inloggen")
    DEACTIVATED = "deactivated", _("Mag niet meer inloggen")
    ROLES_CHANGED = "roles_changed", _("Rollen of rechten gewijzigd")
    FRACTIE_CHANGED = "fractie_changed", _("Naar een andere fractie")


class AccountEvent(models.Model):
    """One change to an account. Written by the account's own signals and
    services (accounts/signals.py), never edited afterwards."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="account_events",
        verbose_name=_("account"),
        help_text=_("Het account dat gewijzigd werd."),
    )
    username = models.CharField(
        _("gebruikersnaam"),
        max_length=150,
        help_text=_("De gebruikersnaam toen; blijft ook als het account weg is."),
    )
    kind = models.CharField(
        _("wijziging"),
        max_length=20,
        choices=AccountEventKind.choices,
        help_text=_("Wat er met het account gebeurde."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie het deed; leeg als het op de server gebeurde (een opdracht)."),
    )
    actor_name = models.CharField(
        _("door (naam)"),
        max_length=150,
        blank=True,
        help_text=_("De gebruikersnaam van wie het deed, toen."),
    )
    detail = models.CharField(
        _("toelichting"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld het oude en het nieuwe e-mailadres."),
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("wijziging van een account")
        verbose_name_plural = _("geschiedenis van de accounts")

    def __str__(self):
        return f"{self.username}: {self.get_kind_display()}"
