"""The admin site: two-factor login (TOTP) for staff when production settings are on."""

from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm


class PortalAdminSite(admin.AdminSite):
    site_header = "Begroting Hengelo: beheer"
    site_title = "Beheer begroting Hengelo"
    index_title = "Overzicht voor redacteuren"

    @property
    def login_form(self):
        if settings.PORTAL_REQUIRE_2FA:
            return OTPAdminAuthenticationForm
        return AdminAuthenticationForm

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.PORTAL_REQUIRE_2FA else None

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.PORTAL_REQUIRE_2FA:
            # Password alone is not enough: the session must be verified by a
            # code from the user's authenticator app.
            return request.user.is_verified()
        return allowed
