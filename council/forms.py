"""The council's forms: the login (as strong as the admin's), notes and questions."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.login import TwoFactorLoginForm
from accounts.roles import COUNCIL_MEMBER
from content.text import FitTextForm

from .models import NoteVisibility


class _CouncilOnly:
    def confirm_login_allowed(self, user):
        # Not a member's account: the same answer as a wrong password, as the
        # admin answers a non-staff account, so the page tells nothing of it.
        AuthenticationForm.confirm_login_allowed(self, user)
        if not (
            user.groups.filter(name=COUNCIL_MEMBER).exists()
            and hasattr(user, "council_member")
        ):
            raise self.get_invalid_login_error()


class CouncilLoginForm(_CouncilOnly, AuthenticationForm):
    pass


class CouncilTwoFactorLoginForm(_CouncilOnly, TwoFactorLoginForm):
    """User name, password and authenticator code, checked exactly as the admin's
    (a wrong code counts as a failed login for the lock-out)."""


def council_login_form():
    return (
        CouncilTwoFactorLoginForm if settings.PORTAL_REQUIRE_2FA else CouncilLoginForm
    )


class NoteForm(FitTextForm, forms.Form):
    text = forms.CharField(
        label=_("Notitie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf eerst een notitie.")},
    )
    visibility = forms.ChoiceField(
        label=_("Zichtbaar voor"),
        choices=NoteVisibility.choices,
        initial=NoteVisibility.PRIVATE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies voor wie de notitie zichtbaar is.")},
    )
