from decimal import Decimal

from indicators.formatting import format_value
from indicators.models import UnitKind


def test_counts_get_a_thousands_dot_and_their_unit():
    assert (
        format_value(Decimal("6500.00"), unit="bedrijfscontacten", unit_kind="count")
        == "6.500 bedrijfscontacten"
    )


def test_percentages_get_a_decimal_comma():
    assert (
        format_value(Decimal("17.30"), unit="%", unit_kind=UnitKind.PERCENTAGE)
        == "17,3%"
    )


def test_no_value_is_said_in_words_never_zero():
    assert format_value(None, unit="%", unit_kind=UnitKind.PERCENTAGE) == (
        "geen waarde"
    )


def test_euros():
    assert (
        format_value(Decimal("450000"), unit="", unit_kind=UnitKind.EURO) == "€ 450.000"
    )
