"""Real gunicorn servers on loopback: two of them against one PostgreSQL and one
Redis, and one whose database connection is cut and restored."""

import urllib.error
import urllib.request

import pytest
import redis
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.production.forms import Browser
from tests.production.servers import TcpProxy, database_url, gunicorn, redis_url

pytestmark = [
    pytest.mark.usefixtures("seed_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="server tests run against PostgreSQL (DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True),
]

REDIS_URL = redis_url(0)
PASSWORD = "lang-genoeg-wachtwoord-1"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


def test_an_edit_through_one_server_is_read_through_the_other(shared_redis):
    # Hashed as production hashes it: the test settings use a fast hasher.
    user = get_user_model().objects.create_superuser("beheer")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "vastezoutwaarde")
    user.save()
    # Production settings ask staff for a code from their authenticator app.
    device = TOTPDevice.objects.create(user=user, name="telefoon")
    env = {"DATABASE_URL": database_url(), "REDIS_URL": shared_redis}
    with gunicorn(env) as server_a, gunicorn(env) as server_b:
        # Server B has the page in the shared cache before the edit.
        status, before = fetch(server_b + "/acties/1/")
        assert status == 200 and "Opnieuw geformuleerd" not in before

        editor = Browser(server_a)
        status, page = editor.submit(
            f"/{settings.ADMIN_URL}login/",
            username="beheer",
            password=PASSWORD,
            otp_token=f"{totp(device.bin_key):06d}",
            next=f"/{settings.ADMIN_URL}",
        )
        assert status == 200 and 'id="login-form"' not in page, page[
            page.find("errornote") :
        ][:600]
        status, _ = editor.submit(
            f"/{settings.ADMIN_URL}programmes/action/1/change/",
            form_id="action_form",
            title="Opnieuw geformuleerd door de redactie",
        )
        assert status == 200

        status, after = fetch(server_b + "/acties/1/")
        assert status == 200
        assert "Opnieuw geformuleerd door de redactie" in after


def test_database_outage_gives_a_friendly_503_and_recovers_by_itself():
    db = settings.DATABASES["default"]
    proxy = TcpProxy(db.get("HOST") or "127.0.0.1", int(db.get("PORT") or 5432))
    url = database_url().replace(f":{db.get('PORT') or 5432}/", f":{proxy.port}/")
    env = {"DATABASE_URL": url, "PORTAL_PAGE_CACHE_SECONDS": "0"}
    try:
        with gunicorn(env) as server:
            assert fetch(server + "/acties/1/")[0] == 200

            proxy.cut()
            status, body = fetch(server + "/acties/1/")
            assert status == 503
            assert "Even niet beschikbaar" in body
            assert "Traceback" not in body and "OperationalError" not in body
            assert fetch(server + "/health/")[0] == 200
            assert fetch(server + "/ready/")[0] == 503

            proxy.restore()
            assert fetch(server + "/acties/1/")[0] == 200
            assert fetch(server + "/ready/")[0] == 200
    finally:
        proxy.close()
