"""The form of the one-time link: a password of one's own and the first code
from the authenticator app."""

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from .login import OneTimeCodeInput


class EnrolmentForm(SetPasswordMixin, forms.Form):
    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1=_("Nieuw wachtwoord"), label2=_("Nieuw wachtwoord (nogmaals)")
    )
    otp_token = forms.CharField(
        label=_("Code uit de authenticator-app"),
        help_text=_("De zes cijfers die de app toont nadat u de QR-code scande."),
        max_length=16,
        widget=OneTimeCodeInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
        error_messages={"required": _("Vul de code uit uw authenticator-app in.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password2")
        return super().clean()
