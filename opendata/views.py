"""The open data pages: downloads of the published budget, the template workbook,
and the pages that explain the files and the API."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from council.selectors import council_member_of
from programmes.filters import ActionFilter, filter_programme
from programmes.models import Action, Paragraph, Programme
from web.params import YEAR, parse_int, reads_parameters, text_param

from .columns import (
    ACTION_COLUMNS,
    AGENDA_COLUMNS,
    BUDGET_COLUMNS,
    CHANGE_COLUMNS,
    GLOSSARY_COLUMNS,
    INDICATOR_COLUMNS,
    LIST_NOTE,
    MONEY_COLUMNS,
    PROGRAMME_TEXT_COLUMNS,
    SUM_COLUMNS,
    TEXT_COLUMNS,
)
from .exports import (
    actions_frame,
    budget_frames,
    council_notes_frame,
    council_questions_frame,
    financial_figures_for,
    financial_figures_frame,
    indicator_values_for,
    indicator_values_frame,
    programme_texts_frame,
    texts_frame,
)
from .spreadsheets import (
    MAX_FILE_BYTES,
    XLSX_CONTENT_TYPE,
    download_response,
    frames_to_xlsx,
)
from .workbook import budget_template_xlsx


def _bad_filter(text: str) -> HttpResponseBadRequest:
    # A typo in a filter must not quietly give every row.
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


@reads_parameters("programma", "jaar", "begrotingsjaar", "indicator")
def indicator_values_download(request, suffix):
    """/open-data/indicatoren.csv?programma=…&jaar=…&begrotingsjaar=…&indicator=…:
    `jaar` is the year a value is about, `begrotingsjaar` the budget that states
    it."""
    years = {}
    for name, refusal in (
        ("jaar", _("jaar: '%(year)s' is geen jaartal")),
        ("begrotingsjaar", _("begrotingsjaar: '%(year)s' is geen jaartal")),
    ):
        year = text_param(request.GET, name, max_length=20)
        if year and parse_int(year, **YEAR) is None:
            return _bad_filter(refusal % {"year": year})
        years[name] = parse_int(year, **YEAR) if year else None
    values = indicator_values_for(
        programme=text_param(request.GET, "programma"),
        year=years["jaar"],
        budget_year=years["begrotingsjaar"],
        indicator=text_param(request.GET, "indicator"),
    )
    frame = indicator_values_frame(values=values)
    return download_response(frame, name="indicatoren", suffix=suffix)


@reads_parameters("programma", "begrotingsjaar")
def money_download(request, suffix):
    """/open-data/financien.csv?programma=…&begrotingsjaar=…: lasten and baten."""
    programme, year, refusal = _programme_and_year(request)
    if refusal:
        return refusal
    figures = financial_figures_for(programme=programme, year=year)
    return download_response(
        financial_figures_frame(figures=figures), name="financien", suffix=suffix
    )


def _programme_and_year(request):
    """?programma= and ?begrotingsjaar= of a download, or a 400 for a bad year."""
    year = text_param(request.GET, "begrotingsjaar", max_length=20)
    if year and parse_int(year, **YEAR) is None:
        return (
            None,
            None,
            _bad_filter(
                _("begrotingsjaar: '%(year)s' is geen jaartal") % {"year": year}
            ),
        )
    return (
        text_param(request.GET, "programma"),
        parse_int(year, **YEAR) if year else None,
        None,
    )


@reads_parameters("programma", "begrotingsjaar")
def texts_download(request, suffix):
    """/open-data/teksten.csv: the paragraphs of every public part, in order."""
    programme, year, refusal = _programme_and_year(request)
    if refusal:
        return refusal
    paragraphs = filter_programme(
        Paragraph.objects.public(), "theme__programme", programme
    )
    if year is not None:
        paragraphs = paragraphs.filter(theme__programme__budget__year=year)
    return download_response(
        texts_frame(paragraphs=paragraphs), name="teksten", suffix=suffix
    )


@reads_parameters("programma", "begrotingsjaar")
def programmes_download(request, suffix):
    """/open-data/programmas.csv: each programme's title, address and headings."""
    programme, year, refusal = _programme_and_year(request)
    if refusal:
        return refusal
    programmes = filter_programme(Programme.objects.public(), "", programme)
    if year is not None:
        programmes = programmes.filter(budget__year=year)
    return download_response(
        programme_texts_frame(programmes=programmes), name="programmas", suffix=suffix
    )


@reads_parameters("programma", "begrotingsjaar")
def budget_download(request):
    """/open-data/begroting.xlsx: a whole budget (or one programme) in one
    workbook, a sheet per table; the import reads it back."""
    programme, year, refusal = _programme_and_year(request)
    if refusal:
        return refusal
    response = HttpResponse(
        frames_to_xlsx(budget_frames(programme=programme, year=year)),
        content_type=XLSX_CONTENT_TYPE,
    )
    name = f"begroting-{year}.xlsx" if year else "begroting.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@reads_parameters(ActionFilter.base_filters)
def actions_download(request, suffix):
    """/open-data/acties.csv?thema=economie&…: the filtered actions as a file."""
    filters = ActionFilter(request.GET, queryset=Action.objects.public())
    if not filters.is_valid():
        return _bad_filter(
            "\n".join(
                f"{name}: {' '.join(errors)}" for name, errors in filters.errors.items()
            )
        )
    return download_response(
        actions_frame(actions=filters.qs), name="acties", suffix=suffix
    )


@reads_parameters("jaar")
def council_questions_download(request, suffix):
    """/open-data/technische-vragen.xlsx?jaar=2018: published questions, answers."""
    year = text_param(request.GET, "jaar", max_length=20)
    if year and parse_int(year, **YEAR) is None:
        return _bad_filter(_("jaar: '%(year)s' is geen jaartal") % {"year": year})
    frame = council_questions_frame(year=parse_int(year, **YEAR) if year else None)
    return download_response(frame, name="technische-vragen", suffix=suffix)


@never_cache
def council_notes_download(request, suffix):
    """A council member's own notes and their fractie's, for them alone: no open
    data, so never for another site's page, never cached."""
    member = council_member_of(request)
    if member is None:
        return HttpResponse(
            _("Log in als raadslid om uw notities te downloaden."),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    frame = council_notes_frame(
        member=member, base_url=request.build_absolute_uri("/").rstrip("/")
    )
    response = download_response(frame, name="notities", suffix=suffix)
    del response["Access-Control-Allow-Origin"]
    return response


def budget_template_download(request):
    response = HttpResponse(budget_template_xlsx(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="sjabloon-begroting.xlsx"'
    return response


def open_data(request):
    return render(
        request,
        "opendata/open_data.html",
        {
            "indicator_columns": INDICATOR_COLUMNS,
            "action_columns": ACTION_COLUMNS,
            "money_columns": MONEY_COLUMNS,
            "programme_text_columns": PROGRAMME_TEXT_COLUMNS,
            "text_columns": TEXT_COLUMNS,
            "sum_columns": SUM_COLUMNS,
            "change_columns": CHANGE_COLUMNS,
            "budget_columns": BUDGET_COLUMNS,
            "agenda_columns": AGENDA_COLUMNS,
            "glossary_columns": GLOSSARY_COLUMNS,
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
        "opendata/api.html",
        {
            "schema_url": f"{schema}?{urlencode(query)}" if query else schema,
            "schema_json_url": f"{schema}?{urlencode({**query, 'format': 'json'})}",
            "schema_in_english_url": f"{schema}?lang=en",
        },
    )
