"""Search on English pages also looks in the English versions of the fields and
shows them; Dutch pages search the Dutch only. Runs on SQLite and PostgreSQL."""

import re

import pytest

from django.db import connection
from django.utils import translation

from indicators.models import Indicator
from programmes.models import Action, Paragraph
from programmes.search import english_twin, search

pytestmark = pytest.mark.usefixtures("seed_data")

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


@pytest.fixture
def action_in_english():
    action = Action.objects.get(pk=1)
    action.title_en = "Regional cooperation on the economy"
    action.text_en = "Hengelo funds the zeppelin harbour together with Twente."
    action.save()
    return action


def results_for(client, path):
    html = client.get(path).content.decode()
    listed = html.split('<ol class="search-results">')[1].split("</ol>")[0]
    return html, re.findall(
        r'<a href="([^"]+)">\s*(?:<span lang="nl">)?([^<]+?)\s*(?:</span>)?\s*</a>',
        listed,
    )


def test_english_page_finds_text_that_only_the_english_version_has(
    client, action_in_english
):
    html, results = results_for(client, "/en/zoeken/?q=zeppelin")
    assert ("/en/acties/1/", "Regional cooperation on the economy") in results
    assert "<mark>zeppelin</mark> harbour" in html


def test_dutch_page_does_not_search_the_english(client, action_in_english):
    _, results = results_for(client, "/zoeken/?q=zeppelin")
    assert results == []


def test_english_page_still_finds_the_dutch_and_marks_it_dutch(client):
    html, results = results_for(client, "/en/zoeken/?q=Westermaat")
    assert results
    assert re.search(r'<p lang="nl">[^<]*<mark>Westermaat</mark>', html)
    with translation.override("en"):
        actions = [r for r in search("Westermaat") if r.kind == "Action"]
    assert actions and actions[0].title_lang == "nl"
    assert f'<span lang="nl">{actions[0].title}</span>' in html


def test_english_titles_are_not_marked_dutch(client, action_in_english):
    html, _ = results_for(client, "/en/zoeken/?q=zeppelin")
    assert '<span lang="nl">Regional cooperation' not in html
    with translation.override("en"):
        (result,) = [r for r in search("zeppelin") if r.kind == "Action"]
    assert result.title_lang == ""


def test_english_title_and_snippet_where_present(action_in_english):
    with translation.override("en"):
        (result,) = [r for r in search("zeppelin") if r.kind == "Action"]
    assert result.title == "Regional cooperation on the economy"
    assert result.snippet_lang == ""
    with translation.override("nl"):
        dutch = [r for r in search(action_in_english.title) if r.kind == "Actie"]
    assert dutch[0].title == action_in_english.title


def test_indicators_are_searched_in_english_too():
    indicator = Indicator.objects.get(slug="uitstroom-overig")
    indicator.name_en = "Outflow to other destinations"
    indicator.save()
    with translation.override("en"):
        kinds = {str(r.kind) for r in search("destinations")}
    assert "Policy indicator" in kinds


def test_paragraphs_are_found_by_their_theme_english_title():
    paragraph = Paragraph.objects.first()
    theme = paragraph.theme
    theme.title_en = "Quarterly harbourmaster"
    theme.save()
    with translation.override("en"):
        results = search("harbourmaster")
    assert any(r.title.startswith("Quarterly harbourmaster –") for r in results)


def test_english_twin_follows_relations():
    assert english_twin(Action, "text") == "text_en"
    assert english_twin(Paragraph, "theme__title") == "theme__title_en"
    assert english_twin(Action, "references__code") is None


@on_postgres
def test_postgres_stems_english_words_in_the_english_fields(action_in_english):
    action_in_english.text_en = "Hengelo helps small companies to find new markets."
    action_in_english.save()
    with translation.override("en"):
        results = [r for r in search("company market") if r.kind == "Action"]
    assert results
    assert "<mark>companies</mark>" in results[0].snippet
    assert "<mark>markets</mark>" in results[0].snippet
