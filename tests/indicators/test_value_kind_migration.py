"""Existing values: a 'budgeted' figure measured in another year becomes a kengetal
(migration 0007, run from the state before it)."""

import pytest

from tests.indicators.migration_helpers import indicator_of, migrate_indicators

BEFORE = "0006_import_run_to_opendata"
AFTER = "0007_value_kinds_measured_and_source"


@pytest.mark.django_db(transaction=True)
def test_a_figure_measured_in_another_year_becomes_a_measurement():
    try:
        old = migrate_indicators(BEFORE)
        Budget = old.get_model("programmes", "Budget")
        Value = old.get_model("indicators", "IndicatorValue")
        indicator = indicator_of(old, unit="bedrijfsbezoeken")
        budget_2017 = Budget.objects.create(year=2017, title="Begroting 2017")
        budget_2018 = Budget.objects.get(year=2018)
        measured = Value.objects.create(
            indicator=indicator,
            budget=budget_2017,
            kind="budgeted",
            value=550,
            measured_year=2015,
            note="gemeten in 2015",
        )
        goal = Value.objects.create(
            indicator=indicator, budget=budget_2018, kind="budgeted", value=550
        )
        same_year = Value.objects.create(
            indicator=indicator_of(old, name="Andere"),
            budget=budget_2018,
            kind="budgeted",
            value=3,
            measured_year=2018,
            note="eigen opmerking",
        )

        new = migrate_indicators(AFTER)
        Value = new.get_model("indicators", "IndicatorValue")
        after = Value.objects.get(pk=measured.pk)
        assert (after.kind, after.measured_year, after.note) == (
            "measured",
            2015,
            "",  # the page now says when it was measured
        )
        assert Value.objects.get(pk=goal.pk).kind == "budgeted"
        kept = Value.objects.get(pk=same_year.pk)
        assert (kept.kind, kept.note) == ("budgeted", "eigen opmerking")

        old = migrate_indicators(BEFORE)
        back = old.get_model("indicators", "IndicatorValue").objects.get(pk=measured.pk)
        assert (back.kind, back.note) == ("budgeted", "gemeten in 2015")
    finally:
        migrate_indicators(None)
