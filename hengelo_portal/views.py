"""Site-wide pages that are not about the budget itself."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
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
