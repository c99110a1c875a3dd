"""Nobody but the owner sets or sees an account's second factor: a member made by
the griffie chooses a password and links an authenticator app through a one-time
link; a reset removes the old app, mails the owner and forces a new link; the
former authenticator admin is gone for everyone."""

import base64
import datetime
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.utils import timezone

from accounts.models import EnrolmentLink
from accounts.services import enrolment_link_create, second_factor_reset
from council.models import CouncilMember
from tests.admin.helpers import signed_in
from tests.browser import enrolment_path
from tests.html import page_text

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
two_factor = override_settings(PORTAL_REQUIRE_2FA=True)
NEW_PASSWORD = "Mijn-eigen-wachtwoord-2026"


def link_in(mail) -> str:
    """The path of the one-time link in an e-mail."""
    return enrolment_path(mail.body)


def secret_on(page) -> bytes:
    """What the member's app reads from the QR code: the key shown beside it."""
    shown = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.content.decode())
    secret = shown.group(1).replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def code(key: bytes, later: int = 0) -> str:
    return f"{totp(key, drift=later):06d}"


def enrol(client, path, *, password=NEW_PASSWORD, key=None, otp=None):
    page = client.get(path)
    assert page.status_code == 200, page_text(page)
    key = key or secret_on(page)
    return key, client.post(
        path,
        {
            "new_password1": password,
            "new_password2": password,
            "otp_token": otp if otp is not None else code(key),
        },
    )


def verified(user) -> Client:
    """Signed in with password and code, as the two-factor login leaves it."""
    from django_otp import DEVICE_ID_SESSION_KEY

    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="telefoon"
    )
    client = signed_in(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def griffie_adds(clerk, fracties, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        response = verified(clerk).post(
            "/admin/council/councilmember/add/",
            {
                "username": "dirk",
                "first_name": "Dirk",
                "last_name": "Bakker",
                "email": "dirk@raad.hengelo.nl",
                "fractie": fracties[1].pk,
            },
        )
    assert response.status_code == 302, page_text(response)
    [mail] = [m for m in mailoutbox if m.to == ["dirk@raad.hengelo.nl"]]
    return mail


@two_factor
def test_a_new_member_enrols_through_the_link_and_logs_in_on_their_own(
    clerk, fracties, django_capture_on_commit_callbacks, mailoutbox
):
    mail = griffie_adds(clerk, fracties, django_capture_on_commit_callbacks, mailoutbox)
    assert mail.subject == "Uw account voor de Begroting Hengelo"
    assert "werkt één keer" in mail.body
    client = Client()
    page = client.get(link_in(mail))
    assert "<svg" in page.content.decode()  # the QR code, drawn by the portal
    assert page["Cache-Control"].startswith("max-age=0")
    assert "no-store" in page["Cache-Control"]
    key, response = enrol(client, link_in(mail))
    assert response.status_code == 302
    assert response["Location"] == "/raad/"
    assert client.get("/raad/").status_code == 200  # signed in, with the code
    # And on another day, at the login page: password and a later code.
    again = Client()
    response = again.post(
        "/raad/inloggen/",
        {"username": "dirk", "password": NEW_PASSWORD, "otp_token": code(key, 1)},
    )
    assert response.status_code == 302
    assert again.get("/raad/").status_code == 200


def test_the_link_works_once(member, django_capture_on_commit_callbacks):
    _link, url = enrolment_link_create(user=member.user)
    path = enrolment_path(url)
    enrol(Client(), path)
    response = Client().get(path)
    assert response.status_code == 410
    assert "Deze link werkt niet (meer): hij is al gebruikt" in page_text(response)
    assert "<svg" not in response.content.decode()
    # Posting to it again changes nothing either.
    response = Client().post(
        path,
        {"new_password1": "Ander-2026-x", "new_password2": "Ander-2026-x"},
    )
    assert response.status_code == 410
    member.user.refresh_from_db()
    assert member.user.check_password(NEW_PASSWORD)


def test_an_expired_link_says_so_in_dutch(member):
    link, url = enrolment_link_create(user=member.user)
    EnrolmentLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = Client().get(enrolment_path(url))
    assert response.status_code == 410
    text = page_text(response)
    assert "Deze link is verlopen op" in text
    assert "Vraag de griffie" in text


def test_a_newer_link_replaces_the_older_and_a_guessed_one_opens_nothing(member):
    _old, old_url = enrolment_link_create(user=member.user)
    enrolment_link_create(user=member.user)
    assert Client().get(enrolment_path(old_url)).status_code == 410
    assert Client().get("/account/koppelen/?token=geraden").status_code == 410
    assert Client().get("/account/koppelen/").status_code == 410


def test_a_wrong_code_or_a_weak_password_writes_nothing(member):
    device = TOTPDevice.objects.create(user=member.user, name="oude telefoon")
    _link, url = enrolment_link_create(user=member.user)
    path = enrolment_path(url)
    key, response = enrol(Client(), path, otp="000000")
    assert response.status_code == 200
    assert "Deze code klopt niet." in page_text(response)
    _key, response = enrol(Client(), path, password="1234")
    assert "Dit wachtwoord is te algemeen." in page_text(response)
    assert NEW_PASSWORD not in response.content.decode()
    member.user.refresh_from_db()
    assert member.user.check_password(PASSWORD)
    assert list(TOTPDevice.objects.filter(user=member.user)) == [device]
    assert EnrolmentLink.objects.get().used_at is None
    # The code of the key shown, then: the old phone gives way to the new one.
    _key, response = enrol(Client(), path, key=key)
    assert response.status_code == 302
    [new] = TOTPDevice.objects.filter(user=member.user)
    assert new.pk != device.pk and new.confirmed


# Nobody else sees or sets a second factor.


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "root", "root@hengelo.nl", PASSWORD
    )


def test_the_authenticator_admin_is_gone_for_everyone(
    member, administrator, superuser, clerk
):
    device = TOTPDevice.objects.create(user=member.user, name="telefoon")
    for user in (administrator, superuser, clerk):
        client = signed_in(user)
        for path in (
            "/admin/otp_totp/totpdevice/",
            "/admin/otp_totp/totpdevice/add/",
            f"/admin/otp_totp/totpdevice/{device.pk}/change/",
            f"/admin/otp_totp/totpdevice/{device.pk}/config/",
            f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/",
        ):
            assert client.get(path).status_code in (403, 404), (user, path)
        response = client.post(
            "/admin/otp_totp/totpdevice/add/",
            {"user": member.user.pk, "name": "van de beheerder", "key": "ab" * 20},
        )
        assert response.status_code in (403, 404)
        assert TOTPDevice.objects.filter(user=member.user).count() == 1
        assert "otp_totp" not in client.get("/admin/").content.decode()


def test_no_admin_page_shows_an_authenticator_key(member, administrator, clerk):
    device = TOTPDevice.objects.create(user=member.user, name="telefoon")
    secret = base64.b32encode(device.bin_key).decode()
    pages = [
        (clerk, f"/admin/council/councilmember/{member.pk}/change/"),
        (administrator, f"/admin/council/councilmember/{member.pk}/change/"),
        (administrator, f"/admin/auth/user/{member.user.pk}/change/"),
        (administrator, "/admin/accounts/accountevent/"),
    ]
    for user, path in pages:
        response = signed_in(user).get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert device.key not in body and secret not in body, path
    text = page_text(signed_in(clerk).get(pages[0][1]))
    assert "Authenticator-app gekoppeld." in text


# A reset.


@two_factor
def test_the_griffie_resets_a_members_app_the_member_is_mailed_and_must_enrol(
    member, clerk, mailoutbox, django_capture_on_commit_callbacks
):
    device = TOTPDevice.objects.create(user=member.user, name="telefoon")
    with django_capture_on_commit_callbacks(execute=True):
        response = verified(clerk).post(
            "/admin/council/councilmember/",
            {"action": "second_factor_reset", "_selected_action": [member.pk]},
        )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member.user).exists()
    [mail] = mailoutbox
    assert mail.to == ["anna@raad.hengelo.nl"]
    assert mail.subject == "Uw authenticator-app is gereset: koppel een nieuwe"
    # The old app opens nothing any more.
    response = Client().post(
        "/raad/inloggen/",
        {"username": "anna", "password": PASSWORD, "otp_token": code(device.bin_key)},
    )
    assert response.status_code == 200
    # The link sets it right, by the member herself.
    client = Client()
    _key, response = enrol(client, link_in(mail))
    assert response.status_code == 302
    assert client.get("/raad/").status_code == 200


