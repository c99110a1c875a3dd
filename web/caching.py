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
# Beside the version of all content, one per model (`cached_for_content`) and
# one for writes that do not say which models they wrote (a bulk import).
MODEL_VERSION_KEY = "portal:content-version:{model}"
BULK_VERSION_KEY = "portal:content-version:bulk"
CONTENT_ENTRY_KEY = "portal:content:{name}"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed(*, keys=(VERSION_KEY,), **kwargs) -> None:
    _new_version(keys)
    # Once more after the commit: a page rendered between the change and its
    # commit shows the old content under the new version, and must not stay.
    transaction.on_commit(lambda: _new_version(keys))


def _new_version(keys) -> None:
    now = time.time_ns()
    cache.set_many({key: now for key in keys}, timeout=None)


def _model_key(model) -> str:
    return MODEL_VERSION_KEY.format(model=model._meta.label_lower)


def _on_change(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        content_changed(keys=(VERSION_KEY, _model_key(sender)))


def _on_bulk_write(**kwargs):
    content_changed(keys=(VERSION_KEY, BULK_VERSION_KEY))


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"portal-cache-{signal!r}")
    content_written.connect(_on_bulk_write, dispatch_uid="portal-cache-written")


def cached_for_content(name: str, build, *, reads: tuple):
    """`build()`, read again only after a model of `reads` changed (or a bulk
    import wrote): one round trip to the cache instead of its queries, on every
    application server alike, and unlike a page it survives changes of other
    content. For what many pages share and few writes change (the glossary)."""
    keys = [BULK_VERSION_KEY, *(_model_key(model) for model in reads)]
    entry_key = CONTENT_ENTRY_KEY.format(name=name)
    found = cache.get_many([*keys, entry_key])
    versions = tuple(found.get(key) for key in keys)
    entry = found.get(entry_key)
    if entry is not None and None not in versions and entry[0] == versions:
        return entry[1]
    # Versions read before the rows: a change while building makes a new one,
    # so what is stored here is read again on the next visit.
    versions = tuple(
        version if version is not None else _version_of(key)
        for key, version in zip(keys, versions, strict=True)
    )
    value = build()
    cache.set(entry_key, (versions, value), timeout=None)
    return value


def _version_of(key: str) -> int:
    now = time.time_ns()
    cache.add(key, now, timeout=None)
    return cache.get(key, now)


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
