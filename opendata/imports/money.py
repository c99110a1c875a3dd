"""The money table of a budget file ("Wat mag het kosten?"), in the format
exports.financial_figures_frame writes: one row per programme, document, line and
year, the amount as published with its unit."""

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.cells import dutch_number
from content.services import field_labels
from money.models import (
    FigureKind,
    FinancialFigure,
    FinancialLine,
    MoneyUnit,
    ProductChange,
)

from ..columns import CHANGE_COLUMNS, MONEY_COLUMNS
from .results import Outcome, Problem
from .rows import RowReader, Table, duplicate_problems, programme_problems, read_all
from .writer import Batch, RecordWriter


@dataclass
class MoneyRow:
    row: int
    programme: tuple[int, int]  # (budget year, number)
    programme_title: str
    document_year: int
    line: str
    year: int
    kind: str
    amount: Decimal
    unit: str

    @property
    def key(self):
        return (self.programme, self.document_year, self.line, self.year)


def _read_row(cells: dict, row: int, sheet: str | None):
    reader = RowReader(cells, row, sheet)
    amount = reader.number("bedrag")
    if amount is None and not reader.problems:
        reader.problem("bedrag", _("is leeg; vul het bedrag in zoals gepubliceerd"))
    elif amount is not None:
        if abs(amount) >= 10**12:
            reader.problem("bedrag", _("is te groot"))
        elif amount != amount.quantize(Decimal("0.01")):
            reader.problem("bedrag", _("heeft meer dan twee cijfers achter de komma"))
    values = MoneyRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        document_year=reader.year("document", required=True),
        line=reader.choice("regel", FinancialLine),
        year=reader.year("jaar", required=True),
        kind=reader.choice("soort", FigureKind),
        amount=amount,
        unit=reader.choice("eenheid", MoneyUnit),
    )
    return values, reader.problems


def _check_file(rows: list[MoneyRow], sheet: str | None) -> list[Problem]:
    """One row per line and year of a document; one kind per year of a document."""
    problems = programme_problems(rows, sheet)
    seen, kinds = {}, {}
    for row in rows:
        if row.key in seen:
            problems.append(
                Problem(
                    _(
                        "dubbele rij: hetzelfde programma, document, dezelfde regel "
                        "en hetzelfde jaar staan ook in rij %(other)s"
                    )
                    % {"other": seen[row.key]},
                    row.row,
                    "jaar",
                    sheet,
                )
            )
        seen.setdefault(row.key, row.row)
        year_key = (row.programme, row.document_year, row.year)
        first = kinds.setdefault(year_key, row)
        if first.kind != row.kind:
            problems.append(
                Problem(
                    _(
                        "'%(value)s' verschilt van rij %(other)s: een jaar heeft in "
                        "één document één soort (rekening, begroting of raming)"
                    )
                    % {"value": FigureKind(row.kind).label, "other": first.row},
                    row.row,
                    "soort",
                    sheet,
                )
            )
    return problems


def _shown(amount: Decimal, unit: str) -> str:
    return f"{dutch_number(amount)} ({MoneyUnit(unit).label})"


class _MoneyWriter(RecordWriter):
    """Every figure of the file: its programmes and documents first, then the
    figures in one batch, read and locked in one query."""

    def write_rows(self, rows: list[MoneyRow]) -> None:
        self.programmes_of(rows)
        for row in rows:
            self.budget(row.document_year)
        programmes = {self.programmes[row.programme].pk for row in rows}
        existing = {
            (figure.programme_id, figure.document_id, figure.line, figure.year): figure
            for figure in FinancialFigure.objects.select_for_update(of=("self",))
            .filter(programme__in=programmes)
            .order_by()
        }
        batch = Batch(FinancialFigure)
        for row in rows:
            self.figure(row, existing, batch)
        batch.save(self.user)

    def figure(self, row: MoneyRow, existing: dict, batch: Batch) -> None:
        programme = self.programmes[row.programme]
        document = self.budgets[row.document_year]
        described = (
            f"{programme}, {document}: {FinancialLine(row.line).label} {row.year}"
        )
        wanted = {"kind": row.kind, "amount": row.amount, "unit": row.unit}
        figure = existing.get((programme.pk, document.pk, row.line, row.year))
        if figure is None:
            figure = FinancialFigure(
                programme=programme, document=document, line=row.line, year=row.year,
                **wanted,
            )  # fmt: skip
            batch.create(figure)
            self.result.record(
                Outcome.CREATED,
                "bedrag",
                f"{described}: {_shown(row.amount, row.unit)}",
            )
            self.history(Outcome.CREATED, figure)
            return
        before = _shown(figure.amount, figure.unit)
        changed = batch.change(figure, wanted)
        if not changed:
            self.result.record(Outcome.UNCHANGED, "bedrag", f"{described}: {before}")
            return
        self.history(Outcome.CHANGED, figure)
        self.result.record(
            Outcome.CHANGED,
            "bedrag",
            f"{described}: {before} → {_shown(row.amount, row.unit)}"
            if {"amount", "unit"} & set(changed)
            else f"{described}: {field_labels(FinancialFigure, changed)}",
        )


