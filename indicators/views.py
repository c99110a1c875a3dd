"""Public pages of the policy indicators: overview, one indicator, comparison."""

from django.shortcuts import get_object_or_404, render

from money.selectors import documents_compared
from web.params import TABLE_PARAMETERS, YEAR, int_param, reads_parameters

from .charts import indicator_figure, overview_figure
from .comparisons import indicator_sentence
from .models import Indicator, IndicatorValue
from .selectors import indicator_year_table, years_of_own_goals, years_with_values
from .tables import indicator_values_table

# The overview and the comparison page their tables, and the overview draws small
# multiples of the page's rows only: with every indicator on one page both grew
# without bound (benchmarks/RESULTS.md).
INDICATORS_PER_PAGE = 20


@reads_parameters(TABLE_PARAMETERS)
def indicator_list(request):
    year_table = indicator_year_table()
    old_year, new_year = _newest_two(years_of_own_goals())
    table = indicator_values_table(
        table=year_table,
        old_year=old_year,
        new_year=new_year,
        request=request,
        per_page=INDICATORS_PER_PAGE,
    )
    shown = [bound.record["row"] for bound in table.page.object_list]
    figure = overview_figure(
        [
            (row.indicator, [v.value if v else None for v in row.values])
            for row in shown
        ],
        year_table.years,
    )
    return render(
        request,
        "indicators/indicator_list.html",
        {"table": table, "years": year_table.years, "figure": figure},
    )


def indicator_detail(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.public().select_related("programme__budget"), slug=slug
    )
    return render_indicator(request, indicator)


def render_indicator(request, indicator, *, preview=False):
    """One indicator: sentence, chart and table; also the staff preview's."""
    values = IndicatorValue.objects if preview else IndicatorValue.objects.public()
    values = values.filter(indicator=indicator)
    values = list(
        values.select_related("budget").order_by("year", "budget__year", "kind")
    )
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


def _newest_two(years):
    """The two newest years, or (None, None): the change a page opens on."""
    return (years[-2], years[-1]) if len(years) > 1 else (None, None)


def _year(request, name, years, default):
    year = int_param(request.GET, name, **YEAR)
    return year if year in years else default


@reads_parameters("van", "naar", TABLE_PARAMETERS)
def indicator_compare(request):
    years = years_with_values()
    # It opens on the two newest budgets' own goals, not on goals for later years.
    own = years_of_own_goals()
    defaults = own if len(own) > 1 else years
    old_year = _year(request, "van", years, defaults[-2] if len(defaults) > 1 else None)
    new_year = _year(request, "naar", years, defaults[-1] if defaults else None)
    table = None
    if old_year is not None and new_year is not None:
        table = indicator_values_table(
            table=indicator_year_table(years=sorted({old_year, new_year})),
            old_year=old_year,
            new_year=new_year,
            request=request,
            per_page=INDICATORS_PER_PAGE,
        )
    money = []
    if old_year is not None and new_year is not None and old_year < new_year:
        money = documents_compared(old_year, new_year)
    return render(
        request,
        "indicators/indicator_compare.html",
        {
            "years": years,
            "old_year": old_year,
            "new_year": new_year,
            "table": table,
            "money": money,
        },
    )
