"""Local development: debug on unless the environment says otherwise."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# Mail is written to the console, not sent.
os.environ.setdefault(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

from .base import *  # noqa: E402, F403
