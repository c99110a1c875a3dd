"""Request logging, public page caching and a friendly 503 when the database is away."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from .caching import page_key

request_log = logging.getLogger("hengelo_portal.requests")


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


class PublicPageCacheMiddleware:
    """Serve anonymous GET requests for public pages from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable(self, request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDE)
        )

    def __call__(self, request):
        if not self._cacheable(request):
            return self.get_response(request)
        key = page_key(request)
        response = cache.get(key)
        if response is not None:
            response.portal_cache = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        ):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response.portal_cache = "miss"
        return response


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
