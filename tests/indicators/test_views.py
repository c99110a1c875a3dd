"""Public indicator pages: overview table and chart, one indicator, compare years."""

import json
import re

import pytest

from content.models import PublicationStatus
from indicators.models import Indicator, IndicatorValue, ValueKind
from programmes.models import Budget
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

DETAIL = "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/"
PLOTLY = "vendor/plotly/plotly-basic.min.js"


def test_overview_table_has_every_indicator_with_values_and_change(client):
    response = client.get("/indicatoren/")
    assert response.status_code == 200
    text = page_text(response)
    for indicator in Indicator.objects.all():
        assert indicator.name in text
    # A column per year a figure is about: the kengetal of 2015 too.
    columns = [column.name for column in response.context["table"].columns]
    assert [c for c in columns if c.startswith("y")] == ["y2015", "y2017", "y2018"]
    assert "272 personen" in text and "332 personen" in text
    assert "+60 personen" in text and "+22%" in text
    # The percentage indicator has no value in 2015 and 2017: no change, never 0.
    row = re.search(r"Percentage huishoudens.*?</tr>", response.content.decode(), re.S)
    assert row.group().count("geen waarde") == 4
    assert "17,3%" in row.group()


@pytest.mark.parametrize(
    "column",
    ["name", "unit", "programme", "y2017", "y2018", "change", "change_percent"],
)
def test_overview_table_sorts_by_every_column(client, column):
    for order in (column, f"-{column}"):
        response = client.get("/indicatoren/", {"sort": order})
        assert response.status_code == 200
        assert 'aria-sort="' in response.content.decode()


def test_sorting_puts_no_value_apart_from_zero(client):
    html = client.get("/indicatoren/", {"sort": "y2017"}).content.decode()
    rows = html.split("<tbody>")[1].split("</tr>")
    empty = next(i for i, row in enumerate(rows) if "Percentage huishoudens" in row)
    counted = next(i for i, row in enumerate(rows) if "272 personen" in row)
    assert empty < counted  # 'geen waarde' sorts first, not as 0


def test_overview_chart_data_is_in_the_page(client):
    html = client.get("/indicatoren/").content.decode()
    data = re.search(
        r'<script id="overzicht-data" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    figure = json.loads(data.group(1))
    assert len(figure["data"]) == Indicator.objects.count()
    assert PLOTLY in html


def test_indicator_page_has_sentence_chart_and_table(client):
    response = client.get(DETAIL)
    html = response.content.decode()
    text = page_text(response)
    sentence = (
        "In de begroting 2018 is het doel 332 personen, 60 meer dan in 2017 (+22%)."
    )
    assert sentence in text
    assert f'aria-label="{sentence}"' in html
    assert 'id="indicator-data"' in html
    assert PLOTLY in html and "defer" in html
    assert '<caption id="tabel-waarden">Waarden van' in html


VISITS = "/indicatoren/bedrijven-aantrekken-bedrijfsbezoeken/"


def test_a_measurement_is_shown_as_one_with_its_year_and_source(client):
    value = IndicatorValue.objects.get(kind=ValueKind.MEASURED)
    value.source = "Bedrijvenregister Twente"
    value.save()
    text = page_text(client.get(VISITS))
    assert (
        "2015 Kengetal (gemeten) 550 bedrijfsbezoeken Begroting 2017 "
        "Bron: Bedrijvenregister Twente"
    ) in text
    # Never called a goal: the goal of 2018 and the measurement of 2015 apart.
    assert (
        "In de begroting 2018 is het doel 550 bedrijfsbezoeken. Gemeten in 2015 "
        "(Begroting 2017): 550 bedrijfsbezoeken."
    ) in text
    assert "evenveel als in 2017" not in text


def test_a_measurement_in_english(client):
    text = page_text(client.get("/en" + VISITS))
    assert "2015 Measured figure (kengetal) 550 bedrijfsbezoeken Begroting 2017" in text
    assert (
        "In the 2018 budget the goal is 550 bedrijfsbezoeken. Measured in 2015 "
        "(Begroting 2017): 550 bedrijfsbezoeken."
    ) in text


def test_the_tables_show_a_measurement_as_one_and_compare_like_with_like(client):
    programme = page_text(client.get("/programmas/2018/economie-werk-en-inkomen/"))
    assert (
        "550 bedrijfsbezoeken (kengetal, gemeten in 2015, Begroting 2017)" in programme
    )
    overview = client.get("/indicatoren/")
    rows = {record["name"]: record for record in overview.context["table"].data.data}
    visits = next(r for name, r in rows.items() if "bedrijfsbezoeken" in r["unit"])
    assert str(visits["y2015"]) == "550 bedrijfsbezoeken"
    assert visits["y2015"].note == "kengetal, gemeten in 2015, Begroting 2017"
    people = rows["Uitstroom naar werk (incl. zelfstandig ondernemerschap)"]
    assert str(people["change"]) == "+60 personen"
    compared = client.get("/indicatoren/vergelijken/", {"van": 2015, "naar": 2018})
    rows = {record["name"]: record for record in compared.context["table"].data.data}
    visits = next(r for name, r in rows.items() if "bedrijfsbezoeken" in r["unit"])
    assert str(visits["change"]) == "niet vergelijkbaar"


def test_realised_and_target_values_appear(client):
    indicator = Indicator.objects.get(slug__startswith="uitstroom-naar-werk")
    budget = Budget.objects.get(year=2018)
    IndicatorValue.objects.create(
        indicator=indicator, budget=budget, kind=ValueKind.REALISED, value=300
    )
    IndicatorValue.objects.create(
        indicator=indicator, budget=budget, kind=ValueKind.TARGET, value=400
    )
    response = client.get(DETAIL)
    text = page_text(response)
    assert "Gerealiseerd" in text and "Streefwaarde" in text
    assert "ligt daar 100 onder" in text


def test_compare_any_two_years(client):
    response = client.get("/indicatoren/vergelijken/", {"van": 2017, "naar": 2018})
    text = page_text(response)
    assert "Begroting 2017 en 2018" in text
    assert "+30 trajecten" in text and "+10%" in text


def test_compare_ignores_unknown_years(client):
    response = client.get("/indicatoren/vergelijken/", {"van": "1900", "naar": "x"})
    assert response.status_code == 200
    assert "Begroting 2017 en 2018" in page_text(response)


def test_draft_indicators_are_not_shown(client):
    indicator = Indicator.objects.get(slug="uitstroom-overig")
    indicator.publication_status = PublicationStatus.DRAFT
    indicator.save()
    assert client.get(indicator.get_absolute_url()).status_code == 404
    assert "Uitstroom overig" not in page_text(client.get("/indicatoren/"))
