"""The admin is closed to outsiders: lock-out after failed logins, two-factor
login for staff under production settings, an admin path of your choosing."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from tests.html import page_text

LOGIN = f"/{settings.ADMIN_URL}login/"
PASSWORD = "een-lang-en-sterk-wachtwoord"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "medewerker", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password=PASSWORD, **extra):
    return client.post(
        LOGIN,
        {"username": "medewerker", "password": password, "next": "/admin/", **extra},
    )


def test_repeated_failures_lock_the_account_out(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, password="fout").status_code == 200
    assert log_in(client, password="fout").status_code == 429
    response = log_in(client)  # even the right password is refused now
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in page_text(response)


def test_a_success_before_the_limit_resets_the_count(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, password="fout")
    assert log_in(client).status_code == 302


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_with_two_factor_a_password_alone_does_not_open_the_admin(client, staff):
    TOTPDevice.objects.create(user=staff, name="telefoon")
    response = log_in(client)
    assert response.status_code == 200
    assert 'name="otp_token"' in response.content.decode()
    assert client.get("/admin/").status_code == 302  # back to the login


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_with_two_factor_password_and_code_open_the_admin(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="telefoon")
    code = f"{totp(device.bin_key):06d}"
    response = log_in(client, otp_token=code)  # no choice of device needed
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_a_wrong_code_is_refused(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="telefoon")
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    assert log_in(client, otp_token=wrong).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_the_enrolment_command_gives_a_link_and_shows_no_key(staff, capsys):
    old = TOTPDevice.objects.create(user=staff, name="telefoon")
    call_command("enrolment_link", "medewerker")
    out = capsys.readouterr().out
    assert "/account/koppelen/" in out
    # A new phone replaces the old, linked by its owner through the link; the
    # command itself shows no key.
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert "otpauth://" not in out and old.key not in out


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_the_admin_path_comes_from_the_environment():
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse; "
            "print(reverse('admin:index'))",
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.test",
            "DJANGO_ADMIN_URL": "beheer-7f3a/",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "/beheer-7f3a/", result.stderr
