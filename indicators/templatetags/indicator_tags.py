"""Template tags that let other apps' pages show indicators."""

from django import template
from django.db.models import Prefetch

from ..comparisons import indicator_sentence
from ..formatting import format_value
from ..models import IndicatorValue
from ..selectors import indicator_year_table, published_indicators

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
    return format_value(
        value.value, unit=indicator.localized("unit"), unit_kind=indicator.unit_kind
    )


@register.inclusion_tag("indicators/_highlights.html")
def indicator_highlights(budget, count=3):
    """A few indicators of a budget year, each with its plain-Dutch sentence."""
    if budget is None:
        return {"highlights": []}
    indicators = (
        published_indicators()
        .filter(values__budget=budget, values__value__isnull=False)
        .distinct()
        .order_by("programme__number", "order")
        .prefetch_related(
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.filter(
                    budget__publication_status="published"
                ).select_related("budget"),
            )
        )[:count]
    )
    return {
        "highlights": [
            (indicator, indicator_sentence(indicator, indicator.values.all()))
            for indicator in indicators
        ]
    }
