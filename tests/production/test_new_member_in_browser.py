"""A new council member signs in on their own under production settings
(gunicorn, debug off, two-factor login, mail over SMTP): the griffie, whose own
link came from `enrolment_link`, adds a fractie and the member in the admin; the
member gets the e-mail, opens the link, chooses a password, scans and is on
/raad/; nobody touched the shell for the member."""

import urllib.parse

import pytest
from aiosmtpd.controller import Controller
from django_otp.oath import totp

from tests.browser import axe_violations, enrol_in_browser, enrolment_path
from tests.council.conftest import Inbox
from tests.production.servers import free_port, gunicorn, manage

pytestmark = pytest.mark.browser

PASSWORD = "Lang-en-sterk-wachtwoord-2026"


@pytest.fixture(scope="module")
def inbox():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, inbox):
    _inbox, port = inbox
    database = tmp_path_factory.mktemp("new-member") / "portal.sqlite3"
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(port),
    }
    manage("migrate", "--noinput", env=env)
    manage(
        "create_portal_user",
        "griffier",
        "--role",
        "griffie",
        "--email",
        "griffie@hengelo.nl",
        env={**env, "PORTAL_USER_PASSWORD": "Tijdelijk-wachtwoord-2026"},
    )
    output = manage("enrolment_link", "griffier", env=env)
    link = enrolment_path(output)
    with gunicorn(env) as url:
        yield url, link


def link_in(messages) -> str:
    [mail] = messages
    text = mail["text"].replace("=\r\n", "").replace("=\n", "")
    return enrolment_path(text)


def test_a_member_made_by_the_griffie_signs_in_without_the_shell(
    browser, server, inbox
):
    url, griffie_link = server
    mails, _port = inbox
    context = browser.new_context(base_url=url, bypass_csp=True)
    griffie = context.new_page()
    enrol_in_browser(griffie, griffie_link, PASSWORD)
    assert urllib.parse.urlsplit(griffie.url).path == "/admin/"
    griffie.goto("/admin/council/fractie/add/")
    griffie.fill("#id_name", "Rode Partij")
    with griffie.expect_navigation():
        griffie.click("input[name=_save]")
    griffie.goto("/admin/council/councilmember/add/")
    griffie.fill("#id_username", "dirk")
    griffie.fill("#id_last_name", "Bakker")
    griffie.fill("#id_email", "dirk@raad.hengelo.nl")
    griffie.select_option("#id_fractie", label="Rode Partij")
    with griffie.expect_navigation():
        griffie.click("input[name=_save]")
    assert "heeft een e-mail gekregen" in griffie.locator(".messagelist").inner_text()

    path = link_in(mails.to("dirk@raad.hengelo.nl"))
    member_context = browser.new_context(base_url=url, bypass_csp=True)
    member = member_context.new_page()
    member.goto(path)
    assert axe_violations(member) == []
    key = enrol_in_browser(member, path, PASSWORD)
    assert urllib.parse.urlsplit(member.url).path == "/raad/"
    assert "Ingelogd als Bakker" in member.locator("main").inner_text()

    # Later, in another browser: the login page, password and the next code.
    later = browser.new_context(base_url=url).new_page()
    later.goto("/raad/inloggen/")
    later.fill("#id_username", "dirk")
    later.fill("#id_password", PASSWORD)
    later.fill("#id_otp_token", f"{totp(key, drift=1):06d}")
    with later.expect_navigation():
        later.click("#login-form button[type=submit]")
    assert urllib.parse.urlsplit(later.url).path == "/raad/"
    context.close()
    member_context.close()
