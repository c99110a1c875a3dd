from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from indicators.models import UnitKind
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory


@pytest.mark.django_db
def test_a_percentage_above_100_is_refused_in_dutch():
    value = IndicatorValueFactory.build(
        indicator=IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE),
        value=Decimal("117.3"),
    )
    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert error.value.message_dict["value"] == ["Een percentage ligt tussen 0 en 100."]


@pytest.mark.django_db
def test_a_negative_count_is_refused_in_dutch():
    value = IndicatorValueFactory.build(indicator=IndicatorFactory(), value=-1)
    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert error.value.message_dict["value"] == [
        "Een aantal of percentage kan niet negatief zijn."
    ]


@pytest.mark.django_db
def test_one_value_per_indicator_budget_year_and_kind():
    first = IndicatorValueFactory()
    second = IndicatorValueFactory.build(
        indicator=first.indicator, budget=first.budget, kind=first.kind
    )
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert (
        "Deze indicator heeft in deze begroting al een waarde van deze soort voor "
        "dit jaar." in str(error.value)
    )
    # The same document may state the same kind for another year: a goal for
    # 2018 and one for 2019 in the Begroting 2018.
    later = IndicatorValueFactory.build(
        indicator=first.indicator,
        budget=first.budget,
        kind=first.kind,
        year=first.year + 1,
    )
    later.full_clean()
