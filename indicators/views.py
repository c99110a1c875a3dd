"""Public pages of the policy indicators: overview, one indicator, compare years."""

from django.shortcuts import get_object_or_404, render

from programmes.models import Budget

from .charts import indicator_figure, overview_figure
from .comparisons import indicator_sentence
from .models import IndicatorValue
from .selectors import indicator_year_table, published_indicators
from .tables import indicator_values_table


def indicator_list(request):
    table = indicator_year_table()
    figure = overview_figure(
        [
            (row.indicator, [v.value if v else None for v in row.values])
            for row in table.rows
        ],
        table.years,
    )
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "table": indicator_values_table(table=table, request=request),
            "years": table.years,
            "figure": figure,
            "rows": table.rows,
        },
    )


def indicator_detail(request, slug):
    indicator = get_object_or_404(
        published_indicators().select_related("programme__budget"), slug=slug
    )
    return render_indicator(request, indicator)


def render_indicator(request, indicator, *, preview=False):
    """One indicator: sentence, chart and table; also the staff preview's."""
    values = IndicatorValue.objects.filter(indicator=indicator)
    if not preview:
        values = values.filter(budget__publication_status="published")
    values = list(values.select_related("budget").order_by("budget__year", "kind"))
    for value in values:
        value.indicator = indicator
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "values": values,
            "sentence": indicator_sentence(indicator, values),
            "figure": indicator_figure(indicator, values),
            "preview": preview,
        },
    )


def _year(request, name, years, default):
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and int(raw) in years else default


def indicator_compare(request):
    years = list(
        Budget.objects.published()
        .filter(indicator_values__isnull=False)
        .distinct()
        .order_by("year")
        .values_list("year", flat=True)
    )
    old_year = _year(request, "van", years, years[-2] if len(years) > 1 else None)
    new_year = _year(request, "naar", years, years[-1] if years else None)
    table = None
    if old_year is not None and new_year is not None:
        table = indicator_values_table(
            table=indicator_year_table(years=sorted({old_year, new_year})),
            old_year=old_year,
            new_year=new_year,
            request=request,
        )
    return render(
        request,
        "indicators/indicator_compare.html",
        {"years": years, "old_year": old_year, "new_year": new_year, "table": table},
    )
