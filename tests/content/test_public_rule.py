"""One rule for what the public sees: a draft anywhere up the chain (action ->
theme -> programme -> budget; indicator -> programme -> budget) hides the object
and everything under it from every public surface, in both languages; the staff
preview still shows it."""

import pytest

from content.models import PublicationStatus
from indicators.models import Indicator, IndicatorValue
from programmes.models import (
    Action,
    ActionLine,
    Agenda,
    AmountUnit,
    KeyFigure,
    Paragraph,
)

# Words that occur nowhere else, so that a surface shows them only if it shows
# the object.
ACTION_WORD = "Zichtbaarheidstoets"
PARAGRAPH_WORD = "Verborgenheidsalinea"
INDICATOR_WORD = "Zichtbaarheidsmeter"
NOTE_WORD = "Conceptwaardeopmerking"
FIGURE_WORD = "Verborgenbedrag"
AGENDA_WORD = "Verborgenagenda"


@pytest.fixture
def marked(seed_data):
    """The seed with one action, paragraph and indicator (value) carrying a
    unique word."""
    action = Action.objects.order_by("pk").first()
    action.title = f"{ACTION_WORD} actie"
    action.text = f"{ACTION_WORD} in de tekst."
    action.save()
    paragraph = Paragraph.objects.filter(theme=action.theme).first()
    paragraph.text = f"{PARAGRAPH_WORD} {paragraph.text}"
    paragraph.save()
    indicator = Indicator.objects.filter(programme=action.theme.programme).first()
    indicator.name = f"{INDICATOR_WORD} werk"
    indicator.save()
    value = indicator.values.first()
    value.note = NOTE_WORD
    value.save()
    KeyFigure.objects.create(
        programme=action.theme.programme,
        theme=action.theme,
        action=action,
        label=f"{FIGURE_WORD} voor de actie",
        amount=1000,
        unit=AmountUnit.EURO,
    )
    agenda = Agenda.objects.create(name=f"{AGENDA_WORD} Twente", slug="verborgen")
    action.action_lines.add(
        ActionLine.objects.create(agenda=agenda, number=1, title="x")
    )
    return {"action": action, "indicator": indicator, "value": value, "agenda": agenda}


def action_surfaces(action):
    programme = action.theme.programme
    return [
        f"/acties/{action.pk}/",
        "/acties/",
        f"/acties/?programma={programme.slug}",
        f"/acties/?begrotingsjaar={programme.budget.year}",
        f"/zoeken/?q={ACTION_WORD}",
        f"/zoeken/?q={PARAGRAPH_WORD}",
        "/wijzigingen/atom/",
        "/open-data/acties.csv",
        "/open-data/acties.json",
        "/api/v1/acties/",
        "/api/v1/onderdelen/",
        f"/programmas/{programme.budget.year}/{programme.slug}/",
        f"/?jaar={programme.budget.year}",
    ]


def indicator_surfaces(indicator):
    return [
        f"/indicatoren/{indicator.slug}/",
        "/indicatoren/",
        "/indicatoren/vergelijken/?van=2017&naar=2018",
        f"/zoeken/?q={INDICATOR_WORD}",
        "/wijzigingen/atom/",
        "/open-data/indicatoren.csv",
        "/open-data/indicatoren.json",
        "/api/v1/indicatoren/",
        "/api/v1/waarden/",
        "/",
    ]


def in_both_languages(paths):
    return [*paths, *(f"/en{path}" for path in paths if not path.startswith("/api"))]


def shown(client, path, words, links=()) -> list[str]:
    """The words (or, on the search page, which repeats the query, the links to
    the object) that `path` shows."""
    if "/zoeken/" in path:
        words = links
    response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    if response.status_code == 404:
        return []
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8-sig", errors="replace")
    return [word for word in words if word in text]


def set_draft(obj):
    obj.publication_status = PublicationStatus.DRAFT
    obj.save()


ACTION_LEVELS = {
    "action": lambda action: action,
    "theme": lambda action: action.theme,
    "programme": lambda action: action.theme.programme,
    "budget": lambda action: action.theme.programme.budget,
}


@pytest.mark.parametrize("level", ACTION_LEVELS)
def test_a_draft_up_the_actions_chain_hides_it_everywhere(client, marked, level):
    action = marked["action"]
    words = [ACTION_WORD, FIGURE_WORD, PARAGRAPH_WORD]
    links = [f"acties/{action.pk}/", f'{action.theme.slug}"']  # the results
    surfaces = in_both_languages(action_surfaces(action))
    # The words are there while everything is published: the test can fail.
    assert all(shown(client, path, words, links) for path in surfaces[:10])
    if level == "action":  # the theme's paragraphs stay
        words, links = words[:2], links[:1]
    set_draft(ACTION_LEVELS[level](action))
    leaks = {
        path: found for path in surfaces if (found := shown(client, path, words, links))
    }
    assert leaks == {}
    assert client.get(f"/acties/{action.pk}/").status_code == 404


@pytest.mark.parametrize("level", ["action", "theme", "programme", "budget"])
def test_the_staff_preview_still_shows_a_draft(admin_client, marked, level):
    action = marked["action"]
    set_draft(ACTION_LEVELS[level](action))
    response = admin_client.get(action.get_preview_url())
    assert response.status_code == 200
    assert ACTION_WORD in response.content.decode()
    programme = admin_client.get(action.theme.programme.get_preview_url())
    assert programme.status_code == 200
    if level != "action":
        assert PARAGRAPH_WORD in programme.content.decode()


INDICATOR_LEVELS = {
    "indicator": lambda indicator: indicator,
    "programme": lambda indicator: indicator.programme,
    "budget": lambda indicator: indicator.programme.budget,
}


@pytest.mark.parametrize("level", INDICATOR_LEVELS)
def test_a_draft_up_the_indicators_chain_hides_it_everywhere(client, marked, level):
    indicator = marked["indicator"]
    words = [INDICATOR_WORD, NOTE_WORD]
    links = [f"indicatoren/{indicator.slug}/"]
    surfaces = in_both_languages(indicator_surfaces(indicator))
    assert all(shown(client, path, words, links) for path in surfaces[:4])
    set_draft(INDICATOR_LEVELS[level](indicator))
    leaks = {
        path: found for path in surfaces if (found := shown(client, path, words, links))
    }
    assert leaks == {}


def test_a_value_of_a_draft_budget_is_not_public(client, marked):
    value = marked["value"]
    set_draft(value.budget)
    assert not IndicatorValue.objects.public().filter(pk=value.pk).exists()
    for path in in_both_languages(
        [
            "/open-data/indicatoren.csv",
            "/api/v1/waarden/",
            f"/indicatoren/{marked['indicator'].slug}/",
        ]
    ):
        assert shown(client, path, [NOTE_WORD]) == [], path


def test_the_staff_preview_of_a_draft_indicator(admin_client, marked):
    indicator = marked["indicator"]
    set_draft(indicator.programme)
    response = admin_client.get(indicator.get_preview_url())
    assert response.status_code == 200
    assert INDICATOR_WORD in response.content.decode()


def test_a_draft_agenda_is_named_nowhere(client, marked):
    action = marked["action"]
    surfaces = in_both_languages(
        [
            f"/acties/{action.pk}/",
            "/acties/",
            "/open-data/acties.csv",
            "/api/v1/acties/",
        ]
    )
    assert all(shown(client, path, [AGENDA_WORD]) for path in surfaces)
    set_draft(marked["agenda"])
    assert {p: w for p in surfaces if (w := shown(client, p, [AGENDA_WORD]))} == {}
