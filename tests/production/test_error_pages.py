"""Friendly Dutch error pages that leak nothing."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import path

from hengelo_portal.urls import urlpatterns as portal_urlpatterns
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")


def boom(request):
    raise RuntimeError("secret detail that must not leak")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("boom/", boom),
    path("verboden/", forbidden),
    # Spliced in, not included: the portal's i18n_patterns must sit at the root.
    *portal_urlpatterns,
]


def test_404_is_dutch_and_helpful(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    text = page_text(response)
    assert "Pagina niet gevonden" in text and "Naar de startpagina" in text


@pytest.mark.urls("tests.production.test_error_pages")
def test_500_is_dutch_and_leaks_nothing(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body
    for leak in ("secret detail", "Traceback", "SECRET_KEY", "RuntimeError"):
        assert leak not in body


@pytest.mark.urls("tests.production.test_error_pages")
def test_403_is_dutch(client):
    response = client.get("/verboden/")
    assert response.status_code == 403
    assert "Geen toegang" in page_text(response)


def test_400_for_a_foreign_host(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "De vraag klopt niet" in page_text(response)


def test_csrf_failure_is_explained_in_dutch():
    from django.test import Client

    # A form that really posts: the admin's login (a public page answers 405).
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    assert "Het formulier is verlopen" in page_text(response)
