"""Public pages served from Django's cache, invalidated by any content change.

Every cached page's key holds a content version. Any save or delete of budget
content sets a new version, so the next request renders afresh on every
application server that shares the cache (Redis in production).
"""

import hashlib
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port

from content.signals import content_written

from .params import declared_parameters

CONTENT_APPS = {"programmes", "money", "indicators"}
VERSION_KEY = "portal:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed(**kwargs) -> None:
    _new_version()
    # Once more after the commit: a page rendered between the change and its
    # commit shows the old content under the new version, and must not stay.
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _on_change(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        content_changed()


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"portal-cache-{signal!r}")
    content_written.connect(content_changed, dispatch_uid="portal-cache-written")


def page_key(request, *, gzip: bool) -> str:
    """One entry per address and encoding; the entry itself carries its version.

    The scheme and host are part of the address: the feed and the API write
    absolute links, which differ per host the portal answers on. The parameters
    count sorted by name (?b=1&a=2 is ?a=2&b=1). Only pages whose every
    parameter is one they read are stored (`reads_every_parameter`), so ?x=1,
    ?x=2, … never make entries. The address is hashed: a key stays short however
    long the address.
    """
    encoding = "gzip" if gzip else "identity"
    address = request.build_absolute_uri(request.path)
    if request.GET:
        address += "?" + urlencode(sorted(request.GET.lists()), doseq=True)
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{encoding}:{digest}"


def answers_on_its_own_port(request) -> bool:
    """The Host header names no port, the scheme's own, or the one the server
    listens on. Any other port passes ALLOWED_HOSTS (which ignores ports) but is
    no address of the portal: as the address is in the key (and in the feed's
    links), each port would store the pages once more. Such a request is
    answered in full, and nothing is stored."""
    _name, port = split_domain_port(request.get_host())
    if not port:
        return True
    return port in (
        "443" if request.is_secure() else "80",
        request.META.get("SERVER_PORT"),
    )


def reads_every_parameter(request) -> bool:
    """Each parameter in the address is one the page reads (its view declares it:
    web/params.py); a page that ignores a parameter would otherwise be
    stored once per value of it."""
    if not request.GET:
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return set(request.GET) <= declared_parameters(match.func)


def cached_page(key: str) -> tuple[int, object]:
    """The current content version, and the page cached under `key` if it is of
    that version (else None); one round trip to the cache for both."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    entry = found.get(key)
    if entry is None or entry[0] != version:
        return version, None
    return version, entry[1]


def cache_page(key: str, version: int, page, timeout: int) -> None:
    cache.set(key, (version, page), timeout)
