"""Values every template may show."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def contact(request):
    return {
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
        "security_email": settings.PORTAL_SECURITY_EMAIL,
    }


def language_switch(request):
    """The same page in the other languages, for the switch in the header.

    Plain links rather than Django's set_language form: they work without
    JavaScript, set no cookie (pages stay cacheable) and keep the query string.
    """
    current = get_language()
    path = request.get_full_path()
    return {
        "other_languages": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }
