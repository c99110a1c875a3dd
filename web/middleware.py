"""Request logging, the methods each address takes, refusing control characters
and too many parameters in query strings and bodies over their limit, public page
caching and a friendly 503 when the database is away."""

import logging
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile

from content.database import is_outage
from content.text import fit_utf8

from .api_errors import bad_request, error_response, is_api
from .caching import (
    answers_on_its_own_port,
    cache_page,
    cached_page,
    page_key,
    reads_every_parameter,
)
from .params import has_control_characters, query_readable

request_log = logging.getLogger("portal.requests")
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
    …) in a name or value, or with more parameters than Django reads
    (DATA_UPLOAD_MAX_NUMBER_FIELDS). No form of the portal sends them, PostgreSQL
    refuses NUL in any text, and here every view is covered at once; the views
    still parse what they read (web/params.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("QUERY_STRING") and (
            not query_readable(request)
            or any(
                has_control_characters(name)
                or any(has_control_characters(value) for value in values)
                for name, values in request.GET.lists()
            )
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


class FitPageTextMiddleware:
    """Pages leave without the characters that XML cannot hold (a \\x0b pasted
    from Word into a title, stored before forms and the import cleaned it); the
    downloads and the API fit their texts themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            content = response.content
            fitted = fit_utf8(content)
            if fitted is not content:
                response.content = fitted
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(fitted))
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, say so kindly with a 503 and let the
    load balancer retry; the next request reconnects by itself. Any other
    database error (a value beyond PostgreSQL's limits) is a fault: the 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logging.getLogger("portal.database").error(
            "database unavailable", extra={"error": type(exception).__name__}
        )
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


def _too_large(request) -> HttpResponse:
    """413 with the portal's error page (or the API's JSON), in the language of
    the address; nothing of the body has been read."""
    if is_api(request):
        response = error_response(request, 413)
    else:
        language = translation.get_language_from_path(request.path_info)
        with translation.override(language or settings.LANGUAGE_CODE):
            response = HttpResponse(render_to_string("413.html"), status=413)
    response["Cache-Control"] = "no-store"
    # The unread body stays on the line: the connection cannot be reused.
    response["Connection"] = "close"
    return response


class RequestBodyLimitMiddleware:
    """Refuse a request body over its limit with 413 before a byte of it is read,
    as nginx does in front (deploy/nginx/hengelo-portal-proxy.conf).

    The limit comes from the Content-Length header (a body is never read beyond
    it): REQUEST_BODY_MAX_BYTES_ANONYMOUS for visitors who are not signed in (the
    login forms), REQUEST_BODY_MAX_BYTES for signed-in users' forms, and the
    larger limit of REQUEST_BODY_UPLOAD_LIMITS for staff on an upload address (the
    admin's import). Near the top, so a refused body costs no session or
    database work; a request without a session cookie cannot be signed in, so
    that is decided here too. Who is signed in is known only further down:
    process_view, which runs before CsrfViewMiddleware reads the form, decides
    the rest. Every body allowed is kept in memory (FILE_UPLOAD_HANDLERS), never
    in a temporary file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _length(request) -> int:
        try:
            return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
        except ValueError:
            return 0

    @staticmethod
    def _upload_limit(request) -> int:
        # Above LocaleMiddleware: an English address resolves in English.
        language = translation.get_language_from_path(request.path_info)
        try:
            with translation.override(language or settings.LANGUAGE_CODE):
                match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return 0
        return settings.REQUEST_BODY_UPLOAD_LIMITS.get(match.view_name, 0)

    def __call__(self, request):
        length = self._length(request)
        if length <= settings.REQUEST_BODY_MAX_BYTES_ANONYMOUS:
            return self.get_response(request)
        limit = max(settings.REQUEST_BODY_MAX_BYTES, self._upload_limit(request))
        if length > limit or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return _too_large(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        length = self._length(request)
        if length <= settings.REQUEST_BODY_MAX_BYTES_ANONYMOUS:
            return None
        user = request.user
        if not user.is_authenticated:
            return _too_large(request)
        if length > settings.REQUEST_BODY_MAX_BYTES and not user.is_staff:
            return _too_large(request)
        return None
