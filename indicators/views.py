"""Public pages of the policy indicators and of the open data (downloads, API)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hengelo_portal.params import (
    TABLE_PARAMETERS,
    YEAR,
    int_param,
    parse_int,
    reads_parameters,
    text_param,
)
from programmes.exports import ACTION_COLUMNS, LIST_NOTE
from programmes.models import Budget
from programmes.spreadsheets import DOWNLOAD_LABELS, MAX_FILE_BYTES, download_response

from .budget_import import budget_template_xlsx
from .charts import indicator_figure, overview_figure
from .comparisons import indicator_sentence
from .exports import INDICATOR_COLUMNS, indicator_values_for, indicator_values_frame
from .models import IndicatorValue
from .selectors import indicator_year_table, published_indicators
from .tables import indicator_values_table

# The overview and the comparison page their tables, and the overview draws small
# multiples of the page's rows only: with every indicator on one page both grew
# without bound (benchmarks/RESULTS.md).
INDICATORS_PER_PAGE = 20


@reads_parameters(TABLE_PARAMETERS)
def indicator_list(request):
    year_table = indicator_year_table()
    table = indicator_values_table(
        table=year_table, request=request, per_page=INDICATORS_PER_PAGE
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
            "download_formats": DOWNLOAD_LABELS,
        },
    )


def _year(request, name, years, default):
    year = int_param(request.GET, name, **YEAR)
    return year if year in years else default


@reads_parameters("van", "naar", TABLE_PARAMETERS)
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
            per_page=INDICATORS_PER_PAGE,
        )
    return render(
        request,
        "indicators/indicator_compare.html",
        {"years": years, "old_year": old_year, "new_year": new_year, "table": table},
    )


@reads_parameters("programma", "jaar", "indicator")
def indicator_values_download(request, suffix):
    """/open-data/indicatoren.csv?programma=…&jaar=…&indicator=…"""
    year = text_param(request.GET, "jaar", max_length=20)
    if year and parse_int(year, **YEAR) is None:
        # A typo in a filter must not quietly give every value.
        return HttpResponseBadRequest(
            _("jaar: '%(year)s' is geen jaartal") % {"year": year},
            content_type="text/plain; charset=utf-8",
        )
    values = indicator_values_for(
        programme=text_param(request.GET, "programma"),
        year=year,
        indicator=text_param(request.GET, "indicator"),
    )
    frame = indicator_values_frame(values=values)
    return download_response(frame, name="indicatoren", suffix=suffix)


def budget_template_download(request):
    response = HttpResponse(
        budget_template_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="sjabloon-begroting.xlsx"'
    return response


def open_data(request):
    return render(
        request,
        "indicators/open_data.html",
        {
            "indicator_columns": INDICATOR_COLUMNS,
            "action_columns": ACTION_COLUMNS,
            "list_note": LIST_NOTE,
            "max_megabytes": MAX_FILE_BYTES // 1024 // 1024,
        },
    )


def api_documentation(request):
    # The schema in the page's language: Dutch is its default, English through
    # drf-spectacular's ?lang= (the API itself keeps one address).
    schema = reverse("api:schema")
    language = get_language()
    query = {} if language == settings.LANGUAGE_CODE else {"lang": language}
    return render(
        request,
        "indicators/api.html",
        {
            "schema_url": f"{schema}?{urlencode(query)}" if query else schema,
            "schema_json_url": f"{schema}?{urlencode({**query, 'format': 'json'})}",
            "schema_in_english_url": f"{schema}?lang=en",
        },
    )
