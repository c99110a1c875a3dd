"""The staff's login to the admin: user name, password and the code from the
authenticator app (TOTP), used when production settings are on."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from .staff import otp_device_verify


class OneTimeCodeInput(forms.TextInput):
    """A code works once: a wrong or spent one is never written back into the page."""

    def format_value(self, value):
        return None


class TwoFactorLoginForm(AdminAuthenticationForm):
    """User name, password and the code from the authenticator app, in one go.

    django-otp's own form asks for a choice of device after the first try; here
    the code is checked against the user's devices (staff.otp_device_verify).
    A wrong code is answered exactly as a wrong password, counts as a failed
    login for the lock-out as well, and the password is never shown again.
    """

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Voer een juiste gebruikersnaam, een juist wachtwoord en een geldige "
            "code uit uw authenticator-app in. Gebruikersnaam en wachtwoord zijn "
            "hoofdlettergevoelig. Een code werkt maar één keer: wacht bij een "
            "nieuwe poging op de volgende code."
        ),
    }
    otp_token = forms.CharField(
        label=_("Code uit de authenticator-app"),
        help_text=_("De zes cijfers die de app nu toont."),
        max_length=16,
        widget=OneTimeCodeInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
        error_messages={"required": _("Vul de code uit uw authenticator-app in.")},
    )

    def clean(self):
        if not self.cleaned_data.get("otp_token"):
            # Without a code the password is not even tried, so the answer
            # says nothing about it.
            return self.cleaned_data
        super().clean()
        if self.user_cache is None:  # no user name or password: the fields say so
            return self.cleaned_data
        device = otp_device_verify(
            user=self.user_cache, token=self.cleaned_data["otp_token"].strip()
        )
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            self.user_cache = None
            raise self.get_invalid_login_error()
        # django-otp marks the session as verified when the user logs in.
        self.user_cache.otp_device = device
        return self.cleaned_data
