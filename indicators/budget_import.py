"""Import of a whole budget file: its indicator and action tables, all or nothing.

This is what the management command and the admin page call. A file holds one
table (a CSV) or several (the sheets of an XLSX, like the template's); each table
is recognised by its columns.
"""

import pandas as pd

from django.db import transaction
from django.utils.translation import gettext as _

from programmes.exports import ACTION_COLUMNS, LIST_NOTE
from programmes.importing import ImportResult, Outcome, Problem
from programmes.imports import actions_import
from programmes.spreadsheets import (
    Sheet,
    SpreadsheetError,
    frames_to_xlsx,
    read_spreadsheet,
)

from .exports import INDICATOR_COLUMNS
from .imports import indicator_values_import
from .models import ImportRun

# The explanation sheet of the template is read by people, not imported.
SKIPPED_SHEETS = {"uitleg", "toelichting"}

INDICATORS = "indicators"
ACTIONS = "actions"


def sheet_kind(sheet: Sheet) -> str | None:
    """Whether a table holds indicator values or actions, judged by its columns."""
    columns = set(sheet.frame.columns)
    if columns & {"waarde", "soort_waarde", "indicator", "indicator_slug"}:
        return INDICATORS
    if columns & {"titel", "tekst", "status", "onderdeel"}:
        return ACTIONS
    return None


@transaction.atomic
def budget_file_import(
    *, content: bytes, file_name: str, user=None, dry_run: bool = False
) -> ImportResult:
    """Import every table of an uploaded file in one transaction.

    On any problem in any table nothing is written. When the import is applied
    (not a dry run, no problems) it is logged as an ImportRun with who did it.
    """
    result = ImportResult(dry_run=dry_run)
    try:
        sheets = read_spreadsheet(content)
    except SpreadsheetError as error:
        result.problems += error.problems
        return result
    named = len(sheets) > 1
    tables = [
        sheet
        for sheet in sheets
        # The template's empty sheets and its explanation are not tables to read.
        if len(sheet.frame)
        and not (sheet.name and sheet.name.strip().lower() in SKIPPED_SHEETS)
    ]
    if not tables:
        result.problems.append(
            Problem(_("Het bestand bevat geen gegevens: er staan geen rijen in."))
        )
    for sheet in tables:
        sheet_name = sheet.name if named else None
        kind = sheet_kind(sheet)
        if kind is None:
            result.problems.append(
                Problem(
                    _(
                        "de kolommen passen niet bij indicatoren of acties; begin met "
                        "het sjabloon of een download van de open data"
                    ),
                    sheet=sheet_name,
                )
            )
            continue
        service = indicator_values_import if kind == INDICATORS else actions_import
        result.extend(
            service(frame=sheet.frame, user=user, dry_run=False, sheet=sheet_name)
        )
    if dry_run or not result.ok:
        # Everything above was written to work out the result; undo it.
        transaction.set_rollback(True)
        return result
    ImportRun.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        file_name=file_name[:255],
        file_size=len(content),
        summary=result.summary(),
        details="\n".join(
            f"{Outcome.label(change.outcome)}: {change.what}: {change.description}"
            for change in result.changes
            if change.outcome != Outcome.UNCHANGED
        ),
    )
    return result


def budget_template_xlsx() -> bytes:
    """An empty workbook to fill in: a sheet per table and an explanation sheet."""
    notes = [
        _("Sjabloon voor het inlezen van de begroting van de gemeente Hengelo"),
        _(
            "Vul het blad 'indicatoren' (waarden van beleidsindicatoren, één rij per "
            "waarde) en/of het blad 'acties' (één rij per actie, doel of pilot). Een "
            "leeg blad wordt overgeslagen. Lees het bestand in via de beheeromgeving "
            "(Importen > Bestand inlezen) of met 'python manage.py import_budget'."
        ),
        _(
            "Eerst ziet u wat er nieuw is, wat verandert en wat gelijk blijft; pas "
            "na bevestigen wordt het opgeslagen. Bij één fout wordt niets opgeslagen."
        ),
        _(
            "Getallen mogen Nederlands (6.500 of 17,3 of 17,3%) of gewoon (6500 of "
            "17.3). Een lege waarde (of '-') betekent 'geen waarde', niet 0."
        ),
        _("Een download van de open data heeft dezelfde kolommen en kan ook terug."),
        _(
            "Inlezen verwijdert niets: wat niet in het bestand staat, blijft zoals het "
            "is. Een kolom die ontbreekt, laat dat veld met rust."
        ),
        "",
        _("Blad 'indicatoren' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in INDICATOR_COLUMNS],
        "",
        _("Blad 'acties' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in ACTION_COLUMNS],
        "",
        str(LIST_NOTE),
    ]
    return frames_to_xlsx(
        {
            "indicatoren": pd.DataFrame(
                columns=[column.name for column in INDICATOR_COLUMNS]
            ),
            "acties": pd.DataFrame(columns=[column.name for column in ACTION_COLUMNS]),
        },
        notes=notes,
    )


def _column_note(column) -> str:
    star = " *" if column.required else ""
    return f"{column.name}{star}: {column.description}"
