"""Template tags that let other apps' pages show indicators."""

from django import template
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join

from programmes.templatetags.programme_tags import translated

from ..comparisons import indicator_sentence
from ..formatting import format_value, kind_note, realised_note
from ..models import Indicator, IndicatorValue
from ..selectors import indicator_year_table

register = template.Library()


@register.inclusion_tag("indicators/_indicator_table.html", takes_context=True)
def indicator_table(context, programme, caption=""):
    # A staff preview (context "preview") shows draft indicators too.
    table = indicator_year_table(
        programme=programme, public_only=not context.get("preview")
    )
    # The page's request and programme: the names explain glossary terms (Halt)
    # as the page's texts do, once per page.
    return {
        "table": table,
        "caption": caption,
        "request": context.get("request"),
        "programme": programme,
    }


@register.filter
def indicator_value(value):
    """Format an IndicatorValue (or None) with its unit: '6.500 bedrijfscontacten'."""
    if value is None:
        return format_value(None, unit="", unit_kind="")
    indicator = value.indicator
    return format_value(
        value.value, unit=indicator.localized("unit"), unit_kind=indicator.unit_kind
    )


@register.simple_tag
def indicator_cells(row):
    """A row's figures, one cell per year, each with its note.

    A tag rather than a template loop: a programme at the benchmark's large size
    shows 25 indicators over 10 years, and the loop's lookups cost a tenth of the
    page's time (benchmarks/RESULTS.md).
    """
    indicator = row.indicator
    unit = indicator.localized("unit")
    return format_html_join(
        "",
        '<td class="number">{}{}</td>',
        (
            (
                format_value(
                    value.value if value else None,
                    unit=unit,
                    unit_kind=indicator.unit_kind,
                ),
                _note(value, realised, unit=unit, unit_kind=indicator.unit_kind),
            )
            for value, realised in zip(
                row.values, row.realised or [None] * len(row.values), strict=True
            )
        ),
    )


def _note(value, realised, *, unit, unit_kind):
    if value is None:
        return ""
    notes = [
        kind_note(value),
        translated(value, "note") if value.note else "",
        realised_note(realised, unit=unit, unit_kind=unit_kind),
    ]
    notes = [note for note in notes if note]
    if not notes:
        return ""
    return format_html(
        ' <span class="note">({})</span>',
        format_html_join("; ", "{}", [(n,) for n in notes]),
    )


@register.inclusion_tag("indicators/_highlights.html")
def indicator_highlights(budget, count=3):
    """A few indicators of a budget year, each with its plain-Dutch sentence."""
    if budget is None:
        return {"highlights": []}
    indicators = (
        Indicator.objects.public()
        .filter(values__budget=budget, values__value__isnull=False)
        .distinct()
        .order_by("programme__number", "order")
        .prefetch_related(
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.public().select_related("budget"),
            )
        )[:count]
    )
    return {
        "highlights": [
            (indicator, indicator_sentence(indicator, indicator.values.all()))
            for indicator in indicators
        ]
    }
