"""Site-wide pages that are not about the budget itself."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone


def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires is kept within a year."""
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{settings.PORTAL_SECURITY_EMAIL}",
        f"Contact: {request.build_absolute_uri('/kwetsbaarheid-melden/')}",
        f"Expires: {expires.isoformat()}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
        f"Policy: {request.build_absolute_uri('/kwetsbaarheid-melden/')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@transaction.non_atomic_requests
def health(request):
    """The process lives. For a load balancer's liveness check."""
    return JsonResponse({"status": "ok"})


@transaction.non_atomic_requests
def ready(request):
    """Database and cache are reachable. For a load balancer's readiness check."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "unavailable"
    try:
        cache.set("portal:ready-check", 1, 10)
        checks["cache"] = "ok" if cache.get("portal:ready-check") == 1 else "failed"
    except Exception:  # noqa: BLE001 - any cache client error means not ready
        checks["cache"] = "unavailable"
    ok = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if ok else "unavailable", **checks})
    response.status_code = 200 if ok else 503
    response["Cache-Control"] = "no-store"
    return response
