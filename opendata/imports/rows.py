"""What the kinds of table share: reading a row's cells (RowReader), the checks
across rows (duplicates, programmes, parts) and the Table every kind defines. The
table modules build on this; the pipeline reads them through tables.py."""

import datetime
import re
from decimal import Decimal

import pandas as pd

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
from content.text import TEXT_MAX_LENGTH
from programmes.models import Programme, Theme

from ..columns import Column
from . import progress
from .results import ImportResult, Problem
from .writer import RecordWriter

# Rows between two reports to the progress page (a report is a cache write).
PROGRESS_EVERY = 2_000


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
