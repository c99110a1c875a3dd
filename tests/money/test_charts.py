"""The money's charts, built as plain dicts, are figures plotly accepts as they are."""

import json

import plotly.graph_objects as go
import pytest

from money.charts import money_charts
from money.models import ProductChange
from money.selectors import programme_money
from programmes.models import Programme


def as_plotly_makes_it(figure: dict) -> dict:
    """The figure through plotly's graph objects: an unknown property or a wrong
    value raises, and a default plotly adds shows as a difference."""
    return json.loads(go.Figure(figure).to_json())


@pytest.mark.django_db
def test_the_charts_are_what_plotly_makes_of_them(seed_data):
    programme = Programme.objects.select_related("budget").get(
        budget__year=2018, number=1
    )
    assert ProductChange.objects.filter(programme=programme).exists()
    charts = money_charts(programme_money(programme))
    assert {"money_chart", "changes_chart"} <= set(charts)
    for name in ("money_chart", "changes_chart"):
        assert charts[name] == as_plotly_makes_it(charts[name]), name


def test_plotly_refuses_a_property_it_does_not_know():
    with pytest.raises(ValueError):
        as_plotly_makes_it({"data": [{"type": "bar", "colour": "red"}], "layout": {}})
