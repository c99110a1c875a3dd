"""What every import shares: the columns it expects, the problems it finds, the
result it reports, and a reader that checks the cells of one row."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .cells import (
    cell_text,
    choice_from_text,
    choice_labels,
    parse_number,
    parse_whole_number,
    parse_year,
)


@dataclass(frozen=True)
class Column:
    """A column of an open data file, explained on the Open data page."""

    name: str
    description: str
    required: bool = False  # an import refuses a file without it


def missing_columns(frame: pd.DataFrame, columns: list[Column], sheet=None):
    """A problem for every required column the file does not have."""
    return [
        Problem(_("deze verplichte kolom ontbreekt"), column=column.name, sheet=sheet)
        for column in columns
        if column.required and column.name not in frame.columns
    ]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an uploaded file, said in plain Dutch."""

    message: str
    row: int | None = None  # the row number a spreadsheet program shows
    column: str | None = None
    sheet: str | None = None

    def __str__(self):
        where = []
        if self.sheet:
            where.append(_("blad %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            where.append(_("rij %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("kolom %(column)s") % {"column": self.column})
        if not where:
            return self.message
        return f"{', '.join(where)}: {self.message}"


class Outcome:
    CREATED = "created"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    @staticmethod
    def label(outcome: str) -> str:
        return {
            Outcome.CREATED: _("nieuw"),
            Outcome.CHANGED: _("gewijzigd"),
            Outcome.UNCHANGED: _("ongewijzigd"),
        }[outcome]


@dataclass(frozen=True)
class Change:
    """What an import did (or, in a preview, would do) to one record."""

    outcome: str  # an Outcome
    what: str  # the kind of record, e.g. 'waarde'
    description: str


@dataclass
class ImportResult:
    """The outcome of an import: its changes, or its problems and no changes."""

    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def record(self, outcome: str, what: str, description: str) -> None:
        self.changes.append(Change(outcome, what, description))

    def of(self, outcome: str) -> list[Change]:
        return [change for change in self.changes if change.outcome == outcome]

    @property
    def created(self) -> list[Change]:
        return self.of(Outcome.CREATED)

    @property
    def changed(self) -> list[Change]:
        return self.of(Outcome.CHANGED)

    @property
    def unchanged(self) -> list[Change]:
        return self.of(Outcome.UNCHANGED)

    def extend(self, other: "ImportResult") -> None:
        self.changes.extend(other.changes)
        self.problems.extend(other.problems)

    def summary(self) -> str:
        return _(
            "%(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd"
        ) % {
            "created": len(self.created),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
        }


class RowReader:
    """Reads the cells of one row, collecting every problem instead of stopping."""

    def __init__(self, frame_row: pd.Series, row: int, sheet: str | None):
        self.cells = frame_row
        self.row = row
        self.sheet = sheet
        self.problems: list[Problem] = []

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(message, self.row, column, self.sheet))

    def has(self, column: str) -> bool:
        return column in self.cells.index

    def text(self, column: str, *, required=False, max_length=None) -> str:
        value = cell_text(self.cells.get(column))
        if required and not value:
            self.problem(column, _("is leeg; vul dit in"))
        if max_length and len(value) > max_length:
            self.problem(
                column,
                _("is te lang: %(length)s tekens, hoogstens %(max)s")
                % {"length": len(value), "max": max_length},
            )
        return value

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

    def whole_number(self, column: str, *, required=False) -> int | None:
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
        return value

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


def unique_slug(queryset, text: str, *, fallback: str) -> str:
    """A slug made from `text` that no record in `queryset` has yet."""
    slug = base = slugify(text)[:190] or fallback
    number = 1
    while queryset.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
