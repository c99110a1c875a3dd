"""A new council member signs in on their own, in headless Chromium with
two-factor login on: the griffie (who linked her own app through her link)
adds the member in the admin, the member gets the e-mail over SMTP, opens the
link, chooses a password, scans (the test reads the key beside the QR code) and
reaches /raad/; axe-core and the Nu HTML Checker on the enrolment pages."""

import base64
import urllib.parse

import pytest
from django_otp.oath import totp

from django.test import override_settings

from accounts.services import enrolment_link_create
from tests.browser import axe_violations, enrolment_path, vnu_errors

from .test_in_browser import new_tab, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Zelf-gekozen-wachtwoord-2026"


def key_beside_the_qr_code(tab) -> bytes:
    secret = tab.locator("#totp-secret").inner_text().replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def enrol(tab, path, keep) -> bytes:
    tab.goto(path)
    assert tab.locator("figure.qr-code svg").count() == 1
    keep("enrol")
    key = key_beside_the_qr_code(tab)
    # First a wrong code: a clear message, nothing kept.
    tab.fill("#id_new_password1", PASSWORD)
    tab.fill("#id_new_password2", PASSWORD)
    tab.fill("#id_otp_token", f"{(totp(key) + 1) % 1_000_000:06d}")
    submit(tab, tab.locator("#enrol-form button[type=submit]"))
    assert "Deze code klopt niet." in tab.locator("main").inner_text()
    keep("enrol-wrong-code")
    tab.fill("#id_new_password1", PASSWORD)
    tab.fill("#id_new_password2", PASSWORD)
    tab.fill("#id_otp_token", f"{totp(key):06d}")
    submit(tab, tab.locator("#enrol-form button[type=submit]"))
    return key


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_a_member_made_by_the_griffie_signs_in_on_her_own(
    browser, live_server, smtp_server, clerk, fracties, tmp_path
):
    pages = {}

    def keep_for(tab):
        def keep(name):
            pages[name] = tab.content()
            assert axe_violations(tab) == [], name

        return keep

    # The griffie links her own app through her link, and is in the admin.
    _link, url = enrolment_link_create(user=clerk, actor=None)
    griffie = new_tab(browser, live_server)
    enrol(griffie, enrolment_path(url), lambda name: None)
    assert urllib.parse.urlsplit(griffie.url).path == "/admin/"

    griffie.goto("/admin/council/councilmember/add/")
    assert griffie.locator("#id_password").count() == 0
    griffie.fill("#id_username", "dirk")
    griffie.fill("#id_first_name", "Dirk")
    griffie.fill("#id_last_name", "Bakker")
    griffie.fill("#id_email", "dirk@raad.hengelo.nl")
    griffie.select_option("#id_fractie", label="Blauwe Partij")
    submit(griffie, griffie.locator("input[name=_save]"))
    assert "heeft een e-mail gekregen" in griffie.locator(".messagelist").inner_text()

    [mail] = smtp_server.to("dirk@raad.hengelo.nl")
    path = enrolment_path(mail["text"])

    member = new_tab(browser, live_server)
    key = enrol(member, path, keep_for(member))
    assert urllib.parse.urlsplit(member.url).path == "/raad/"
    assert "Ingelogd als Dirk Bakker" in member.locator("main").inner_text()

    # The griffie sees that Dirk linked an app, and who did what; not the key.
    from council.models import CouncilMember

    dirk = CouncilMember.objects.get(user__username="dirk")
    griffie.goto(f"/admin/council/councilmember/{dirk.pk}/change/")
    history = griffie.locator(".field-account_history").inner_text()
    assert "Authenticator-app gekoppeld." in history
    assert "Wachtwoord ingesteld, door dirk" in history
    assert "Account aangemaakt, door griffier" in history
    assert base64.b32encode(key).decode() not in griffie.content()
    assert axe_violations(griffie) == []

    # The link is spent.
    member.goto(path)
    assert "al gebruikt" in member.locator("main").inner_text()
    keep_for(member)("link-spent")

    # Another day: the login page, password and a later code.
    member.goto("/raad/")
    submit(member, member.locator("form[action$='/raad/uitloggen/'] button"))
    member.goto("/raad/inloggen/")
    member.fill("#id_username", "dirk")
    member.fill("#id_password", PASSWORD)
    member.fill("#id_otp_token", f"{totp(key, drift=1):06d}")
    submit(member, member.locator("#login-form button[type=submit]"))
    assert urllib.parse.urlsplit(member.url).path == "/raad/"

    files = []
    for name, html in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_text(html, encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []
