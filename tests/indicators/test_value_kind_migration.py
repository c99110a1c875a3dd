"""Existing values: a 'budgeted' figure measured in another year becomes a kengetal."""

import importlib

import pytest

from django.apps import apps

from indicators.models import IndicatorValue, ValueKind
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import BudgetFactory

migration = importlib.import_module(
    "indicators.migrations.0007_value_kinds_measured_and_source"
)

pytestmark = pytest.mark.django_db


def test_a_figure_measured_in_another_year_becomes_a_measurement():
    indicator = IndicatorFactory(unit="bedrijfsbezoeken")
    budget_2017, budget_2018 = BudgetFactory(year=2017), BudgetFactory(year=2018)
    measured = IndicatorValueFactory(
        indicator=indicator,
        budget=budget_2017,
        kind=ValueKind.BUDGETED,
        value=550,
        measured_year=2015,
        note="gemeten in 2015",
    )
    goal = IndicatorValueFactory(
        indicator=indicator, budget=budget_2018, kind=ValueKind.BUDGETED, value=550
    )
    same_year = IndicatorValueFactory(
        indicator=IndicatorFactory(),
        budget=budget_2018,
        kind=ValueKind.BUDGETED,
        value=3,
        measured_year=2018,
        note="eigen opmerking",
    )
    migration.measurements_get_their_kind(apps, None)
    measured.refresh_from_db()
    assert (measured.kind, measured.measured_year, measured.note) == (
        ValueKind.MEASURED,
        2015,
        "",  # the page now says when it was measured
    )
    assert IndicatorValue.objects.get(pk=goal.pk).kind == ValueKind.BUDGETED
    kept = IndicatorValue.objects.get(pk=same_year.pk)
    assert (kept.kind, kept.note) == (ValueKind.BUDGETED, "eigen opmerking")

    migration.measurements_back(apps, None)
    measured.refresh_from_db()
    assert (measured.kind, measured.note) == (ValueKind.BUDGETED, "gemeten in 2015")
