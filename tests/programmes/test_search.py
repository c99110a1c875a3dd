"""Search: PostgreSQL's Dutch full-text search, and the simple fallback on SQLite."""

import pytest

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.test.utils import CaptureQueriesContext

from content.models import PublicationStatus
from programmes import search as search_module
from programmes.models import Action
from programmes.search import english_twin, highlight, search
from tests.html import page_text
from tests.programmes.factories import ActionFactory, BudgetFactory, ThemeFactory

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


@on_postgres
def test_stored_search_vectors_equal_the_computed_ones():
    # The generated columns of migration 0008 must say what SearchVector says
    # over the fields search.py names; otherwise search would quietly differ.
    stored = RawSQL(
        '"programmes_action"."search_nl"', [], output_field=SearchVectorField()
    )
    stored_en = RawSQL(
        '"programmes_action"."search_en"', [], output_field=SearchVectorField()
    )
    Action.objects.filter(pk=1).update(title_en="Company visits", text_en="We visit")
    rows = Action.objects.annotate(
        stored=Cast(stored, TextField()),
        computed=Cast(SearchVector("title", "text", config="dutch"), TextField()),
        stored_en=Cast(stored_en, TextField()),
        computed_en=Cast(
            SearchVector("title_en", "text_en", config="english"), TextField()
        ),
    ).values_list("stored", "computed", "stored_en", "computed_en")
    assert len(rows) == Action.objects.count() > 0
    for stored_nl, computed_nl, stored_english, computed_english in rows:
        assert stored_nl == computed_nl
        assert stored_english == computed_english


@on_postgres
def test_an_edited_action_is_found_by_its_new_words_at_once():
    action = Action.objects.get(pk=1)
    action.text = "Wij bouwen een fietsenstalling bij het station."
    action.save()
    assert any(r.url == action.get_absolute_url() for r in search("fietsenstalling"))


@on_postgres
@pytest.mark.parametrize(
    "kind",
    [p.kind for p in search_module._providers if p.stored_vectors],
    ids=str,
)
def test_every_kinds_stored_vectors_equal_the_computed_ones(kind):
    # The generated columns (programmes 0008 and 0012, indicators 0008) must say
    # what SearchVector says over the model's own fields that search names, and
    # over their English twins; fields across a relation are added per row.
    (provider,) = [p for p in search_module._providers if p.kind == kind]
    model = provider.queryset().model
    own = [name for name in provider.fields if "__" not in name]
    twins = [t for t in (english_twin(model, name) for name in own) if t]
    model.objects.filter(pk=model.objects.order_by("pk").first().pk).update(
        **{twin: "The harbour and the companies" for twin in twins}
    )
    table = model._meta.db_table
    dutch, english = (
        Cast(RawSQL(f'"{table}"."{column}"', []), TextField())
        for column in provider.stored_vectors
    )
    rows = model.objects.annotate(
        stored=dutch,
        computed=Cast(SearchVector(*own, config="dutch"), TextField()),
        stored_en=english,
        computed_en=Cast(SearchVector(*twins, config="english"), TextField()),
    ).values_list("stored", "computed", "stored_en", "computed_en")
    assert len(rows) == model.objects.count() > 0
    for stored_nl, computed_nl, stored_english, computed_english in rows:
        assert stored_nl == computed_nl
        assert stored_english == computed_english
    assert any("harbour" in stored_english for _, _, stored_english, _ in rows)


def test_the_search_page_runs_one_query_per_kind(client):
    # However many match: the matches are ranked and fetched in one query per
    # kind (the candidates are a subquery), snippets and titles need no more.
    theme = ThemeFactory()
    ActionFactory.create_batch(30, theme=theme, text="Werk aan de winkel.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/zoeken/", {"q": "werk"})
    assert response.status_code == 200
    # ATOMIC_REQUESTS' savepoint and its release are not the page's queries.
    run = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(run) == len(search_module._providers), run
    listed = response.content.decode().split('<ol class="search-results">')[1]
    assert listed.count("<li>") >= search_module.MAX_PER_KIND
    assert "aan de winkel" in listed


def test_the_best_match_comes_first():
    theme = ThemeFactory()
    for n in range(5):
        ActionFactory(theme=theme, title=f"Plan {n}", text="Een fietsbrug erbij.")
    best = ActionFactory(
        theme=theme,
        title="Fietsbrug over het kanaal",
        text="De fietsbrug, een fietsbrug voor fietsers: fietsbrug na fietsbrug.",
    )
    actions = [r for r in search("fietsbrug") if r.kind == "Actie"]
    assert len(actions) == 6
    assert actions[0].url == best.get_absolute_url()


@on_postgres
def test_beyond_the_ranked_matches_the_newest_public_ones_are_ranked(monkeypatch):
    # More matches than MAX_RANKED: the newest themes' matches are ranked, and a
    # draft budget's actions, newer still, are never among them.
    monkeypatch.setattr(search_module, "MAX_RANKED", 3)
    older, newer = ThemeFactory(), ThemeFactory()
    best_but_old = ActionFactory(
        theme=older, title="Fietsbrug", text="Fietsbrug, fietsbrug, fietsbrug."
    )
    recent = ActionFactory.create_batch(3, theme=newer, text="Een fietsbrug erbij.")
    draft = BudgetFactory(publication_status=PublicationStatus.DRAFT)
    ActionFactory.create_batch(
        5, theme__programme__budget=draft, text="Fietsbrug, fietsbrug, fietsbrug."
    )
    found = {r.url for r in search("fietsbrug") if r.kind == "Actie"}
    assert found == {action.get_absolute_url() for action in recent}
    assert best_but_old.get_absolute_url() not in found
