"""Formatting of sums and periods named in the budget text."""

from django import template
from django.utils import formats

from ..models import AmountUnit

register = template.Library()

_UNIT_SUFFIX = {
    AmountUnit.EURO: "",
    AmountUnit.EURO_PER_YEAR: " per jaar",
    AmountUnit.EURO_PER_RESIDENT: " per inwoner",
    AmountUnit.EURO_PER_RESIDENT_PER_YEAR: " per inwoner per jaar",
}


@register.filter
def key_figure_amount(figure):
    """'circa € 40.000', '€ 7,50 per inwoner per jaar', '25 banen'."""
    decimals = 0 if figure.amount == figure.amount.to_integral_value() else 2
    number = formats.number_format(figure.amount, decimals, force_grouping=True)
    if figure.unit == AmountUnit.JOBS:
        text = f"{number} banen"
    else:
        text = f"€ {number}{_UNIT_SUFFIX[figure.unit]}"
    return f"circa {text}" if figure.approximate else text


@register.filter
def key_figure_period(figure):
    if figure.year_from and figure.year_to:
        if figure.year_from == figure.year_to:
            return str(figure.year_from)
        return f"{figure.year_from}–{figure.year_to}"
    if figure.year_from:
        return f"vanaf {figure.year_from}"
    return "–"
