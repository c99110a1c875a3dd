"""Search: PostgreSQL's Dutch full-text search, and the simple fallback on SQLite."""

import pytest

from django.db import connection

from programmes.models import Action, PublicationStatus
from programmes.search import highlight, search
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite fallback")


def test_finds_actions_narrative_indicators_and_glossary(client):
    kinds = {result.kind for result in search("schuldhulpverlening")}
    assert {"Actie", "Tekst"} <= kinds
    assert "Beleidsindicator" in {r.kind for r in search("Uitstroom")}
    assert "Begrip" in {r.kind for r in search("kleinbedrijf")}


def test_search_page_highlights_matches(client):
    response = client.get("/zoeken/", {"q": "Westermaat"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Westermaat</mark>" in html
    assert "resultaten voor “Westermaat”" in page_text(response)


def test_empty_query_and_nothing_found(client):
    assert client.get("/zoeken/").status_code == 200
    text = page_text(client.get("/zoeken/", {"q": "xyzzyqwerty"}))
    assert "0 resultaten" in text


def test_drafts_are_not_found():
    action = Action.objects.get(title="XL Business Park")
    action.publication_status = PublicationStatus.DRAFT
    action.save()
    assert "XL Business Park" not in {r.title for r in search("XL Business Park")}


def test_editor_html_in_a_snippet_is_escaped():
    action = Action.objects.first()
    action.text = "Plan <script>alert(1)</script> voor de zeppelinhaven"
    action.save()
    (result,) = [r for r in search("zeppelinhaven") if r.kind == "Actie"]
    # SQLite's fallback escapes the tag; PostgreSQL's headline drops it.
    assert "<script>" not in result.snippet
    assert "alert(1)" in result.snippet
    assert "<mark>zeppelinhaven</mark>" in result.snippet


def test_highlight_marks_every_word_case_insensitively():
    snippet = highlight("Het WTC Twente en het wtc", ["wtc"])
    assert snippet == "Het <mark>WTC</mark> Twente en het <mark>wtc</mark>"


@on_postgres
def test_postgres_search_understands_dutch_word_forms():
    # The text says 'bedrijventerreinen'; the Dutch stemmer finds it from the
    # singular, and marks the plural in the snippet.
    results = search("bedrijventerrein")
    assert any("<mark>bedrijventerreinen</mark>" in r.snippet for r in results)


@on_postgres
def test_postgres_search_ranks_and_marks_with_headline():
    results = search("armoedebeleid")
    assert results
    assert results == sorted(results, key=lambda r: -r.rank)
    assert any("<mark>" in r.snippet for r in results)


@on_sqlite
def test_sqlite_fallback_needs_every_word():
    assert search("Westermaat Gezondheidspark")
    assert not search("Westermaat zeppelinhaven")
