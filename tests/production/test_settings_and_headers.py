"""Production settings pass Django's deploy check; every response carries the
security headers."""

import json
import logging
import os
import subprocess
import sys

import pytest
from pythonjsonlogger.json import JsonFormatter

from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.usefixtures("seed_data")


def test_check_deploy_reports_no_issue():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="hengelo_portal.settings.base",
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "x7Qp2" * 10,
        DJANGO_ALLOWED_HOSTS="begroting.hengelo.nl",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_public_page_has_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_hsts_over_https(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_production_cookies_are_secure_and_http_only():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
            "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, "
            "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
            "DJANGO_SECRET_KEY": "k" * 50,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True"] * 5 + ["31536000"], result.stderr


def test_health_and_ready(client):
    assert client.get("/health/").json() == {"status": "ok"}
    ready = client.get("/ready/")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_logs_are_json_without_the_visitor(client, caplog):
    caplog.set_level(logging.INFO, logger="portal.requests")
    client.get("/zoeken/?q=mijn+naam", REMOTE_ADDR="203.0.113.7")
    (console,) = [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler.formatter, JsonFormatter)
    ]
    lines = [console.format(r) for r in caplog.records if r.name.endswith("requests")]
    entry = json.loads(lines[-1])
    assert entry["path"] == "/zoeken/" and entry["status"] == 200
    assert "203.0.113.7" not in lines[-1] and "mijn" not in lines[-1]
