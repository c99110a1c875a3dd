"""Public pages of the policy indicators and of the open data (downloads, API)."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from programmes.exports import ACTION_COLUMNS, LIST_NOTE
from programmes.spreadsheets import MAX_FILE_BYTES, download_response

from .budget_import import budget_template_xlsx
from .exports import INDICATOR_COLUMNS, indicator_values_for, indicator_values_frame
from .models import Indicator

DOWNLOAD_LABELS = [
    (".csv", "CSV"),
    ("-puntkomma.csv", "CSV voor Excel"),
    (".xlsx", "Excel"),
    (".json", "JSON"),
]


def indicator_detail(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.published()
        .select_related("programme__budget")
        .prefetch_related("values__budget"),
        slug=slug,
    )
    return render(
        request,
        "indicators/indicator_detail.html",
        {"indicator": indicator, "download_formats": DOWNLOAD_LABELS},
    )


def indicator_values_download(request, suffix):
    """/open-data/indicatoren.csv?programma=…&jaar=…&indicator=…"""
    year = request.GET.get("jaar", "").strip()
    if year and not year.isdigit():
        # A typo in a filter must not quietly give every value.
        return HttpResponseBadRequest(
            f"jaar: '{year}' is geen jaartal", content_type="text/plain; charset=utf-8"
        )
    values = indicator_values_for(
        programme=request.GET.get("programma", ""),
        year=year,
        indicator=request.GET.get("indicator", ""),
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
    return render(request, "indicators/api.html")
