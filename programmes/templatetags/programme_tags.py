"""Template helpers of the budget pages: sums, periods, glossary terms."""

import re

from django import template
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..models import AmountUnit, GlossaryTerm

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


class PageGlossary:
    """Marks the first use of each glossary term on a page with <abbr title>."""

    def __init__(self):
        self.meanings = dict(GlossaryTerm.objects.values_list("term", "meaning"))
        terms = sorted(self.meanings, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, terms)) + r")(?!\w)")
            if terms
            else None
        )
        self.seen = set()

    def markup(self, text: str) -> SafeString:
        if not self.pattern:
            return escape(text)
        parts = []
        position = 0
        for match in self.pattern.finditer(text):
            term = match.group()
            parts.append(escape(text[position : match.start()]))
            if term in self.seen:
                parts.append(escape(term))
            else:
                self.seen.add(term)
                parts.append(
                    format_html('<abbr title="{}">{}</abbr>', self.meanings[term], term)
                )
            position = match.end()
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


@register.simple_tag(takes_context=True)
def explained(context, text):
    """The text, escaped, with the first use of each glossary term explained."""
    request = context.get("request")
    glossary = getattr(request, "page_glossary", None)
    if glossary is None:
        glossary = PageGlossary()
        if request is not None:
            request.page_glossary = glossary
    return glossary.markup(text)