def test_a_beheerder_resets_a_staff_members_app(
    editor, administrator, mailoutbox, django_capture_on_commit_callbacks
):
    TOTPDevice.objects.create(user=editor, name="telefoon")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(administrator).post(
            "/admin/auth/user/",
            {"action": "second_factor_reset", "_selected_action": [editor.pk]},
        )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    [mail] = mailoutbox
    assert mail.to == ["redacteur@hengelo.nl"]
    assert "/account/koppelen/" in mail.body


def test_a_reset_without_an_address_is_refused_and_changes_nothing(member):
    from django.core.exceptions import ValidationError

    device = TOTPDevice.objects.create(user=member.user, name="telefoon")
    member.user.email = ""
    member.user.save()
    with pytest.raises(ValidationError, match="geen e-mailadres"):
        second_factor_reset(user=member.user, actor=None)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_the_griffie_cannot_open_staff_accounts(clerk, editor):
    client = signed_in(clerk)
    assert client.get(f"/admin/auth/user/{editor.pk}/change/").status_code == 403
    assert CouncilMember.objects.count() == 0


def test_the_command_gives_the_first_beheerder_a_link(administrator, capsys):
    from django.core.management import call_command

    TOTPDevice.objects.create(user=administrator, name="oude telefoon")
    call_command("enrolment_link", "beheerder")
    out = capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=administrator).exists()
    path = enrolment_path(out)
    client = Client()
    _key, response = enrol(client, path)
    assert response["Location"] == "/admin/"


def test_the_token_of_a_link_reaches_no_log(member, caplog):
    import logging

    _link, url = enrolment_link_create(user=member.user)
    token = url.split("token=")[1]
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        enrol(Client(), enrolment_path(url))
    assert [r for r in caplog.records if getattr(r, "path", "").startswith("/account")]
    for record in caplog.records:
        assert token not in str(record.__dict__)


def test_the_link_in_english(member):
    _link, url = enrolment_link_create(user=member.user)
    response = Client().get("/en" + enrolment_path(url))
    assert response.status_code == 200
    text = page_text(response)
    assert "Choose a password and link the authenticator app" in text
    assert "Enter the code from your authenticator app" not in text  # until posted
    response = Client().get("/en/account/koppelen/?token=used")
    assert "This link does not work (any more)" in page_text(response)