class _Money(Table):
    name = "financien"
    about = gettext_lazy("lasten en baten, één rij per regel en jaar")
    columns = MONEY_COLUMNS
    recognised_by = {"regel"}

    def read_rows(self, frame: pd.DataFrame, sheet: str | None):
        return read_all(frame, sheet, _read_row)

    def check(self, rows, sheet):
        return _check_file(rows, sheet)

    def writer(self, result, user):
        return _MoneyWriter(result, user)


MONEY = _Money()


# --- The explained changes per product -----------------------------------------------


@dataclass
class ChangeRow:
    row: int
    programme: tuple[int, int]
    programme_title: str
    document_year: int
    order: int | None
    product_code: str
    product_name: str
    task_field_code: str
    task_field_name: str
    amount: Decimal
    unit: str
    explanation: str
    english: dict


def _read_change(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    amount = reader.number("verschil")
    if amount is None and not reader.problems:
        reader.problem("verschil", _("is leeg; vul het verschil in"))
    values = ChangeRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        document_year=reader.year("document", required=True),
        order=reader.whole_number("volgorde"),
        product_code=reader.text("productcode", required=True, max_length=20),
        product_name=reader.text("product", required=True, max_length=200),
        task_field_code=reader.text("taakveld_code", max_length=10),
        task_field_name=reader.text("taakveld", max_length=200),
        amount=amount,
        unit=reader.choice("eenheid", MoneyUnit),
        explanation=reader.text("toelichting", required=True),
        english=reader.english(
            ProductChange,
            {
                "product_name": "product",
                "task_field_name": "taakveld",
                "explanation": "toelichting",
            },
        ),
    )
    return values, reader.problems


def _check_changes(rows: list[ChangeRow], sheet) -> list[Problem]:
    return programme_problems(rows, sheet) + duplicate_problems(
        rows,
        key=lambda row: (row.programme, row.document_year, row.product_code),
        column="productcode",
        message=_(
            "dubbele rij: hetzelfde product staat voor dit document ook in rij "
            "%(other)s"
        ),
        sheet=sheet,
    )


class _ChangeWriter(RecordWriter):
    def write_rows(self, rows: list[ChangeRow]) -> None:
        self.programmes_of(rows)
        for row in rows:
            self.budget(row.document_year)
        existing = {
            (c.programme_id, c.document_id, c.product_code): c
            for c in ProductChange.objects.select_for_update(of=("self",))
            .filter(programme__in={self.programmes[r.programme].pk for r in rows})
            .order_by()
        }
        batch = Batch(ProductChange)
        for row in rows:
            programme = self.programmes[row.programme]
            document = self.budgets[row.document_year]
            wanted = {
                "product_name": row.product_name,
                "task_field_code": row.task_field_code,
                "task_field_name": row.task_field_name,
                "amount": row.amount,
                "unit": row.unit,
                "explanation": row.explanation,
            } | row.english
            if row.order is not None:
                wanted["order"] = row.order
            self.put(
                batch,
                existing.get((programme.pk, document.pk, row.product_code)),
                wanted,
                new=partial(
                    ProductChange,
                    programme=programme,
                    document=document,
                    product_code=row.product_code,
                ),
                what="verschil",
                described=f"{document}: {row.product_code} {row.product_name}",
            )
        batch.save(self.user)


class _Changes(Table):
    name = "verschillen"
    about = gettext_lazy("de toelichting op de verschillen, één rij per product")
    columns = CHANGE_COLUMNS
    recognised_by = {"productcode", "verschil"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_change)

    def check(self, rows, sheet):
        return _check_changes(rows, sheet)

    def writer(self, result, user):
        return _ChangeWriter(result, user)


CHANGES = _Changes()
