"""The API's errors: JSON bodies in Dutch, or in English with ?lang=en.

Django's Http404 carries an English text of its own ("No Action matches the given
query."), and an address the router does not know got the HTML 404 page; every
error of /api/ now answers {"detail": "…"} in the API's language.
"""

from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def api_language(request) -> str:
    """?lang=en (or another of LANGUAGES) for the API, else the default, Dutch."""
    language = request.GET.get("lang", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ApiLanguageMiddleware:
    """Speak the API's language (?lang=) in its messages, and link (`page`) to the
    pages in that language; the data stays as it is. Below LocaleMiddleware, which
    gives every address without a language prefix Dutch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api(request):
            language = api_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


def exception_handler(exc, context):
    """DRF's handler, with Django's untranslated Http404 text replaced by DRF's."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)


def error_response(request, status: int) -> JsonResponse:
    with translation.override(api_language(request)):
        messages = {
            400: _("Ongeldige vraag."),
            404: _("Niet gevonden."),
            413: _("De vraag is te groot."),
            500: _("Er ging iets mis. Probeer het later opnieuw."),
        }
        # As compact as DRF's own JSON.
        return JsonResponse(
            {"detail": messages[status]},
            status=status,
            json_dumps_params={"separators": (",", ":")},
        )


# The root URLconf's handlers: JSON for the API, the Dutch pages elsewhere.


def bad_request(request, exception):
    if is_api(request):
        return error_response(request, 400)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    if is_api(request):
        return error_response(request, 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api(request):
        return error_response(request, 500)
    return defaults.server_error(request)
