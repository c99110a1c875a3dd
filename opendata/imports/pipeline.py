"""The one import pipeline: file -> tables -> rows -> problems -> preview -> write,
all in one transaction.

Each kind of table (actions.py, indicators.py) says how to read its rows, what to
check across them and how to write one; everything else happens here once.
"""

import datetime
import gc
import re
from contextlib import contextmanager
from decimal import Decimal

import pandas as pd

from django.db import DatabaseError, connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from content.cells import (
    cell_text,
    choice_from_text,
    choice_labels,
    parse_number,
    parse_whole_number,
    parse_year,
)
from content.database import is_busy
from content.text import TEXT_MAX_LENGTH
from programmes.models import Programme, Theme

from ..columns import Column
from ..models import ImportRun
from ..spreadsheets import Sheet, SpreadsheetError, read_spreadsheet
from . import progress
from .results import ImportResult, Outcome, Problem
from .writer import RecordWriter, note_drafts

SMALL_NUMBER_MAX = 32_767
ID_MAX = 2**63 - 1


class RowReader:
    """Reads the cells of one row, collecting every problem instead of stopping."""

    def __init__(self, cells: dict, row: int, sheet: str | None):
        self.cells = cells
        self.row = row
        self.sheet = sheet
        self.problems: list[Problem] = []

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(message, self.row, column, self.sheet))

    def has(self, column: str) -> bool:
        return column in self.cells

    def text(self, column: str, *, required=False, max_length=None) -> str:
        """A text cell, cleaned (cell_text); at most `max_length` characters,
        or TEXT_MAX_LENGTH for a text without a length of its own."""
        value = cell_text(self.cells.get(column))
        if required and not value:
            self.problem(column, _("is leeg; vul dit in"))
        max_length = max_length or TEXT_MAX_LENGTH
        if len(value) > max_length:
            self.problem(
                column,
                _("is te lang: %(length)s tekens, hoogstens %(max)s")
                % {"length": len(value), "max": max_length},
            )
        return value

    def english(self, model, fields: dict[str, str]) -> dict[str, str]:
        """The English twins the file has, as {model field: text}: with `fields`
        {"text": "tekst"} the column tekst_en gives text_en. A file without the
        column leaves the English the portal has alone."""
        english = {}
        for field, column in fields.items():
            name = f"{column}_en"
            if self.has(name):
                max_length = model._meta.get_field(f"{field}_en").max_length
                english[f"{field}_en"] = self.text(name, max_length=max_length)
        return english

    def year(self, column: str, *, required=False) -> int | None:
        try:
            value = parse_year(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen jaartal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None
        if value is None and required:
            self.problem(column, _("is leeg; vul een jaartal in"))
        return value

    def date(self, column: str, *, required=False) -> datetime.date | None:
        """A date as a spreadsheet holds it, or written 2018-01-01 or 1-1-2018."""
        value = self.cells.get(column)
        if value is pd.NaT:
            value = None
        if isinstance(value, datetime.datetime | pd.Timestamp):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            if required:
                self.problem(column, _("is leeg; vul een datum in"))
            return None
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        self.problem(
            column,
            _("'%(value)s' is geen datum; schrijf hem als 2018-01-01 of 1-1-2018")
            % {"value": text},
        )
        return None

    def whole_number(
        self, column: str, *, required=False, maximum: int = SMALL_NUMBER_MAX
    ) -> int | None:
        """A whole number that fits its field: a number or order is at most
        32767 (the database's small integer), an id as big as an id gets."""
        try:
            value = parse_whole_number(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen geheel getal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None
        if value is None and required:
            self.problem(column, _("is leeg; vul een getal in"))
        if value is not None and value > maximum:
            self.problem(
                column,
                _("%(value)s is te groot: hoogstens %(max)s")
                % {"value": value, "max": maximum},
            )
            return None
        return value

    def programme(self) -> tuple[int | None, int | None]:
        """The (budget year, number) of the programme a row belongs to: the first
        columns of every table (columns.PROGRAMME_COLUMNS)."""
        return (
            self.year("programma_begrotingsjaar", required=True),
            self.whole_number("programma_nummer", required=True),
        )

    def theme(self) -> tuple[str, str, int | None]:
        """The (slug, title, order) of the part (theme) a row belongs to: the slug
        from its column or made from the title."""
        title = self.text("onderdeel", max_length=200)
        slug = self.slug("onderdeel_slug") or slugify(title)
        if not slug:
            self.problem("onderdeel", _("is leeg; vul het onderdeel in"))
        return slug, title, self.whole_number("onderdeel_volgorde")

    def theme_english(self) -> dict:
        """The part's English title ({"title_en": …}), if the file has one."""
        return self.english(Theme, {"title": "onderdeel"})

    def slug(self, column: str) -> str:
        """An address part such as 'uitstroom-overig'; a problem when it is not one."""
        value = self.text(column, max_length=200)
        if value and not re.fullmatch(r"[-a-zA-Z0-9_]+", value):
            self.problem(
                column,
                _(
                    "'%(value)s' is geen geldig webadres-deel: gebruik alleen letters, "
                    "cijfers en streepjes, of laat de cel leeg"
                )
                % {"value": value},
            )
        return value

    def fits(self, column: str, text: str, max_length: int) -> bool:
        """Whether a part of a cell fits its database field; a problem if not."""
        if len(text) <= max_length:
            return True
        self.problem(
            column,
            _("'%(value)s…' is te lang: hoogstens %(max)s tekens")
            % {"value": text[:40], "max": max_length},
        )
        return False

    def number(self, column: str) -> Decimal | None:
        """A number, or None for an empty cell; a problem when it is not a number."""
        try:
            return parse_number(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen getal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None

    def yes_no(self, column: str) -> bool:
        """'ja' (or yes, waar, true, 1) is yes; empty, 'nee' (no, false, 0) is no."""
        text = cell_text(self.cells.get(column)).strip().lower()
        if text in {"ja", "yes", "waar", "true", "1", "x"}:
            return True
        if text not in {"", "nee", "no", "onwaar", "false", "0"}:
            self.problem(
                column,
                _("'%(value)s' kan niet; vul ja in of laat leeg") % {"value": text},
            )
        return False

    def choice(self, column: str, choices, *, default=None) -> str | None:
        text = cell_text(self.cells.get(column))
        if not text and default is not None:
            return default
        value = choice_from_text(choices, text)
        if value is None:
            self.problem(
                column,
                _("'%(value)s' kan niet; kies uit %(labels)s")
                % {"value": text, "labels": choice_labels(choices)},
            )
        return value


def missing_columns(frame: pd.DataFrame, columns: list[Column], sheet=None):
    """A problem for every required column the file does not have."""
    return [
        Problem(_("deze verplichte kolom ontbreekt"), column=column.name, sheet=sheet)
        for column in columns
        if column.required and column.name not in frame.columns
    ]


def duplicate_problems(rows, *, key, column: str, message: str, sheet) -> list[Problem]:
    """A problem for every row whose `key(row)` an earlier row has too; `message`
    names that row as %(other)s ("dubbele rij: … ook in rij %(other)s")."""
    problems, seen = [], {}
    for row in rows:
        first = seen.setdefault(key(row), row.row)
        if first != row.row:
            problems.append(Problem(message % {"other": first}, row.row, column, sheet))
    return problems


def programme_problems(rows, sheet: str | None) -> list[Problem]:
    """What every table checks of the programmes its rows name: each exists or
    has a title to be made with, and one programme has one title in the file.

    Rows carry `row`, `programme` ((budget year, number)) and `programme_title`.
    """
    problems = []
    known = set(Programme.objects.values_list("budget__year", "number"))
    titles = {}
    for row in rows:
        if row.programme not in known and not row.programme_title:
            problems.append(
                Problem(
                    _(
                        "programma %(number)s van de begroting %(year)s bestaat "
                        "niet; vul de titel in om het aan te maken"
                    )
                    % {"number": row.programme[1], "year": row.programme[0]},
                    row.row,
                    "programma",
                    sheet,
                )
            )
        if row.programme_title:
            first = titles.setdefault(row.programme, (row.programme_title, row.row))
            if first[0] != row.programme_title:
                problems.append(
                    Problem(
                        _(
                            "'%(value)s' verschilt van rij %(other)s voor hetzelfde "
                            "programma"
                        )
                        % {"value": row.programme_title, "other": first[1]},
                        row.row,
                        "programma",
                        sheet,
                    )
                )
    return problems


def theme_problems(rows, sheet: str | None) -> list[Problem]:
    """What every table with a part (theme) column checks: the part exists or has
    a title to be made with, and one part has one title and order in the file.

    Rows carry `row`, `programme`, `theme_slug`, `theme_title` and `theme_order`.
    """
    problems = []
    in_portal = set(
        Theme.objects.values_list(
            "programme__budget__year", "programme__number", "slug"
        )
    )
    seen = {}
    for row in rows:
        key = (*row.programme, row.theme_slug)
        if key not in in_portal and not row.theme_title:
            problems.append(
                Problem(
                    _(
                        "onbekend onderdeel '%(slug)s'; vul de titel van het "
                        "onderdeel in om het aan te maken"
                    )
                    % {"slug": row.theme_slug},
                    row.row,
                    "onderdeel",
                    sheet,
                )
            )
        attributes = (row.theme_title, row.theme_order)
        first = seen.setdefault(key, (attributes, row.row))
        if first[0] != attributes:
            problems.append(
                Problem(
                    _("verschilt van rij %(other)s voor hetzelfde onderdeel")
                    % {"other": first[1]},
                    row.row,
                    "onderdeel",
                    sheet,
                )
            )
    return problems


class Table:
    """One kind of table a budget file may hold; actions.py and indicators.py
    each define one."""

    name: str  # the sheet's name in the template
    about: str  # what a row is, for the template's explanation
    columns: list[Column]
    recognised_by: set[str]  # a sheet with one of these columns is this kind

    def read_rows(self, frame: pd.DataFrame, sheet: str | None):
        """The rows as values, and the problems of single cells."""
        raise NotImplementedError

    def check(self, rows, sheet: str | None) -> list[Problem]:
        """Problems between rows and with what the portal has."""
        raise NotImplementedError

    def writer(self, result: ImportResult, user) -> RecordWriter:
        """Writes the rows with .write_rows(rows)."""
        raise NotImplementedError


def rows_of(frame: pd.DataFrame):
    """(row number, {column: cell}) for every row: plain dicts, which a reader
    asks a tenth of the time a pandas row takes. Tells the progress page how
    far the reading is."""
    total = len(frame)
    for done, item in enumerate(frame.to_dict("index").items()):
        if done % PROGRESS_EVERY == 0:
            progress.report(progress.CHECKING, done, total)
        yield item
    progress.report(progress.CHECKING, total, total)


def read_all(frame: pd.DataFrame, sheet, read_row):
    """Every row read by `read_row(cells, row, sheet) -> (values, problems)`."""
    rows, problems = [], []
    for row, cells in rows_of(frame):
        values, row_problems = read_row(cells, row, sheet)
        rows.append(values)
        problems += row_problems
    return rows, problems


# Rows between two reports to the progress page (a report is a cache write).
PROGRESS_EVERY = 2_000


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


def import_tables():
    """Every kind of table, in the order the import writes them (whatever the
    order of the sheets in the file) and recognises them: what a row refers to
    (a budget, an agenda, a programme, a part) is written before the row, and
    a table whose columns another has too (an agenda's omschrijving, a text's
    tekst and onderdeel) is recognised by its own columns first."""
    # Here rather than at the top: the tables build on this module.
    from .actions import ACTIONS
    from .agendas import AGENDAS
    from .budgets import BUDGETS
    from .glossary import GLOSSARY
    from .indicators import INDICATOR_VALUES
    from .money import CHANGES, MONEY
    from .narrative import PROGRAMMES, SUMS, TEXTS
    from .population import POPULATION
    from .references import REFERENCES

    return [
        BUDGETS,
        AGENDAS,
        GLOSSARY,
        POPULATION,
        PROGRAMMES,
        TEXTS,
        REFERENCES,
        INDICATOR_VALUES,
        ACTIONS,
        CHANGES,
        MONEY,
        SUMS,
    ]


def table_of(sheet: Sheet) -> Table | None:
    """Which kind of table a sheet holds, judged by its columns."""
    columns = set(sheet.frame.columns)
    return next((t for t in import_tables() if columns & t.recognised_by), None)


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
    order = import_tables()
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
