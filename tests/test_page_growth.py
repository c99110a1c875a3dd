"""Pages stay bounded in size however big the budget grows (see benchmarks/)."""

import json
import re

import pytest

from programmes.models import ActionKind, Programme, Theme
from programmes.selectors import ACTIONS_PER_KIND_ON_PAGE
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import ActionFactory

pytestmark = pytest.mark.usefixtures("seed_data")

PROGRAMME = "/programmas/2018/economie-werk-en-inkomen/"


def test_programme_page_lists_the_first_actions_and_links_to_the_rest(client):
    theme = Theme.objects.filter(actions__kind="pilot").distinct().get()
    ActionFactory.create_batch(
        ACTIONS_PER_KIND_ON_PAGE + 5, theme=theme, kind=ActionKind.PILOT, order=99
    )
    total = theme.actions.filter(kind=ActionKind.PILOT).count()
    html = client.get(PROGRAMME).content.decode()
    section = html.split(f'id="{theme.slug}"')[1].split("</section>")[0]
    assert section.count("Pilot: ") == ACTIONS_PER_KIND_ON_PAGE
    assert f"Alle {total} pilots van {theme.title}" in section
    # Theme slugs repeat across programmes and years: the link names both.
    link = (
        f"?thema={theme.slug}&amp;soort=pilot&amp;programma={theme.programme.slug}"
        f"&amp;begrotingsjaar={theme.programme.budget.year}"
    )
    assert link in section
    text = client.get("/acties/?" + link[1:].replace("&amp;", "&")).content.decode()
    assert f"{total} resultaten" in text


def test_programme_page_of_the_seed_shows_every_action_without_a_link(client):
    html = client.get(PROGRAMME).content.decode()
    assert "Alle " not in html.split('id="doen"')[1].split('id="agendas"')[0]


def test_indicator_list_pages_its_table_and_charts_only_that_page(client):
    programme = Programme.objects.get(number=1)
    for number in range(30):
        indicator = IndicatorFactory(programme=programme, name=f"Groei {number:02}")
        IndicatorValueFactory(indicator=indicator, budget=programme.budget)
    html = client.get("/indicatoren/").content.decode()
    data = re.search(r'id="overzicht-data" type="application/json">(.*?)<', html, re.S)
    assert len(json.loads(data.group(1))["data"]) == 20
    assert 'aria-label="Paginering"' in html
    second = client.get("/indicatoren/", {"page": 2}).content.decode()
    data = re.search(
        r'id="overzicht-data" type="application/json">(.*?)<', second, re.S
    )
    assert len(json.loads(data.group(1))["data"]) == 16  # 6 of the seed + 30 - 20


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
