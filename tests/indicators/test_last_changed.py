"""A changed figure changes its indicator's 'last changed' date, not its version."""

from datetime import timedelta

import pytest

from django.utils import timezone

from indicators.models import Indicator, IndicatorValue

pytestmark = pytest.mark.usefixtures("seed_data")


def _a_year_ago(indicator):
    past = timezone.now() - timedelta(days=365)
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=past)
    return past


def test_a_changed_value_moves_the_indicators_date():
    value = IndicatorValue.objects.exclude(value=None).first()
    indicator = value.indicator
    version = indicator.version
    past = _a_year_ago(indicator)
    value.value += 1
    value.save()
    indicator.refresh_from_db()
    assert indicator.updated_at > past + timedelta(days=364)
    # The editors' lost-update check of the indicator itself is not disturbed.
    assert indicator.version == version


def test_a_deleted_value_moves_the_indicators_date():
    value = IndicatorValue.objects.first()
    indicator = value.indicator
    version = indicator.version
    past = _a_year_ago(indicator)
    value.delete()
    indicator.refresh_from_db()
    assert indicator.updated_at > past + timedelta(days=364)
    assert indicator.version == version


def test_a_bulk_delete_moves_the_indicators_date():
    value = IndicatorValue.objects.first()
    indicator = value.indicator
    past = _a_year_ago(indicator)
    IndicatorValue.objects.filter(pk=value.pk).delete()
    indicator.refresh_from_db()
    assert indicator.updated_at > past + timedelta(days=364)


def test_a_value_moved_to_another_indicator_changes_both():
    value = IndicatorValue.objects.first()
    old = value.indicator
    new = Indicator.objects.exclude(pk=old.pk).first()
    # Room for the value in the other indicator (one value per budget and kind).
    IndicatorValue.objects.filter(indicator=new, budget=value.budget).delete()
    past_old, past_new = _a_year_ago(old), _a_year_ago(new)
    value.indicator = new
    value.save()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.updated_at > past_old + timedelta(days=364)
    assert new.updated_at > past_new + timedelta(days=364)
