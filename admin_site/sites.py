"""The admin site: two-factor login (TOTP) for staff when production settings are on,
in Dutch at /admin/ and in English at /en/admin/."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.login import TwoFactorLoginForm


class PortalAdminSite(admin.AdminSite):
    site_header = _("Begroting Hengelo: beheer")
    site_title = _("Beheer begroting Hengelo")
    index_title = _("Overzicht voor redacteuren")

    @property
    def login_form(self):
        if settings.PORTAL_REQUIRE_2FA:
            return TwoFactorLoginForm
        return AdminAuthenticationForm

    def each_context(self, request):
        # "View site" opens the public site in the admin's language.
        return {**super().each_context(request), "site_url": reverse("programmes:home")}

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.PORTAL_REQUIRE_2FA:
            # Password alone is not enough: the session must be verified by a
            # code from the user's authenticator app.
            return request.user.is_verified()
        return allowed
