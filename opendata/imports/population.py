"""The inhabitants table of a budget file ("inwoners"): the number of inhabitants
per year that the amounts per inhabitant are worked out with, in the format
exports.population_frame writes."""

from dataclasses import dataclass
from functools import partial

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from money.models import Population

from ..columns import POPULATION_COLUMNS
from .results import Problem
from .rows import RowReader, Table, duplicate_problems, read_all
from .writer import Batch, RecordWriter

# PositiveIntegerField: what every database behind Django holds.
_MOST_INHABITANTS = 2_147_483_647


@dataclass
class PopulationRow:
    row: int
    year: int | None
    fields: dict


def _read_population(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    # A number as people write it: 81000 or 81.000.
    number = reader.number("inwoners")
    inhabitants = None
    if number is None and not reader.problems:
        reader.problem("inwoners", _("is leeg; vul een getal in"))
    elif number is not None and (
        number != number.to_integral_value() or not 0 < number <= _MOST_INHABITANTS
    ):
        reader.problem(
            "inwoners",
            _("kan niet 0 zijn; vul het aantal inwoners in")
            if number == 0
            else _("'%(value)s' is geen aantal inwoners") % {"value": number},
        )
    elif number is not None:
        inhabitants = int(number)
    values = PopulationRow(
        row=row,
        year=reader.year("jaar", required=True),
        fields={
            "inhabitants": inhabitants,
            "counted_on": reader.date("peildatum", required=True),
            "source": reader.text("bron", required=True, max_length=300),
        },
    )
    return values, reader.problems


def _check_population(rows: list[PopulationRow], sheet) -> list[Problem]:
    return duplicate_problems(
        rows,
        key=lambda row: row.year,
        column="jaar",
        message=_("dubbele rij: hetzelfde jaar staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _PopulationWriter(RecordWriter):
    def write_rows(self, rows: list[PopulationRow]) -> None:
        existing = Population.objects.select_for_update().in_bulk(
            [row.year for row in rows], field_name="year"
        )
        batch = Batch(Population)
        for row in rows:
            self.put(
                batch,
                existing.get(row.year),
                row.fields,
                new=partial(Population, year=row.year),
                what="inwonertal",
                described=f"{row.year}: {row.fields['inhabitants']}",
            )
        batch.save(self.user)


class _Population(Table):
    name = "inwoners"
    about = gettext_lazy("het aantal inwoners, één rij per jaar")
    columns = POPULATION_COLUMNS
    recognised_by = {"inwoners", "peildatum"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_population)

    def check(self, rows, sheet):
        return _check_population(rows, sheet)

    def writer(self, result, user):
        return _PopulationWriter(result, user)


POPULATION = _Population()
