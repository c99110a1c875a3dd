"""The one import pipeline: file -> tables -> rows -> problems -> preview -> write,
all in one transaction.

Each kind of table (actions.py, indicators.py) says how to read its rows, what to
check across them and how to write one, on the shared machinery of rows.py; the
pipeline knows the kinds through one list (tables.py TABLES) and does everything
else here once.
"""

import gc
from contextlib import contextmanager

import pandas as pd

from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from content.database import is_busy

from ..models import ImportRun
from ..spreadsheets import Sheet, SpreadsheetError, read_spreadsheet
from . import progress
from .results import ImportResult, Outcome, Problem
from .rows import Table, missing_columns
from .tables import TABLES
from .writer import note_drafts


def table_import(
    *, table: Table, frame: pd.DataFrame, result: ImportResult, user, sheet
) -> None:
    """Check one table and, if it has no problem, write it (inside the caller's
    transaction, which rolls back a preview or a file with problems)."""
    problems = missing_columns(frame, table.columns, sheet)
    if not problems:
        rows, problems = table.read_rows(frame, sheet)
    if not problems:
        problems = table.check(rows, sheet)
    if problems:
        result.problems += problems
        return
    writer = table.writer(result, user)
    writer.sheet = sheet
    writer.write_rows(rows)
    writer.finish()


# The explanation sheet of the template is read by people, not imported.
SKIPPED_SHEETS = {"uitleg", "toelichting"}


def table_of(sheet: Sheet) -> Table | None:
    """Which kind of table a sheet holds, judged by its columns."""
    columns = set(sheet.frame.columns)
    return next((t for t in TABLES if columns & t.recognised_by), None)


# Any number that no other advisory lock of the portal's database uses.
IMPORT_LOCK = 58_210_001
# How long an import waits for another to finish (a request has 30 s in all).
LOCK_WAIT_SECONDS = 20


def _one_import_at_a_time() -> None:
    """Wait until no other import runs, and keep others waiting until this one's
    transaction ends: two imports of the same file at once then give the result
    of one (the second finds everything in place), never duplicates."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = %s", [f"{LOCK_WAIT_SECONDS}s"])
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
    else:
        # SQLite: the first write of a transaction takes the database's write
        # lock until the commit, also when it changes no row.
        ImportRun.objects.filter(pk=0).update(file_size=0)


def _busy() -> Problem:
    return Problem(
        _(
            "Er wordt op dit moment al een ander bestand ingelezen, of iemand "
            "wijzigt tegelijk dezelfde gegevens. Er is niets opgeslagen; lees het "
            "bestand over een minuut opnieuw in."
        )
    )


@contextmanager
def _no_cyclic_garbage_collection():
    """Python's cycle collector paused while an import holds its records: with
    100,000 rows each collection walks every one of them, again and again, for
    a third of the import's CPU time (benchmarks/IMPORTS.md). Reference counting
    still frees what is no longer used; cycles wait until the import ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def budget_file_import(
    *,
    content: bytes,
    file_name: str,
    user=None,
    dry_run: bool = False,
    preview: str = "",
) -> ImportResult:
    """Import every table of an uploaded file in one transaction: the command's,
    the admin's preview (dry_run) and its confirmation (`preview` names the
    preview it confirms: it is imported once, however often it is confirmed).

    On any problem in any table nothing is written. An applied import (not a dry
    run, no problems) is logged as an ImportRun with who did it. Imports run one
    at a time; one that cannot wait its turn, or that meets a simultaneous
    change, writes nothing and says so.
    """
    try:
        with _no_cyclic_garbage_collection():
            return _budget_file_import(
                content=content,
                file_name=file_name,
                user=user,
                dry_run=dry_run,
                preview=preview,
            )
    except DatabaseError as error:
        # Only another import or edit in the way is "busy"; anything else (a
        # value beyond the database's limits) is a fault, reported as one.
        if not is_busy(error):
            raise
        result = ImportResult(dry_run=dry_run)
        result.problems.append(_busy())
        return result


@transaction.atomic
def _budget_file_import(*, content, file_name, user, dry_run, preview) -> ImportResult:
    result = ImportResult(dry_run=dry_run)
    progress.report(progress.READING, 0, len(content))
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
    user = user if user is not None and user.is_authenticated else None
    _one_import_at_a_time()
    if preview and ImportRun.objects.filter(preview=preview).exists():
        result.problems.append(
            Problem(
                _(
                    "Dit voorbeeld is al bevestigd en het bestand is ingelezen; "
                    "er is niets twee keer opgeslagen."
                )
            )
        )
        return result
    order = TABLES
    known = []
    for sheet in tables:
        sheet_name = sheet.name if named else None
        table = table_of(sheet)
        if table is None:
            result.problems.append(
                Problem(
                    _(
                        "de kolommen passen niet bij begrotingen, programma's, "
                        "agenda's, teksten, verwijzingen, indicatoren, acties, "
                        "financiën, inwoners of begrippen; begin met het sjabloon of "
                        "een download van de open data"
                    ),
                    sheet=sheet_name,
                )
            )
        elif (twin := next((k for k in known if k[3] is table), None)) is not None:
            # Two sheets of one kind ('acties' and 'acties (2)'): one would
            # silently overwrite the other's rows.
            result.problems.append(
                Problem(
                    _(
                        "dit blad heeft dezelfde soort gegevens (%(kind)s) als het "
                        "blad '%(other)s'; zet ze samen op één blad of lees ze "
                        "apart in"
                    )
                    % {"kind": table.name, "other": twin[1]},
                    sheet=sheet_name,
                )
            )
        else:
            known.append((order.index(table), sheet_name, sheet, table))
    for _order, sheet_name, sheet, table in sorted(known, key=lambda k: k[0]):
        table_import(
            table=table, frame=sheet.frame, result=result, user=user, sheet=sheet_name
        )
    if result.ok:
        note_drafts(result)
    if dry_run or not result.ok:
        # Everything above was written to work out the result; undo it.
        transaction.set_rollback(True)
        return result
    ImportRun.objects.create(
        user=user,
        file_name=file_name[:255],
        file_size=len(content),
        summary=result.summary(),
        preview=preview,
        details="\n".join(
            f"{Outcome.label(change.outcome)}: {change.what}: {change.description}"
            for change in result.changes
            if change.outcome != Outcome.UNCHANGED
        ),
    )
    return result
