"""Test settings: the base settings with a test key, a fast hasher and locmem mail."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# The test servers speak plain http on 127.0.0.1; production settings keep HTTPS on.
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# The embedded default's file cache, in a directory of this test run's own (the
# servers the tests start inherit it), never the one of `make run`.
os.environ.setdefault("PORTAL_CACHE_DIR", tempfile.mkdtemp(prefix="portal-test-cache-"))
# Admin tests log in with a password; tests of the two-factor login switch it on.
os.environ.setdefault("PORTAL_REQUIRE_2FA", "0")

from .base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
