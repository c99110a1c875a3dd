"""The API's errors answer in JSON, in Dutch, or in English with ?lang=en."""

import pytest

from django.test import RequestFactory

from web.api_errors import server_error

pytestmark = pytest.mark.usefixtures("seed_data")

DUTCH = {
    "/api/v1/acties/99999/": (404, "Niet gevonden."),
    "/api/v1/acties/x/": (404, "Niet gevonden."),
    "/api/v1/bestaat-niet/": (404, "Niet gevonden."),
    "/api/v1/acties/?pagina=99": (404, "Ongeldige pagina."),
    "/api/v1/acties/?pagina=%C2%B2": (404, "Ongeldige pagina."),
    "/api/v1/acties/?programma=%00": (400, "Ongeldige vraag."),
}
ENGLISH = {
    "/api/v1/acties/99999/?lang=en": (404, "Not found."),
    "/api/v1/bestaat-niet/?lang=en": (404, "Not found."),
    "/api/v1/acties/?pagina=99&lang=en": (404, "Invalid page."),
    "/api/v1/acties/?programma=%00&lang=en": (400, "Invalid request."),
}


@pytest.mark.parametrize(("address", "expected"), sorted({**DUTCH, **ENGLISH}.items()))
def test_errors_are_json_in_one_language(client, address, expected):
    response = client.get(address)
    assert response["Content-Type"] == "application/json"
    assert (response.status_code, response.json()) == (
        expected[0],
        {"detail": expected[1]},
    )


def test_filter_errors_follow_the_language(client):
    dutch = client.get("/api/v1/acties/?soort=x").json()
    english = client.get("/api/v1/acties/?soort=x&lang=en").json()
    assert dutch["soort"] == [
        "Selecteer een geldige keuze. x is geen beschikbare keuze."
    ]
    assert english["soort"] == [
        "Select a valid choice. x is not one of the available choices."
    ]


def test_an_unknown_language_is_dutch(client):
    response = client.get("/api/v1/acties/99999/?lang=xx")
    assert response.json() == {"detail": "Niet gevonden."}


def test_the_data_stays_dutch_in_english_with_links_to_english_pages(client):
    dutch = client.get("/api/v1/acties/1/").json()
    english = client.get("/api/v1/acties/1/?lang=en").json()
    assert (dutch.pop("page"), english.pop("page")) == ("/acties/1/", "/en/acties/1/")
    assert english == dutch


def test_a_server_error_in_the_api_is_json():
    response = server_error(RequestFactory().get("/api/v1/acties/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert (
        response.content == b'{"detail":"Er ging iets mis. Probeer het later opnieuw."}'
    )


def test_the_last_page_is_still_found_by_name(client):
    response = client.get("/api/v1/acties/?pagina=last&per_pagina=5")
    assert response.status_code == 200
    assert response.json()["next"] is None
