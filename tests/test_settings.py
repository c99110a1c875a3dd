"""Settings come from the environment; production refuses to start without a key."""

import os
import subprocess
import sys

from django.conf import settings

BASE_DIR = settings.BASE_DIR


def run_settings(env_overrides, code):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_debug_a_secret_key_is_required():
    result = run_settings(
        {"DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base"},
        "import django; django.setup()",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_by_default_and_database_defaults_to_sqlite():
    result = run_settings(
        {
            "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
            "DJANGO_SECRET_KEY": "x" * 50,
        },
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.sqlite3"]


def test_a_postgres_url_selects_postgresql():
    result = run_settings(
        {
            "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://user@db.example:5432/begroting",
        },
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['HOST'], d['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.example",
        "begroting",
    ]


def test_development_settings_turn_debug_on():
    result = run_settings(
        {"DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.dev"},
        "from django.conf import settings; print(settings.DEBUG)",
    )
    assert result.stdout.strip() == "True", result.stderr


def test_dutch_defaults():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_THOUSAND_SEPARATOR
