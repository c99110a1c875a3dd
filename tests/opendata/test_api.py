"""The read API: every endpoint, its filters, no drafts, a fixed number of queries,
and an OpenAPI schema that validates."""

from pathlib import Path

import pytest
import yaml

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import PublicationStatus
from indicators.models import Indicator
from programmes.models import Action, Agenda, Theme
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import (
    ActionFactory,
    ActionLineFactory,
    PlaceFactory,
    ReferenceFactory,
)

pytestmark = pytest.mark.usefixtures("seed_data")

DRAFT = PublicationStatus.DRAFT

# The seed holds all eight programmes of the Begroting 2018 with their money: the
# counts that depend on it are read from the fixtures, not written down twice.
FIXTURES = Path(settings.BASE_DIR) / "fixtures"
WHOLE_BUDGET = yaml.safe_load(
    (FIXTURES / "begroting-2018-alle-programmas.yaml").read_text(encoding="utf-8")
)
PROGRAMME_1_FIGURES = sum(
    record["model"] == "money.financialfigure"
    for record in yaml.safe_load(
        (FIXTURES / "financien-programma-1.yaml").read_text(encoding="utf-8")
    )
)
OTHER_FIGURES = [
    figure
    for programme in WHOLE_BUDGET["programmes"]
    for figure in programme["figures"]
]
# Every figure of the whole-budget fixture is of the Begroting 2018.
OTHER_COSTS_2018 = sum(figure[0] == "lasten" for figure in OTHER_FIGURES)

ENDPOINTS = {
    "begrotingen": 2,
    "programmas": len(WHOLE_BUDGET["programmes"]),
    "onderdelen": 3,
    "teksten": 16,
    "agendas": 2,
    "actielijnen": 9,
    "acties": 18,
    "indicatoren": 6,
    "waarden": 12,
    "financien": PROGRAMME_1_FIGURES + len(OTHER_FIGURES),
    "verschillen": 7,
}


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize(("endpoint", "count"), ENDPOINTS.items())
def test_every_endpoint_lists_and_shows_one(client, endpoint, count):
    data = get(client, f"{endpoint}/")
    assert data["count"] == count
    first = data["results"][0]
    assert get(client, f"{endpoint}/{first['id']}/") == first


def test_api_root_lists_every_endpoint(client):
    # The seed has no technical questions: tests/council/test_api.py tests them.
    assert set(get(client, "")) == set(ENDPOINTS) | {"technische-vragen"}


def test_action_carries_lines_places_references_and_amounts(client):
    action = next(
        a for a in get(client, "acties/")["results"] if a["title"].startswith("Samen")
    )
    assert action["kind"] == "action" and action["status"] == "planned"
    assert {line["agenda_name"] for line in action["action_lines"]} == {
        "Twente Werkt",
        "Agenda voor Twente",
    }
    assert {r["code"] for r in action["references"]} >= {"NB 1.2", "18-NB-1.2"}
    assert {"label": "Bijdrage aan de Regio Twente", "amount": 40000.0,
            "unit": "euro", "approximate": True, "year_from": None,
            "year_to": None} in action["amounts"]  # fmt: skip
    assert action["page"] == f"/acties/{action['id']}/"


def test_indicator_values_are_numbers_and_no_value_is_null(client):
    indicators = get(client, "indicatoren/")["results"]
    percentage = next(i for i in indicators if i["unit"] == "%")
    assert [(v["budget_year"], v["value"]) for v in percentage["values"]] == [
        (2017, None),
        (2018, 17.3),
    ]


@pytest.mark.parametrize(
    ("path", "params", "count"),
    [
        ("programmas/", {"begrotingsjaar": 2018}, len(WHOLE_BUDGET["programmes"])),
        ("programmas/", {"begrotingsjaar": 2017}, 0),
        ("programmas/", {"programma": "economie-werk-en-inkomen"}, 1),
        ("onderdelen/", {"programma": 1}, 3),
        ("onderdelen/", {"begrotingsjaar": 2019}, 0),
        ("acties/", {"begrotingsjaar": 2018, "soort": "pilot"}, 4),
        ("acties/", {"thema": "economie"}, 11),
        ("acties/", {"actielijn": 3}, 6),
        ("acties/", {"status": "done"}, 0),
        ("acties/", {"jaar": 2018, "programma": "economie-werk-en-inkomen"}, 18),
        ("actielijnen/", {"agenda": "twente-werkt"}, 5),
        ("indicatoren/", {"begrotingsjaar": 2018}, 6),
        ("indicatoren/", {"programma": 2}, 0),
        ("waarden/", {"begrotingsjaar": 2017}, 6),
        ("waarden/", {"indicator": "uitstroom-overig"}, 2),
        ("waarden/", {"soort": "realised"}, 0),
        ("financien/", {"document": 2017}, 36),
        ("financien/", {"document": 2018, "regel": "lasten", "programma": 1}, 6),
        ("financien/", {"document": 2018, "regel": "lasten"}, 6 + OTHER_COSTS_2018),
        ("financien/", {"jaar": 2018, "soort": "raming"}, 6),
        ("verschillen/", {"document": 2018}, 2),
    ],
)
def test_filters(client, path, params, count):
    assert get(client, path, **params)["count"] == count


