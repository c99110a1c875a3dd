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
    """What a figure in a table of goals is when it is not a budget's goal for its
    own year, with the year it is about and the document that states it: 'doel
    2020, Begroting 2018', 'gerealiseerd 2017, Begroting 2019', 'kengetal, gemeten
    in 2015, Begroting 2017'. Empty for a budget's goal for its own year."""
    if value is None:
        return ""
    if value.kind == ValueKind.BUDGETED and value.year == value.budget.year:
        return ""
    template = {
        ValueKind.BUDGETED: _("doel %(year)s, %(document)s"),
        ValueKind.REALISED: _("gerealiseerd %(year)s, %(document)s"),
        ValueKind.MEASURED: _("kengetal, gemeten in %(year)s, %(document)s"),
        ValueKind.TARGET: _("streefwaarde %(year)s, %(document)s"),
        ValueKind.BASELINE: _("nulmeting %(year)s, %(document)s"),
    }[value.kind]
    return template % {"year": value.year, "document": value.budget}


def value_label(value) -> str:
    """A figure's kind, year and document, as a sentence or a chart names it:
    'doel 2020 (Begroting 2018)', 'gerealiseerd 2017 (Begroting 2019)'."""
    template = {
        ValueKind.BUDGETED: _("doel %(year)s (%(document)s)"),
        ValueKind.REALISED: _("gerealiseerd %(year)s (%(document)s)"),
        ValueKind.MEASURED: _("gemeten %(year)s (%(document)s)"),
        ValueKind.TARGET: _("streefwaarde %(year)s (%(document)s)"),
        ValueKind.BASELINE: _("nulmeting %(year)s (%(document)s)"),
    }[value.kind]
    return template % {"year": value.year, "document": value.budget}


def realised_note(value, *, unit: str, unit_kind: str) -> str:
    """The realised figure beside a year's goal: 'gerealiseerd: 700
    bedrijfsbezoeken, Begroting 2020'; empty without one."""
    if value is None:
        return ""
    return _("gerealiseerd: %(amount)s, %(document)s") % {
        "amount": format_value(value.value, unit=unit, unit_kind=unit_kind),
        "document": value.budget,
    }
