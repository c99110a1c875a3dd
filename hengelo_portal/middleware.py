"""Request logging, the methods each address takes, refusing control characters
in query strings, public page caching and a friendly 503 when the database is
away."""

import logging
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile

from .api_errors import bad_request
from .caching import (
    answers_on_its_own_port,
    cache_page,
    cached_page,
    page_key,
    reads_every_parameter,
)
from .params import has_control_characters

request_log = logging.getLogger("hengelo_portal.requests")
# As GZipMiddleware decides.
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")


class RequestLogMiddleware:
    """One structured line per request: method, path, status, duration. Nothing
    about the visitor: no IP address, no query string, no user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        request_log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                "cache": getattr(response, "portal_cache", "none"),
            },
        )
        return response


READ_METHODS = ("GET", "HEAD", "OPTIONS")
# The URL namespaces whose forms really post (behind CSRF): the admin, with its
# login. Every other address of the portal is read-only, also those added later,
# unless its view is marked with `takes_post` (the council's login and forms).
WRITABLE_NAMESPACES = frozenset({"admin"})


def takes_post(view):
    """Mark a view outside the admin whose form posts (behind CSRF)."""
    view.takes_post = True
    return view


class AllowedMethodsMiddleware:
    """405 Method Not Allowed, with an Allow header, for a method an address does
    not take: anything but GET, HEAD and OPTIONS on the public pages, the API,
    the feed, the downloads and the preview; in the admin POST as well. TRACE
    nowhere. Without it a POST to a public page met the CSRF check's 403, as if
    a form had expired.

    It sits after LocaleMiddleware, so English addresses resolve, and before
    CsrfViewMiddleware. Reads (by far most requests) pass without a look.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in READ_METHODS:
            return self.get_response(request)
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            # No such page: Django's 404, except that TRACE is refused anyway.
            if request.method == "TRACE":
                return HttpResponseNotAllowed(READ_METHODS)
            return self.get_response(request)
        allowed = READ_METHODS
        if WRITABLE_NAMESPACES.intersection(match.namespaces) or getattr(
            match.func, "takes_post", False
        ):
            allowed = (*READ_METHODS, "POST")
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)


class ControlCharacterMiddleware:
    """Answer 400 to a query string with a control character (NUL, a line break,
    …) in a name or value. No form of the portal sends them, PostgreSQL refuses
    NUL in any text, and here every view is covered at once; the views still
    parse what they read (hengelo_portal/params.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("QUERY_STRING") and any(
            has_control_characters(name)
            or any(has_control_characters(value) for value in values)
            for name, values in request.GET.lists()
        ):
            # Above LocaleMiddleware: the page's language comes from its path.
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                return bad_request(
                    request, SuspiciousOperation("control character in query")
                )
        return self.get_response(request)


class PublicPageCacheMiddleware:
    """Serve anonymous GET requests for public pages from the cache.

    It sits above GZipMiddleware and ConditionalGetMiddleware, so a page is cached
    as it was sent: compressed (for clients that accept gzip) and with its ETag. A
    hit then costs one cache round trip and no compression, which let cached pages
    keep up with static files (benchmarks/RESULTS.md). Cached pages hold no secret
    (no session, no cookie, no CSRF token), so a fixed compressed body gives
    BREACH nothing to find.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDE)
        )

    def __call__(self, request):
        if not self._cacheable(request):
            return self.get_response(request)
        accepts_gzip = bool(
            _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
        )
        key = page_key(request, gzip=accepts_gzip)
        # The version is read before rendering: an edit during rendering then
        # leaves this page under an outdated version, not a current one.
        version, page = cached_page(key)
        if page is not None:
            return self._from_cache(request, page)
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and reads_every_parameter(request)
            and answers_on_its_own_port(request)
        ):
            page = (response.content, list(response.headers.items()))
            cache_page(key, version, page, settings.PAGE_CACHE_SECONDS)
            response.portal_cache = "miss"
        return response

    @staticmethod
    def _from_cache(request, page):
        content, headers = page
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        response.portal_cache = "hit"
        not_modified = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        if not_modified is not response:
            not_modified.portal_cache = "hit"
        return not_modified


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, say so kindly with a 503 and let the
    load balancer retry; the next request reconnects by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logging.getLogger("hengelo_portal.database").error(
            "database unavailable", extra={"error": type(exception).__name__}
        )
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
