"""Helpers for the open data tests: a snapshot of the domain, an empty database."""

import pytest

from django.apps import apps

from indicators.models import Indicator, IndicatorValue
from money.models import (
    FinancialFigure,
    Population,
    ProductChange,
    SummaryFigure,
)
from programmes.models import (
    Action,
    ActionLine,
    Agenda,
    Budget,
    KeyFigure,
    Paragraph,
    Place,
    Programme,
    Reference,
    Theme,
)

# Children before parents, so that PROTECT never stops the emptying.
DOMAIN_MODELS_TO_EMPTY = [
    FinancialFigure,
    SummaryFigure,
    ProductChange,
    Population,
    IndicatorValue,
    Indicator,
    KeyFigure,
    Reference,
    Action,
    Paragraph,
    Theme,
    Programme,
    Budget,
    ActionLine,
    Agenda,
    Place,
]


def domain_snapshot() -> dict:
    """Every row of every domain table, to prove that nothing was written."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for app in ("programmes", "money", "indicators")
        for model in apps.get_app_config(app).get_models()
        if model._meta.model_name != "importrun"
    }


@pytest.fixture
def snapshot():
    return domain_snapshot


@pytest.fixture
def empty_domain(db):
    """Remove every budget record, as in a new portal."""

    def empty():
        for model in DOMAIN_MODELS_TO_EMPTY:
            model.objects.all().delete()

    return empty


@pytest.fixture
def without_seed_programme_2(seed_data):
    """A portal installed before the whole Begroting 2018 came: programme 1 only.
    The seed now has programme 2 with its money (issue 24); these tests bring
    programme 2 in by a workbook as a new programme."""
    from programmes.models import Programme

    Programme.objects.filter(budget__year=2018, number=2).delete()
