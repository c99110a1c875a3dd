"""Two-factor login the first time, under production settings: gunicorn with debug
off, an account made with the command the README names, its authenticator app
linked by its owner through the one-time link, and headless Chromium filling in
the real login form once, in Dutch and in English."""

import time
import urllib.parse

import pytest
from django_otp.oath import totp

from tests.browser import axe_violations, enrol_in_browser, enrolment_path
from tests.production.servers import gunicorn, manage

pytestmark = pytest.mark.browser

PASSWORD = "Lang-en-sterk-wachtwoord-2026"


@pytest.fixture(scope="module")
def server(tmp_path_factory, browser):
    """A production server on a database of its own, with two editors who each
    opened the link of `enrolment_link`, chose a password and scanned the QR
    code: one reads Dutch, one English."""
    database = tmp_path_factory.mktemp("login") / "portal.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}"}
    manage("migrate", "--noinput", env=env)
    links = {}
    for name in ("anouk", "sam"):
        manage(
            "create_portal_user",
            name,
            "--role",
            "redacteur",
            env={**env, "PORTAL_USER_PASSWORD": "Tijdelijk-wachtwoord-2026"},
        )
        output = manage("enrolment_link", name, env=env)
        links[name] = enrolment_path(output)
    keys = {}
    with gunicorn(env) as url:
        context = browser.new_context(base_url=url)
        for name, path in links.items():
            keys[name] = enrol_in_browser(context.new_page(), path, PASSWORD)
        context.close()
        # The enrolment spent the code of this moment: the tests log in with
        # the next one.
        yield url, keys


@pytest.fixture
def tab(browser, server):
    url, _keys = server
    # Bypassing the policy only to inject axe-core.
    context = browser.new_context(base_url=url, bypass_csp=True)
    yield context.new_page()
    context.close()


def code(key: bytes) -> str:
    # The code of the next 30 seconds: the one of the enrolment is spent.
    return f"{totp(key, drift=1):06d}"


def fill_in(tab, username, password, one_time_code):
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.fill("#id_otp_token", one_time_code)
    tab.click("#login-form input[type=submit]")
    tab.wait_for_load_state()


def test_dutch_name_password_and_code_once_and_in(tab, server):
    _url, keys = server
    tab.goto("/admin/")
    assert tab.url.endswith("/admin/login/?next=/admin/")
    assert tab.locator("h1").inner_text() == "Inloggen"
    assert tab.locator("label[for=id_otp_token]").inner_text() == (
        "Code uit de authenticator-app:"
    )
    assert axe_violations(tab) == []
    fill_in(tab, "anouk", PASSWORD, code(keys["anouk"]))
    assert tab.url.endswith("/admin/")
    assert tab.locator("#site-name").inner_text() == "Begroting Hengelo: beheer"
    assert "Acties zonder statusupdate dit jaar" in tab.content()


def test_english_a_wrong_code_then_the_right_one(tab, server):
    _url, keys = server
    tab.goto("/en/admin/login/?next=https://example.org/")
    assert tab.locator("h1").inner_text() == "Log in"
    wrong = f"{(int(code(keys['sam'])) + 1) % 1_000_000:06d}"
    fill_in(tab, "sam", PASSWORD, wrong)
    note = tab.locator(".errornote").inner_text()
    assert note.startswith("Enter a correct username, a correct password and a valid")
    assert "device" not in note and "token" not in note
    # Nothing typed comes back: not the password, not the code.
    assert tab.input_value("#id_password") == ""
    assert tab.input_value("#id_otp_token") == ""
    assert PASSWORD not in tab.content()
    assert axe_violations(tab) == []
    # A failed code makes the app wait a second before the next try.
    time.sleep(1.1)
    fill_in(tab, "sam", PASSWORD, code(keys["sam"]))
    # In the English admin, not on example.org nor on /accounts/profile/.
    assert urllib.parse.urlsplit(tab.url).path == "/en/admin/"
    assert tab.locator("#site-name").inner_text() == "Budget Hengelo: administration"