def test_money_as_published_with_its_unit(client):
    costs = get(
        client,
        "financien/",
        programma="economie-werk-en-inkomen",
        document=2018,
        regel="lasten",
        jaar=2018,
    )
    (figure,) = costs["results"]
    assert figure["amount"] == -71241 and figure["unit"] == "x1000"
    assert figure["euros"] == -71241000 and figure["kind"] == "begroting"
    (haven,) = [
        c
        for c in get(client, "verschillen/", document=2018)["results"]
        if c["product_code"] == "P221.1"
    ]
    assert haven["amount"] == -14000 and haven["product_name"] == "Haven"


def test_money_of_a_draft_document_never_appears(client):
    from money.models import FinancialFigure
    from programmes.models import Budget

    every = FinancialFigure.objects.count()
    of_2017 = FinancialFigure.objects.filter(document__year=2017).count()
    assert of_2017 == 36
    Budget.objects.filter(year=2017).update(publication_status=DRAFT)
    assert get(client, "financien/")["count"] == every - of_2017
    assert get(client, "financien/", document=2017)["count"] == 0
    assert get(client, "verschillen/")["count"] == 2


def test_invalid_filter_is_a_bad_request(client):
    assert client.get("/api/v1/acties/", {"soort": "onzin"}).status_code == 400


def test_pagination(client):
    data = get(client, "acties/", per_pagina=5, pagina=2)
    assert data["count"] == 18 and len(data["results"]) == 5
    assert "pagina=3" in data["next"] and "pagina=1" not in data["previous"]


def test_drafts_never_appear(client):
    Action.objects.filter(pk=1).update(publication_status=DRAFT)
    Theme.objects.filter(slug="werkgelegenheid-en-sociale-werkvoorziening").update(
        publication_status=DRAFT
    )
    Agenda.objects.filter(slug="twente-werkt").update(publication_status=DRAFT)
    Indicator.objects.filter(slug="uitstroom-overig").update(publication_status=DRAFT)
    draft_value = IndicatorValueFactory(
        indicator=Indicator.objects.get(slug="uitstroom-naar-werk-incl-zelfstandig-ondernemerschap"),
        budget__year=2019,
        budget__publication_status=DRAFT,
    )  # fmt: skip
    assert get(client, "acties/")["count"] == 17
    assert client.get("/api/v1/acties/1/").status_code == 404
    assert get(client, "onderdelen/")["count"] == 2
    assert [a["slug"] for a in get(client, "agendas/")["results"]] == [
        "agenda-voor-twente"
    ]
    assert get(client, "actielijnen/")["count"] == 4
    lines = [li for a in get(client, "acties/")["results"] for li in a["action_lines"]]
    assert all(line["agenda_name"] != "Twente Werkt" for line in lines)
    assert get(client, "indicatoren/")["count"] == 5
    assert get(client, "begrotingen/")["count"] == 2
    years = {
        v["budget_year"] for i in get(client, "indicatoren/")["results"]
        for v in i["values"]
    }  # fmt: skip
    assert 2019 not in years
    assert draft_value.pk not in [v["id"] for v in get(client, "waarden/")["results"]]


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _add_more(theme, programme):
    for _number in range(5):
        action = ActionFactory(
            theme=theme,
            action_lines=[ActionLineFactory()],
            places=[PlaceFactory(), PlaceFactory()],
        )
        ReferenceFactory(action=action)
        indicator = IndicatorFactory(programme=programme)
        IndicatorValueFactory(indicator=indicator, budget=programme.budget)
        IndicatorValueFactory(indicator=indicator, budget__year=2017)


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_number_of_queries_does_not_grow_with_the_data(client, endpoint):
    path = f"/api/v1/{endpoint}/"
    before = _queries(client, path)
    theme = Theme.objects.first()
    _add_more(theme, theme.programme)
    assert _queries(client, path) == before


def test_openapi_schema_validates(tmp_path):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    for endpoint in ENDPOINTS:
        assert f"/api/v1/{endpoint}/" in text
    assert "begrotingsjaar" in text


def test_schema_is_served(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response.json()["info"]["title"].startswith("Begroting gemeente Hengelo")


def test_the_schema_describes_ids_in_the_portal_s_words(client):
    """Not drf-spectacular's English "A unique integer value identifying this …"
    in the Dutch schema (issue 21, item 11)."""
    dutch = client.get("/api/v1/schema/", {"format": "json"}).content.decode()
    assert "A unique integer value" not in dutch
    assert "Uniek nummer (id) waarmee de API één technische vraag aanwijst." in dutch
    english = client.get("/api/v1/schema/", {"format": "json", "lang": "en"})
    text = english.content.decode()
    assert "A unique integer value" not in text
    assert "Unique number (id) by which the API points to one " in text
