"""Public pages served from Django's cache, invalidated by any content change.

Every cached page's key holds a content version. Any save or delete of budget
content sets a new version, so the next request renders afresh on every
application server that shares the cache (Redis in production).
"""

import time

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

CONTENT_APPS = {"programmes", "indicators"}
VERSION_KEY = "portal:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _on_change(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        content_changed()


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"portal-cache-{signal!r}")


def page_key(request) -> str:
    return f"portal:page:{content_version()}:{request.get_full_path()}"
