"""The API's documentation in English: the OpenAPI schema with ?lang=en (title,
description, licence and the fields' help texts) and /en/api/ linking to it."""

import json

import pytest

from django.utils import translation

pytestmark = pytest.mark.django_db


def schema(client, **params):
    response = client.get("/api/v1/schema/", {"format": "json", **params})
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_is_dutch_by_default(client):
    info = schema(client)["info"]
    assert info["title"] == "Begroting gemeente Hengelo – open data API"
    assert info["description"].startswith("Alleen-lezen API")
    assert info["license"]["name"] == "CC0 1.0 (gegevens)"


def test_schema_in_english(client):
    document = schema(client, lang="en")
    info = document["info"]
    assert info["title"] == "Budget of the municipality of Hengelo – open data API"
    assert info["description"].startswith("Read-only API with the published")
    assert info["license"] == {
        "name": "CC0 1.0 (data)",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.en",
    }
    # The fields' descriptions come from the models' help texts, in English too.
    budget = document["components"]["schemas"]["Budget"]["properties"]
    with translation.override("en"):
        from programmes.models import Budget

        english_help = str(Budget._meta.get_field("year").help_text)
    assert budget["year"]["description"] == english_help
    assert english_help != "Het jaar waarvoor de begroting geldt, bijvoorbeeld 2018."


def test_english_and_dutch_schemas_are_cached_apart(client):
    assert schema(client)["info"]["title"].startswith("Begroting")
    assert schema(client, lang="en")["info"]["title"].startswith("Budget")
    assert schema(client)["info"]["title"].startswith("Begroting")


def test_english_api_page_links_to_the_english_schema(client):
    html = client.get("/en/api/").content.decode()
    assert 'href="/api/v1/schema/?lang=en"' in html
    assert 'href="/api/v1/schema/?lang=en&amp;format=json"' in html


def test_dutch_api_page_links_to_the_dutch_schema_and_names_the_english(client):
    html = client.get("/api/").content.decode()
    assert 'href="/api/v1/schema/"' in html
    assert 'href="/api/v1/schema/?format=json"' in html
    assert 'href="/api/v1/schema/?lang=en" hreflang="en"' in html
