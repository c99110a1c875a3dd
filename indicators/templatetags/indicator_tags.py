"""Template tags that let other apps' pages show indicators."""

from django import template

from ..formatting import format_value
from ..selectors import indicator_year_table

register = template.Library()


@register.inclusion_tag("indicators/_indicator_table.html", takes_context=True)
def indicator_table(context, programme, caption=""):
    # A staff preview (context "preview") shows draft indicators too.
    table = indicator_year_table(
        programme=programme, published_only=not context.get("preview")
    )
    return {"table": table, "caption": caption}


@register.filter
def indicator_value(value):
    """Format an IndicatorValue (or None) with its unit: '6.500 bedrijfscontacten'."""
    if value is None:
        return format_value(None, unit="", unit_kind="")
    indicator = value.indicator
    return format_value(value.value, unit=indicator.unit, unit_kind=indicator.unit_kind)
