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
