"""Indicator figures in the active language: 6.500 contacten, 17,3%, geen waarde
(6,500 and 17.3% on English pages)."""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from .models import UnitKind, ValueKind


def plain_decimal(number: Decimal) -> Decimal:
    """Drop the zeros that storage adds: 6500.00 -> 6500, 17.30 -> 17.3."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def format_number(number: Decimal) -> str:
    return formats.number_format(plain_decimal(number), force_grouping=True)


def format_value(number: Decimal | None, *, unit: str, unit_kind: str) -> str:
    """A figure with its unit as a Dutch reader writes it; None is 'geen waarde'."""
    if number is None:
        return _("geen waarde")
    if unit_kind == UnitKind.PERCENTAGE:
        return f"{format_number(number)}%"
    if unit_kind == UnitKind.EURO:
        return f"€ {format_number(number)}"
    return f"{format_number(number)} {unit}".strip()


def kind_note(value) -> str:
    """What a figure in a table of goals is when it is no goal: 'kengetal,
    gemeten in 2015'; empty for a goal."""
    if value is None or value.kind != ValueKind.MEASURED:
        return ""
    if value.measured_year is None:
        return _("kengetal")
    return _("kengetal, gemeten in %(year)s") % {"year": value.measured_year}
