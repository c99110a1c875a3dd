"""Migration 0008: today's values get the year they are about without loss, run
from the state before it (on SQLite and PostgreSQL)."""

import datetime
from decimal import Decimal

import pytest

from tests.indicators.migration_helpers import indicator_of, migrate_indicators

BEFORE = "0008_stored_search_vectors"
AFTER = "0009_value_year"


@pytest.mark.django_db(transaction=True)
def test_every_value_keeps_its_figures_and_gets_its_year():
    try:
        old = migrate_indicators(BEFORE)
        Budget = old.get_model("programmes", "Budget")
        Value = old.get_model("indicators", "IndicatorValue")
        indicator = indicator_of(old, unit="bedrijfsbezoeken")
        budget_2017 = Budget.objects.create(year=2017, title="Begroting 2017")
        budget_2018 = Budget.objects.get(year=2018)
        made = {
            "goal": Value.objects.create(
                indicator=indicator, budget=budget_2018, kind="budgeted", value=550
            ),
            "empty": Value.objects.create(
                indicator=indicator, budget=budget_2017, kind="budgeted", value=None
            ),
            "kengetal": Value.objects.create(
                indicator=indicator,
                budget=budget_2017,
                kind="measured",
                value=550,
                measured_year=2015,
                source="Bedrijvenregister Twente",
            ),
            "realised": Value.objects.create(
                indicator=indicator,
                budget=budget_2018,
                kind="realised",
                value=Decimal("512.5"),
                measured_year=2016,
                note="uit de jaarstukken",
            ),
        }
        old.get_model("indicators", "HistoricalIndicatorValue").objects.create(
            id=made["goal"].pk,
            indicator_id=indicator.pk,
            budget_id=budget_2018.pk,
            kind="budgeted",
            value=500,
            note="",
            source="",
            history_date=datetime.datetime(2017, 11, 9, tzinfo=datetime.UTC),
            created_at=datetime.datetime(2017, 11, 9, tzinfo=datetime.UTC),
            updated_at=datetime.datetime(2017, 11, 9, tzinfo=datetime.UTC),
            history_type="~",
            version=1,
        )

        new = migrate_indicators(AFTER)
        Value = new.get_model("indicators", "IndicatorValue")
        after = {key: Value.objects.get(pk=value.pk) for key, value in made.items()}
        assert Value.objects.count() == 4
        assert {key: (v.year, v.budget_id) for key, v in after.items()} == {
            "goal": (2018, budget_2018.pk),
            "empty": (2017, budget_2017.pk),
            "kengetal": (2015, budget_2017.pk),
            "realised": (2016, budget_2018.pk),
        }
        assert [(v.kind, v.value, v.note, v.source) for v in after.values()] == [
            ("budgeted", Decimal(550), "", ""),
            ("budgeted", None, "", ""),
            ("measured", Decimal(550), "", "Bedrijvenregister Twente"),
            ("realised", Decimal("512.5"), "uit de jaarstukken", ""),
        ]
        history = new.get_model("indicators", "HistoricalIndicatorValue")
        assert history.objects.get(id=made["goal"].pk).year == 2018

        old = migrate_indicators(BEFORE)
        Value = old.get_model("indicators", "IndicatorValue")
        assert {
            key: Value.objects.get(pk=value.pk).measured_year
            for key, value in made.items()
        } == {"goal": None, "empty": None, "kengetal": 2015, "realised": 2016}
    finally:
        migrate_indicators(None)
