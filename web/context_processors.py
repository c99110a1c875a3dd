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
            {"code": code, "name": name, "url": _in_language(request, path, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }


def _in_language(request, path: str, code: str) -> str:
    """translate_url, and the admin login's ?next= along with it: an editor who
    switches on the login page lands in the admin of the language chosen."""
    url = translate_url(path, code)
    following = request.GET.get("next")
    if not following or not following.startswith("/") or following.startswith("//"):
        return url
    query = request.GET.copy()
    query["next"] = translate_url(following, code)
    return f"{url.split('?', 1)[0]}?{query.urlencode(safe='/')}"
