"""Every address takes only the methods it serves: the public pages, the API, the
feed and the downloads are read-only (405 with an Allow header for the rest), the
admin also takes POST, and TRACE is refused everywhere."""

import pytest

from django.conf import settings
from django.test import Client

from tests.i18n.test_pages import PUBLIC_PAGES
from tests.test_query_counts import PAGES

READ_ONLY = sorted(
    {*PUBLIC_PAGES, *("/en" + path for path in PUBLIC_PAGES), *PAGES}
    | {
        "/en/wijzigingen/atom/",
        "/en/open-data/acties.csv",
        "/technische-vragen/2018/",
        "/en/technische-vragen/2018/",
        "/open-data/technische-vragen.csv",
        "/api/v1/technische-vragen/",
        "/raad/",
        "/raad/notities.csv",
        "/api/v1/",
        "/api/v1/schema/",
        "/voorvertoning/acties/1/",
        "/health/",
        "/ready/",
        "/robots.txt",
        "/.well-known/security.txt",
    }
)
REFUSED = ["PUT", "DELETE", "PATCH", "POST", "TRACE"]
ADMIN = [f"/{settings.ADMIN_URL}", f"/{settings.ADMIN_URL}login/", "/en/admin/login/"]
# The council's forms (council/urls.py, marked takes_post).
COUNCIL_FORMS = [
    "/raad/inloggen/",
    "/en/raad/inloggen/",
    "/raad/uitloggen/",
    "/raad/notities/nieuw/",
    "/raad/notities/1/",
    "/raad/vragen/nieuw/",
]


def request(client, method, path):
    return client.generic(method, path, data="naam=waarde")


def test_the_lists_cover_every_kind_of_public_address():
    assert len(READ_ONLY) > 40
    assert {"/", "/en/", "/acties/", "/en/acties/", "/api/v1/acties/"} <= set(READ_ONLY)


@pytest.mark.parametrize("method", REFUSED)
@pytest.mark.parametrize("path", READ_ONLY)
def test_read_only_addresses_refuse_writes_with_405(method, path):
    # CSRF checks on, as for a visitor: the refusal must come before them.
    response = request(Client(enforce_csrf_checks=True), method, path)
    assert response.status_code == 405, f"{method} {path}"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.usefixtures("seed_data")
@pytest.mark.parametrize("path", ["/", "/acties/1/", "/en/acties/", "/api/v1/acties/"])
def test_reads_still_work(client, path):
    assert client.get(path).status_code == 200
    assert client.head(path).status_code == 200


@pytest.mark.parametrize("path", ADMIN + COUNCIL_FORMS)
def test_the_admin_refuses_trace_and_writes_other_than_post(db, path):
    client = Client(enforce_csrf_checks=True)
    for method in ("TRACE", "PUT", "DELETE", "PATCH"):
        response = request(client, method, path)
        assert response.status_code == 405, f"{method} {path}"
        assert response["Allow"] == "GET, HEAD, OPTIONS, POST"
    # A POST reaches the admin, where CSRF guards it.
    assert request(client, "POST", path).status_code == 403


def test_trace_is_refused_even_where_there_is_no_page(client):
    assert request(client, "TRACE", "/bestaat-niet/").status_code == 405
    assert request(client, "POST", "/bestaat-niet/").status_code == 404


def test_an_admin_login_still_posts(client, django_user_model):
    django_user_model.objects.create_user(
        "medewerker", password="een-lang-wachtwoord", is_staff=True
    )
    response = client.post(
        f"/{settings.ADMIN_URL}login/",
        {"username": "medewerker", "password": "een-lang-wachtwoord"},
    )
    assert response.status_code == 302
