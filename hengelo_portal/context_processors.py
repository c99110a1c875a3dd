"""Values every template may show."""

from django.conf import settings


def contact(request):
    return {
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
        "security_email": settings.PORTAL_SECURITY_EMAIL,
    }
