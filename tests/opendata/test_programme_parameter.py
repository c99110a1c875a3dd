"""?programma= is a programme's number or the slug of its address in every download
and API list, never a database id (issue 24, item 5)."""

import io
import json

import pytest
from openpyxl import load_workbook

from indicators.models import Indicator, IndicatorValue
from money.models import FinancialFigure, ProductChange
from programmes.models import Action, Budget, Paragraph, Programme, Theme

pytestmark = pytest.mark.usefixtures("seed_data")

SLUG = "economie-werk-en-inkomen"


def _copy(instance, **changes):
    instance.pk = instance.id = None
    instance._state.adding = True
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save()
    return instance


@pytest.fixture
def next_year():
    """The Begroting 2019 with a programme 1 of the same address as 2018's and a
    copy of its parts, texts, actions, indicators and money. Its id is no
    programme's number, so an id that slips through finds nothing."""
    old = Programme.objects.get(budget__year=2018, number=1)
    budget = _copy(Budget.objects.get(year=2018), year=2019, title="Begroting 2019")
    programme = _copy(Programme.objects.get(pk=old.pk), budget=budget)
    for theme in Theme.objects.filter(programme=old):
        paragraphs = list(Paragraph.objects.filter(theme=theme))
        actions = list(Action.objects.filter(theme=theme))
        theme = _copy(theme, programme=programme)
        for paragraph in paragraphs:
            _copy(paragraph, theme=theme, followed_by_agenda=None)
        for action in actions:
            _copy(action, theme=theme)
    for indicator in Indicator.objects.filter(programme=old):
        values = list(IndicatorValue.objects.filter(indicator=indicator))
        indicator = _copy(indicator, programme=programme, slug=f"{indicator.slug}-2019")
        for value in values:
            _copy(value, indicator=indicator)
    for model in (FinancialFigure, ProductChange):
        for row in model.objects.filter(programme=old):
            _copy(row, programme=programme)
    assert not Programme.objects.filter(number=programme.pk).exists()
    return programme


# --- Downloads ---------------------------------------------------------------------

# The downloads that read ?programma=, and whether they read ?begrotingsjaar= too.
DOWNLOADS = {
    "indicatoren": False,
    "acties": True,
    "financien": True,
    "teksten": True,
    "programmas": True,
}


def _rows(client, name, **params):
    response = client.get(f"/open-data/{name}.json", params)
    assert response.status_code == 200, response.content
    rows = json.loads(response.content)
    return rows, {(r["programma_begrotingsjaar"], r["programma_nummer"]) for r in rows}


@pytest.mark.parametrize("name", DOWNLOADS)
def test_a_download_takes_the_number_or_the_slug(client, next_year, name):
    by_number, programmes = _rows(client, name, programma=1)
    assert programmes == {(2018, 1), (2019, 1)}
    by_slug, _programmes = _rows(client, name, programma=SLUG)
    assert by_slug == by_number
    # The id of the Begroting 2019's programme 1 names no programme.
    assert _rows(client, name, programma=next_year.pk)[0] == []
    if DOWNLOADS[name]:
        one_year, programmes = _rows(client, name, programma=1, begrotingsjaar=2019)
        assert programmes == {(2019, 1)}
        assert 0 < len(one_year) < len(by_number)


def test_programme_8_is_programme_8(client):
    # Issue 24: ?programma=8 gave nothing and ?programma=3 gave programme 8.
    rows, programmes = _rows(client, "financien", programma=8)
    assert rows and programmes == {(2018, 8)}
    assert _rows(client, "programmas", programma=3)[1] == {(2018, 3)}


def _sheets(client, **params):
    response = client.get("/open-data/begroting.xlsx", params)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    programmes = {}
    for sheet in ("programmas", "teksten", "acties", "indicatoren", "financien"):
        header, *rows = book[sheet].iter_rows(values_only=True)
        year = header.index("programma_begrotingsjaar")
        number = header.index("programma_nummer")
        programmes[sheet] = frozenset((int(r[year]), int(r[number])) for r in rows)
    return programmes


def test_the_budget_workbook_takes_the_number_or_the_slug(client, next_year):
    both = {(2018, 1), (2019, 1)}
    assert set(_sheets(client, programma=1).values()) == {frozenset(both)}
    assert _sheets(client, programma=SLUG) == _sheets(client, programma=1)
    assert set(_sheets(client, programma=1, begrotingsjaar=2019).values()) == {
        frozenset({(2019, 1)})
    }
    assert set(_sheets(client, programma=next_year.pk).values()) == {frozenset()}
    eight = _sheets(client, programma=8)
    assert eight["programmas"] == eight["financien"] == {(2018, 8)}


# --- API ---------------------------------------------------------------------------

# Each list, the rows it holds and the path from them to their programme.
API_LISTS = {
    "programmas": (Programme, ""),
    "onderdelen": (Theme, "programme__"),
    "teksten": (Paragraph, "theme__programme__"),
    "acties": (Action, "theme__programme__"),
    "indicatoren": (Indicator, "programme__"),
    "waarden": (IndicatorValue, "indicator__programme__"),
    "financien": (FinancialFigure, "programme__"),
    "verschillen": (ProductChange, "programme__"),
}


def _count(client, endpoint, **params):
    response = client.get(f"/api/v1/{endpoint}/", params)
    assert response.status_code == 200, response.content
    return response.json()["count"]


@pytest.mark.parametrize("endpoint", API_LISTS)
def test_an_api_list_takes_the_number_or_the_slug(client, next_year, endpoint):
    model, path = API_LISTS[endpoint]
    public = model.objects.public()
    both = public.filter(**{f"{path}number": 1}).count()
    in_2019 = public.filter(**{f"{path}budget__year": 2019, f"{path}number": 1})
    assert 0 < in_2019.count() < both
    assert _count(client, endpoint, programma=1) == both
    assert _count(client, endpoint, programma=SLUG) == both
    assert _count(client, endpoint, programma=next_year.pk) == 0
    assert _count(client, endpoint, programma=8) == (
        public.filter(**{f"{path}number": 8}).count()
    )


def test_the_api_gives_programme_8_for_8(client):
    assert _count(client, "financien", programma=8) == (
        FinancialFigure.objects.public().filter(programme__number=8).count()
    )
    assert _count(client, "financien", programma=8) > 0
    [programme] = client.get("/api/v1/programmas/", {"programma": 8}).json()["results"]
    assert programme["number"] == 8
