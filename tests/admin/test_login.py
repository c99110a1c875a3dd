"""The admin's login: name, password and code in one go, the same answer for every
wrong part, nothing written back, and always on to the admin itself."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from tests.html import page_text
from tests.production.forms import FormFields

PASSWORD = "een-lang-en-sterk-wachtwoord"
# What django-otp's own form says, in English whatever the page's language.
OTP_MESSAGES = ("Please select a device", "OTP", "Invalid token", "Verification")

two_factor = override_settings(PORTAL_REQUIRE_2FA=True)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "medewerker", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="telefoon")


def code(device) -> str:
    return f"{totp(device.bin_key):06d}"


def wrong_code(device) -> str:
    return f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"


def log_in(client, path="/admin/login/", **fields):
    """Open the login page, fill in its form as a browser would, and send it."""
    page = client.get(path)
    html = page.content.decode()
    form = FormFields("login-form")
    form.feed(html)
    data = {name: value for name, value in form.fields}
    data.update(fields)
    action = re.search(r'<form action="([^"]*)"[^>]*id="login-form"', html)
    return client.post(action.group(1).replace("&amp;", "&"), data)


def without_csrf_token(response) -> str:
    body = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


# One round trip with two factors.


@two_factor
def test_one_device_is_chosen_by_itself(client, device):
    response = log_in(
        client, username="medewerker", password=PASSWORD, otp_token=code(device)
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@two_factor
def test_in_english_the_same_and_on_to_the_english_admin(client, device):
    response = log_in(
        client,
        "/en/admin/login/",
        username="medewerker",
        password=PASSWORD,
        otp_token=code(device),
    )
    assert response["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200


@two_factor
def test_with_several_devices_the_code_of_any_confirmed_one_works(client, staff):
    first = TOTPDevice.objects.create(user=staff, name="oude telefoon")
    second = TOTPDevice.objects.create(user=staff, name="nieuwe telefoon")
    response = log_in(
        client, username="medewerker", password=PASSWORD, otp_token=code(second)
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    # The code was never meant for the first device: it counts no failure there.
    first.refresh_from_db()
    assert first.throttling_failure_count == 0


@two_factor
def test_a_code_no_device_accepts_counts_against_each(client, staff):
    devices = [TOTPDevice.objects.create(user=staff, name=n) for n in ("a", "b")]
    log_in(client, username="medewerker", password=PASSWORD, otp_token="000000")
    for device in devices:
        device.refresh_from_db()
        assert device.throttling_failure_count == 1
    assert client.get("/admin/").status_code == 302


@two_factor
def test_an_unconfirmed_device_or_someone_elses_does_not_count(client, staff):
    unconfirmed = TOTPDevice.objects.create(
        user=staff, name="nog niet", confirmed=False
    )
    other = get_user_model().objects.create_user("ander", password=PASSWORD)
    someone_elses = TOTPDevice.objects.create(user=other, name="van een ander")
    for device in (unconfirmed, someone_elses):
        response = log_in(
            client, username="medewerker", password=PASSWORD, otp_token=code(device)
        )
        assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


# In the page's language.


@two_factor
@pytest.mark.parametrize(
    "path, label, required, refused",
    [
        (
            "/admin/login/",
            "Code uit de authenticator-app",
            "Vul de code uit uw authenticator-app in.",
            "Voer een juiste gebruikersnaam, een juist wachtwoord en een geldige code",
        ),
        (
            "/en/admin/login/",
            "Code from the authenticator app",
            "Enter the code from your authenticator app.",
            "Enter a correct username, a correct password and a valid code",
        ),
    ],
)
def test_every_message_in_the_pages_language(
    client, device, path, label, required, refused
):
    text = page_text(client.get(path))
    assert label in text
    missing = page_text(log_in(client, path, username="medewerker", password=PASSWORD))
    assert required in missing
    wrong = page_text(
        log_in(client, path, username="medewerker", password=PASSWORD, otp_token="12")
    )
    assert refused in wrong
    for message in OTP_MESSAGES:
        assert message not in text + missing + wrong


@pytest.mark.parametrize("two_factor_login", [True, False])
@pytest.mark.parametrize("path", ["/admin/login/", "/en/admin/login/"])
def test_the_login_page_has_one_heading(db, client, path, two_factor_login):
    with override_settings(PORTAL_REQUIRE_2FA=two_factor_login):
        body = client.get(path).content.decode()
    assert len(re.findall(r"<h1\b", body)) == 1


# Nothing given away.


@two_factor
@pytest.mark.parametrize(
    "fields",
    [
        {"password": PASSWORD},  # no code
        {"password": PASSWORD, "otp_token": "000000"},  # wrong code
        {"password": "fout", "otp_token": "000000"},  # wrong password
    ],
)
def test_the_password_is_never_written_back(client, device, fields):
    response = log_in(client, username="medewerker", **fields)
    assert response.status_code == 200
    body = response.content.decode()
    assert PASSWORD not in body and 'value="fout"' not in body
    assert 'value="000000"' not in body
    assert re.search(r'<input type="password" name="password"[^>]*>', body)
    assert "value=" not in re.search(r'<input type="password"[^>]*>', body).group()


def test_without_two_factor_the_password_is_not_written_back_either(client, staff):
    response = log_in(client, username="medewerker", password="fout")
    assert response.status_code == 200
    assert 'value="fout"' not in response.content.decode()


@two_factor
@pytest.mark.parametrize("path", ["/admin/login/", "/en/admin/login/"])
def test_a_wrong_code_and_a_wrong_password_get_the_same_page(device, path):
    wrong_code_page = log_in(
        Client(),
        path,
        username="medewerker",
        password=PASSWORD,
        otp_token=wrong_code(device),
    )
    wrong_password_page = log_in(
        Client(), path, username="medewerker", password="fout", otp_token=code(device)
    )
    assert wrong_code_page.status_code == wrong_password_page.status_code == 200
    assert without_csrf_token(wrong_code_page) == without_csrf_token(
        wrong_password_page
    )


@two_factor
def test_an_unknown_name_and_a_missing_code_tell_nothing_either(device):
    unknown = log_in(
        Client(), username="niemand", password=PASSWORD, otp_token="123456"
    )
    wrong = log_in(
        Client(), username="niemand", password=PASSWORD, otp_token=wrong_code(device)
    )
    assert without_csrf_token(unknown) == without_csrf_token(wrong)
    # Without a code the password is not tried: right or wrong, one answer.
    right = log_in(Client(), username="medewerker", password=PASSWORD)
    wrong = log_in(Client(), username="medewerker", password="fout")
    assert without_csrf_token(right) == without_csrf_token(wrong)


@two_factor
def test_wrong_codes_lock_the_account_out_like_wrong_passwords(client, device):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(
            client, username="medewerker", password=PASSWORD, otp_token="000000"
        )
        assert response.status_code == 200
    response = log_in(
        client, username="medewerker", password=PASSWORD, otp_token="000000"
    )
    assert response.status_code == 429
    # Even the right code is refused now.
    response = client.post(
        "/admin/login/",
        {"username": "medewerker", "password": PASSWORD, "otp_token": code(device)},
    )
    assert response.status_code == 429


# Always on to the admin.


@pytest.mark.parametrize("two_factor_login", [True, False])
@pytest.mark.parametrize(
    "path, index",
    [
        ("/admin/login/", "/admin/"),
        ("/admin/login/?next=https://example.org", "/admin/"),
        ("/admin/login/?next=//example.org/admin/", "/admin/"),
        ("/admin/login/?next=", "/admin/"),
        ("/en/admin/login/?next=https://example.org", "/en/admin/"),
    ],
)
def test_after_login_the_admin_index_never_a_foreign_or_missing_page(
    client, device, path, index, two_factor_login
):
    with override_settings(PORTAL_REQUIRE_2FA=two_factor_login):
        response = log_in(
            client,
            path,
            username="medewerker",
            password=PASSWORD,
            otp_token=code(device),
        )
        assert response.status_code == 302
        assert response["Location"] == index
        assert client.get(index).status_code == 200


@two_factor
def test_a_next_address_in_the_admin_is_followed(client, device):
    response = log_in(
        client,
        "/admin/login/?next=/admin/programmes/action/",
        username="medewerker",
        password=PASSWORD,
        otp_token=code(device),
    )
    assert response["Location"] == "/admin/programmes/action/"
