"""Test settings: the base settings with a test key, a fast hasher and locmem mail."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# The test servers speak plain http on 127.0.0.1; production settings keep HTTPS on.
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# The embedded default's file cache, in a directory of this test run's own (the
# servers the tests start inherit it), never the one of `make run`. Each
# pytest-xdist worker has its own: a test's cache.clear() must not empty the
# cache of a test running beside it. The workers inherit the first process's
# environment, hence the owner beside the directory.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if (
    "PORTAL_CACHE_DIR" not in os.environ
    or os.environ.get("PORTAL_CACHE_DIR_OWNER", "") != _worker
):
    os.environ["PORTAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="portal-test-cache-")
    os.environ["PORTAL_CACHE_DIR_OWNER"] = _worker
# Admin tests log in with a password; tests of the two-factor login switch it on.
os.environ.setdefault("PORTAL_REQUIRE_2FA", "0")

from .base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
