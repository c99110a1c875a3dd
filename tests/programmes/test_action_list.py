"""The action overview: sortable, filterable, paginated, with a count."""

import re

import pytest

from programmes.models import Action, ActionLine, ActionStatus
from tests.html import page_text
from tests.programmes.factories import ActionFactory

pytestmark = pytest.mark.usefixtures("seed_data")


def test_all_actions_goals_and_pilots_are_listed_with_a_count(client):
    response = client.get("/acties/")
    text = page_text(response)
    assert "18 resultaten" in text
    for action in Action.objects.all():
        assert action.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"soort": "goal"}, 3),
        ({"soort": "pilot"}, 4),
        ({"thema": "economie"}, 11),
        ({"status": "planned"}, 18),
        ({"status": "done"}, 0),
        ({"jaar": "2018"}, 18),
    ],
)
def test_filters(client, params, expected):
    text = page_text(client.get("/acties/", params))
    assert f"{expected} resulta" in text


def test_filter_by_action_line(client):
    line = ActionLine.objects.get(agenda__name="Twente Werkt", number=3)
    text = page_text(client.get("/acties/", {"actielijn": line.pk}))
    assert f"{line.actions.count()} resultaten" in text


def test_the_programme_filter_is_a_choice_of_the_public_programmes(client):
    from programmes.models import Programme
    from tests.programmes.factories import ProgrammeFactory, ThemeFactory

    first = Programme.objects.get(number=1)
    second = ProgrammeFactory(budget=first.budget, number=10, title="Sociaal Domein")
    ActionFactory(theme=ThemeFactory(programme=second), title="Wijkteams")
    ProgrammeFactory(budget=first.budget, number=11, publication_status="draft")
    html = client.get("/acties/").content.decode()
    select = html.split('name="programma"')[1].split("</select>")[0]
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    # The seed's eight programmes of the Begroting 2018 and the new public one.
    assert options[:2] == [
        ("", "Alle"),
        ("economie-werk-en-inkomen", "Programma 1 Economie, Werk en Inkomen"),
    ]
    assert options[-1] == ("sociaal-domein", "Programma 10 Sociaal Domein")
    assert len(options) == 1 + 8 + 1
    text = page_text(client.get("/acties/", {"programma": "sociaal-domein"}))
    assert "1 resultaat" in text and "Wijkteams" in text
    assert "18 resultaten" in page_text(
        client.get("/acties/", {"programma": "economie-werk-en-inkomen"})
    )
    english = client.get("/en/acties/").content.decode()
    assert ">Programme 10 Sociaal Domein</option>" in english
    # An address may name the programme by its number, as the downloads and API.
    assert "1 resultaat" in page_text(client.get("/acties/", {"programma": 10}))
    assert "18 resultaten" in page_text(client.get("/acties/", {"programma": "1"}))
    assert "0 resultaten" in page_text(client.get("/acties/", {"programma": 2}))


def test_an_invalid_filter_value_gives_a_message_not_an_error(client):
    response = client.get("/acties/", {"soort": "onzin"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in page_text(response)


@pytest.mark.parametrize(
    "column", ["title", "theme", "kind", "status", "year", "action_lines"]
)
def test_sortable_by_every_column(client, column):
    for order in (column, f"-{column}"):
        response = client.get("/acties/", {"sort": order})
        assert response.status_code == 200
        assert "18 resultaten" in page_text(response)


def test_paginated(client):
    theme = Action.objects.first().theme
    ActionFactory.create_batch(30, theme=theme, status=ActionStatus.DONE, year=2017)
    first = page_text(client.get("/acties/"))
    assert "48 resultaten" in first and "Volgende" in first
    second = client.get("/acties/", {"page": 2})
    assert second.status_code == 200
    assert "Vorige" in page_text(second)


def test_downloads_keep_the_filters_but_not_the_sorting(client):
    html = client.get("/acties/", {"soort": "goal", "sort": "title"}).content.decode()
    assert 'href="/open-data/acties.csv?soort=goal"' in html
    assert 'href="/open-data/acties.xlsx?soort=goal"' in html
    rows = client.get("/open-data/acties.json?soort=goal").json()
    assert len(rows) == 3
