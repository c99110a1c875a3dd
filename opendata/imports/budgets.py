"""The budgets table of a budget file ("begrotingen"): each budget's year, titles
and publication, in the format exports.budgets_frame writes.

Publishing stays with whoever may change budgets (a Beheerder, or the
import_budget command): a Redacteur's file creates a new budget as a draft and
may not change an existing one.
"""

from dataclasses import dataclass

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.models import PublicationStatus
from content.services import field_labels
from programmes.models import Budget

from ..columns import BUDGET_COLUMNS
from .results import Problem
from .rows import RowReader, Table, duplicate_problems, read_all
from .writer import RecordWriter

# The column of each field the file gives, to name the first cell that differs.
_COLUMNS = {
    "title": "titel",
    "description": "omschrijving",
    "title_en": "titel_en",
    "description_en": "omschrijving_en",
    "publication_status": "publicatie",
}


@dataclass
class BudgetRow:
    row: int
    year: int | None
    title: str
    description: str
    english: dict
    status: str | None  # None: the cell is empty, keep what the portal has


def _read_budget(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    values = BudgetRow(
        row=row,
        year=reader.year("begrotingsjaar", required=True),
        title=reader.text("titel", required=True, max_length=200),
        description=reader.text("omschrijving"),
        english=reader.english(
            Budget, {"title": "titel", "description": "omschrijving"}
        ),
        status=reader.choice("publicatie", PublicationStatus)
        if reader.text("publicatie")
        else None,
    )
    return values, reader.problems


def _check_budgets(rows: list[BudgetRow], sheet) -> list[Problem]:
    return duplicate_problems(
        rows,
        key=lambda row: row.year,
        column="begrotingsjaar",
        message=_("dubbele rij: dezelfde begroting staat ook in rij %(other)s"),
        sheet=sheet,
    )


def may_change_budgets(user) -> bool:
    """The command line (no user) and a Beheerder may; a Redacteur may not."""
    return user is None or user.has_perm("programmes.change_budget")


class _BudgetWriter(RecordWriter):
    def write_rows(self, rows: list[BudgetRow]) -> None:
        allowed = may_change_budgets(self.user)
        existing = Budget.objects.select_for_update().in_bulk(
            [row.year for row in rows], field_name="year"
        )
        for row in rows:
            wanted = {"title": row.title, "description": row.description}
            wanted |= row.english
            budget = existing.get(row.year)
            if budget is None:
                self._create(row, wanted, allowed)
                continue
            self.note_budget_written(budget)
            if row.status:
                wanted["publication_status"] = row.status
            differs = [
                name for name, value in wanted.items() if getattr(budget, name) != value
            ]
            if differs and not allowed:
                self.result.problems.append(
                    Problem(
                        _(
                            "alleen een beheerder mag een begroting wijzigen; dit "
                            "bestand wijzigt %(fields)s van de %(budget)s. Neem de "
                            "gegevens van het portaal over of vraag een beheerder"
                        )
                        % {
                            "fields": field_labels(Budget, differs),
                            "budget": budget,
                        },
                        row.row,
                        _COLUMNS[differs[0]],
                        self.sheet,
                    )
                )
                continue
            self.update(budget, "begroting", wanted)
            self.budgets[row.year] = budget

    def _create(self, row: BudgetRow, wanted: dict, allowed: bool) -> None:
        status = row.status if allowed and row.status else PublicationStatus.DRAFT
        budget = Budget.objects.create(
            year=row.year, publication_status=status, **wanted
        )
        self.budgets[row.year] = budget
        self.note_new_budget(budget)


class _Budgets(Table):
    name = "begrotingen"
    about = gettext_lazy("één rij per begroting, met titel en publicatie")
    columns = BUDGET_COLUMNS
    recognised_by = {"publicatie"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_budget)

    def check(self, rows, sheet):
        return _check_budgets(rows, sheet)

    def writer(self, result, user):
        return _BudgetWriter(result, user)


BUDGETS = _Budgets()
