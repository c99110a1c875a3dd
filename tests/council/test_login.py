"""The council members' own login: as strong as the admin's (password and code
from the authenticator app, lock-out after failed logins), for members only."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.test import Client, override_settings

from tests.admin.test_login import code, wrong_code
from tests.html import page_text

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/raad/inloggen/"
two_factor = override_settings(PORTAL_REQUIRE_2FA=True)


def log_in(client, **fields):
    page = client.get(LOGIN)
    assert page.status_code == 200
    assert 'action="/raad/inloggen/"' in page.content.decode()
    return client.post(LOGIN, fields)


@pytest.fixture
def device(member):
    return TOTPDevice.objects.create(user=member.user, name="telefoon")


def test_a_member_logs_in_and_reaches_the_workspace(member):
    client = Client()
    response = log_in(client, username="anna", password=PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/raad/"
    page = client.get("/raad/")
    assert "Ingelogd als Anna de Vries, fractie Rode Partij" in page_text(page)


def test_the_workspace_asks_a_visitor_to_log_in(db):
    response = Client().get("/raad/")
    assert response.status_code == 302
    assert response["Location"] == "/raad/inloggen/?next=%2Fraad%2F"


def test_staff_cannot_log_in_as_a_member_and_hear_nothing_of_their_password(
    editor, clerk
):
    for user in ("redacteur", "griffier"):
        right = log_in(Client(), username=user, password=PASSWORD)
        wrong = log_in(Client(), username=user, password="fout-wachtwoord")
        assert right.status_code == wrong.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in page_text(right)
        assert page_text(right) == page_text(wrong)


@two_factor
def test_with_two_factors_the_code_is_needed(member, device):
    client = Client()
    response = log_in(client, username="anna", password=PASSWORD)
    assert response.status_code == 200
    assert "Vul de code uit uw authenticator-app in." in page_text(response)
    response = log_in(
        client, username="anna", password=PASSWORD, otp_token=wrong_code(device)
    )
    assert response.status_code == 200
    assert "Een code werkt maar één keer" in page_text(response)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # After a wrong code django-otp waits a moment before it tries the next one;
    # the moment has passed.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    response = log_in(
        client, username="anna", password=PASSWORD, otp_token=code(device)
    )
    assert response.status_code == 302
    assert client.get("/raad/").status_code == 200


@two_factor
def test_with_two_factors_a_password_alone_opens_nothing(member, device):
    client = Client()
    client.force_login(member.user)  # a session without the code
    assert client.get("/raad/").status_code == 302
    assert client.get("/raad/notities.csv").status_code == 403


@two_factor
def test_wrong_codes_lock_the_member_out(member, device):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(
            client, username="anna", password=PASSWORD, otp_token="000000"
        )
        assert response.status_code == 200
    response = log_in(client, username="anna", password=PASSWORD, otp_token="000000")
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in page_text(response)
    response = client.post(
        LOGIN, {"username": "anna", "password": PASSWORD, "otp_token": code(device)}
    )
    assert response.status_code == 429


def test_wrong_passwords_lock_the_member_out(member):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, username="anna", password="fout")
    assert response.status_code == 429
    assert log_in(client, username="anna", password=PASSWORD).status_code == 429


def test_an_inactive_member_cannot_log_in(member):
    member.user.is_active = False
    member.user.save()
    response = log_in(Client(), username="anna", password=PASSWORD)
    assert response.status_code == 200


def test_logging_out_ends_the_session(member):
    client = Client()
    log_in(client, username="anna", password=PASSWORD)
    response = client.post("/raad/uitloggen/")
    assert response.status_code == 302
    assert client.get("/raad/").status_code == 302


def test_the_login_page_in_english(member):
    response = Client().get("/en/raad/inloggen/")
    assert response.status_code == 200
    assert "Log in for council members" in page_text(response)
