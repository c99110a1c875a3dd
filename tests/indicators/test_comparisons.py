from decimal import Decimal

import pytest

from django.utils import translation

from indicators.comparisons import Change, format_percent_change, indicator_sentence
from indicators.models import UnitKind, ValueKind
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import BudgetFactory

pytestmark = pytest.mark.django_db


def values_for(indicator, figures, kind=ValueKind.BUDGETED):
    return [
        IndicatorValueFactory(
            indicator=indicator,
            budget=BudgetFactory(year=year),
            kind=kind,
            value=None if value is None else Decimal(value),
        )
        for year, value in figures.items()
    ]


def test_the_sentence_of_the_issue():
    indicator = IndicatorFactory(unit="personen")
    values = values_for(indicator, {2017: "272", 2018: "332"})
    assert indicator_sentence(indicator, values) == (
        "In de begroting 2018 is het doel 332 personen, 60 meer dan in 2017 (+22%)."
    )


def test_less_and_equal():
    indicator = IndicatorFactory(unit="trajecten")
    assert indicator_sentence(
        indicator, values_for(indicator, {2017: 300, 2018: 270})
    ) == (
        "In de begroting 2018 is het doel 270 trajecten, 30 minder dan in 2017 (-10%)."
    )
    other = IndicatorFactory(unit="personen")
    assert indicator_sentence(other, values_for(other, {2017: 465, 2018: 465})) == (
        "In de begroting 2018 is het doel 465 personen, evenveel als in 2017."
    )


def test_no_value_in_the_earlier_year_is_said_not_counted_as_zero():
    indicator = IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE)
    values = values_for(indicator, {2017: None, 2018: "17.3"})
    assert indicator_sentence(indicator, values) == (
        "In de begroting 2018 is het doel 17,3%. "
        "In de begroting 2017 had deze indicator geen waarde."
    )


def test_percentages_change_in_percentage_points():
    indicator = IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE)
    values = values_for(indicator, {2018: "17.3", 2019: "16.1"})
    assert "1,2 procentpunt minder dan in 2018" in indicator_sentence(indicator, values)


def test_distance_to_the_long_term_target():
    indicator = IndicatorFactory(unit="personen")
    values = values_for(indicator, {2017: 272, 2018: 332})
    values += values_for(indicator, {2018: 300}, kind=ValueKind.REALISED)
    values += values_for(indicator, {2018: 400}, kind=ValueKind.TARGET)
    assert indicator_sentence(indicator, values).endswith(
        "Gerealiseerd 2018 (Begroting 2018): 300 personen. De streefwaarde "
        "(Begroting 2018) is 400 personen; het laatste cijfer (gerealiseerd 2018, "
        "300 personen) ligt daar 100 onder."
    )


def test_change_without_a_value_has_no_number():
    assert Change.between(None, Decimal(5)) == Change(None, None)
    assert Change.between(Decimal(0), Decimal(5)).percent is None
    assert format_percent_change(None) == "geen waarde"
    assert format_percent_change(Decimal("0.44")) == "+0,4%"


def measured(indicator, budget_year, measured_year, value):
    return IndicatorValueFactory(
        indicator=indicator,
        budget=BudgetFactory(year=budget_year),
        kind=ValueKind.MEASURED,
        value=Decimal(value),
        year=measured_year,
    )


def test_a_measurement_is_never_called_a_goal():
    """A kengetal alone: measured, with its year; never 'het doel'."""
    indicator = IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE)
    values = [measured(indicator, 2017, 2015, "8.9")]
    assert indicator_sentence(indicator, values) == (
        "Gemeten in 2015 (Begroting 2017): 8,9%."
    )
    with translation.override("en"):
        assert indicator_sentence(indicator, values) == (
            "Measured in 2015 (Begroting 2017): 8.9%."
        )


def test_a_goal_and_a_measurement_are_said_apart_not_compared():
    indicator = IndicatorFactory(unit="bedrijfsbezoeken")
    values = [measured(indicator, 2017, 2015, "550")]
    values += values_for(indicator, {2018: 620})
    assert indicator_sentence(indicator, values) == (
        "In de begroting 2018 is het doel 620 bedrijfsbezoeken. Gemeten in 2015 "
        "(Begroting 2017): 550 bedrijfsbezoeken."
    )
    with translation.override("en"):
        assert indicator_sentence(indicator, values) == (
            "In the 2018 budget the goal is 620 bedrijfsbezoeken. Measured in 2015 "
            "(Begroting 2017): 550 bedrijfsbezoeken."
        )


def test_target_against_a_measurement_says_when_it_was_measured():
    indicator = IndicatorFactory(unit="personen")
    values = [measured(indicator, 2018, 2016, "250")]
    values += values_for(indicator, {2022: 400}, kind=ValueKind.TARGET)
    assert indicator_sentence(indicator, values) == (
        "Gemeten in 2016 (Begroting 2018): 250 personen. De streefwaarde "
        "(Begroting 2022) is 400 personen; het laatste cijfer (gemeten 2016, 250 "
        "personen) ligt daar 150 onder."
    )


def test_a_target_without_any_figure_is_said_alone():
    indicator = IndicatorFactory(unit="personen")
    values = values_for(indicator, {2018: 300})
    values += values_for(indicator, {2022: 400}, kind=ValueKind.TARGET)
    other = IndicatorFactory(unit="personen")
    only_target = values_for(other, {2022: 400}, kind=ValueKind.TARGET)
    assert indicator_sentence(other, only_target) == (
        "Voor deze indicator is nog geen begrote waarde bekend."
    )
    assert "De streefwaarde (Begroting 2022) is 400 personen;" in indicator_sentence(
        indicator, values
    )
