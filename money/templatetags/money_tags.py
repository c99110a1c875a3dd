"""Template helpers of the money: units, grouped numbers, the home page's shares,
the documents that hold only a programme's money."""

from django import template

from ..charts import shares_sentence
from ..selectors import budget_shares as shares_of_budget
from ..selectors import money_only_documents as money_only
from ..words import grouped as grouped_number
from ..words import unit_caption

register = template.Library()


@register.filter
def money_unit(unit):
    """ "× € 1.000" or "in euro's": the unit a table of the budget's money is in."""
    return unit_caption(unit)


@register.filter
def grouped(number):
    """A whole number with thousands separators: 81.000 (81,000 on English pages)."""
    return grouped_number(number)


@register.inclusion_tag("money/_shares.html")
def budget_shares(budget):
    """ "Waar gaat het geld naartoe?": the lasten per programme of `budget`."""
    shares = shares_of_budget(budget)
    return {
        "shares": shares,
        "shares_sentence": shares_sentence(shares) if shares else "",
    }


@register.simple_tag
def money_only_documents(programme, finances, other_years):
    """The documents with this programme's money but without its text: the
    programme page links to their money pages beside the other budgets."""
    return money_only(programme, finances.documents if finances else [], other_years)
