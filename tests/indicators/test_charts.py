"""The plotly figures are built on the server; tested without a browser."""

from decimal import Decimal

import pytest

from indicators.charts import indicator_figure, overview_figure
from indicators.models import Indicator, UnitKind, ValueKind
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import BudgetFactory

pytestmark = pytest.mark.django_db


def make_values(indicator, kind, figures):
    return [
        IndicatorValueFactory(
            indicator=indicator, budget=BudgetFactory(year=year), kind=kind, value=value
        )
        for year, value in figures.items()
    ]


def test_indicator_chart_has_dutch_numbers_units_and_a_title():
    indicator = IndicatorFactory(name="Uitstroom naar werk", unit="personen")
    figure = indicator_figure(
        indicator, make_values(indicator, ValueKind.BUDGETED, {2017: 272, 2018: 332})
    )
    layout = figure["layout"]
    assert layout["separators"] == ",."
    assert layout["yaxis"]["title"]["text"] == "Aantal personen"
    assert "Uitstroom naar werk" in layout["title"]["text"]
    (bars,) = figure["data"]
    assert bars["type"] == "bar"
    assert list(bars["x"]) == ["2017", "2018"]
    assert list(bars["y"]) == [272.0, 332.0]


def test_missing_value_is_a_gap_with_a_label_not_zero():
    indicator = IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE)
    figure = indicator_figure(
        indicator,
        make_values(indicator, ValueKind.BUDGETED, {2017: None, 2018: Decimal("17.3")}),
    )
    assert list(figure["data"][0]["y"]) == [None, 17.3]
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["geen waarde"]
    assert figure["layout"]["yaxis"]["ticksuffix"] == "%"


def test_target_is_a_line_and_realised_stands_beside_budgeted():
    indicator = IndicatorFactory(unit="personen")
    values = make_values(indicator, ValueKind.BUDGETED, {2017: 272, 2018: 332})
    values += make_values(indicator, ValueKind.REALISED, {2017: 250})
    values += make_values(indicator, ValueKind.TARGET, {2018: 400})
    figure = indicator_figure(indicator, values)
    names = [(trace["name"], trace["type"]) for trace in figure["data"]]
    assert names == [
        ("Begroot", "bar"),
        ("Gerealiseerd", "bar"),
        ("Streefwaarde", "scatter"),
    ]
    assert list(figure["data"][2]["y"]) == [400.0, 400.0]
    assert figure["layout"]["barmode"] == "group"


def test_overview_gives_every_indicator_its_own_small_chart():
    indicators = IndicatorFactory.create_batch(3)
    figure = overview_figure(
        [(indicator, [Decimal(1), Decimal(2)]) for indicator in indicators],
        [2017, 2018],
    )
    assert len(figure["data"]) == 3
    axes = {trace.get("yaxis", "y") for trace in figure["data"]}
    assert len(axes) == 3  # each on its own scale
    assert Indicator.objects.count() == 3
