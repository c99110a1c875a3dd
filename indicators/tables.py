"""django-tables2 tables of indicators: values per year and their change."""

from decimal import Decimal
from functools import partial, total_ordering

import django_tables2 as tables

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from web.params import TableConfig

from .comparisons import Change, format_absolute_change, format_percent_change
from .formatting import format_value, kind_note, realised_note


@total_ordering
class Cell:
    """A figure with its Dutch text; sorts with 'geen waarde' first, never as 0."""

    def __init__(self, number: Decimal | None, text, note: str = ""):
        """`text` may be a callable: formatted only if the cell is shown."""
        self.number = number
        self._text = text
        self.note = note

    @property
    def text(self) -> str:
        # Sorting needs every row's number, but a page shows only some rows.
        if callable(self._text):
            self._text = self._text()
        return self._text

    def _key(self):
        return (self.number is not None, self.number or 0)

    @staticmethod
    def _other(other):
        # django-tables2 compares with None where a row lacks the column.
        return other._key() if isinstance(other, Cell) else (False, 0)

    def __eq__(self, other):
        return self._key() == self._other(other)

    def __lt__(self, other):
        return self._key() < self._other(other)

    __hash__ = None

    def __str__(self):
        return self.text


class CellColumn(tables.Column):
    """A right-aligned column of Cells, with a value's note shown beside it."""

    def __init__(self, **kwargs):
        attrs = {"td": {"class": "number"}, "th": {"class": "number"}}
        # No empty values: a Cell of 'geen waarde' must say so, not show a dash.
        super().__init__(attrs=attrs, empty_values=(), **kwargs)

    def render(self, value):
        if value.note:
            return format_html(
                '{} <span class="note">({})</span>', value.text, value.note
            )
        return value.text


class IndicatorValuesTable(tables.Table):
    name = tables.Column(
        verbose_name=gettext_lazy("Beleidsindicator"),
        linkify=lambda record: record["url"],
    )
    unit = tables.Column(verbose_name=gettext_lazy("Eenheid"))
    programme = tables.Column(verbose_name=gettext_lazy("Programma"))

    class Meta:
        orderable = True
        attrs = {"class": "data-table"}


def indicator_values_table(
    *, table, old_year=None, new_year=None, request=None, per_page=None
):
    """A table of every indicator with a column per year and the change between two.

    `table` is an IndicatorYearTable from the selectors. Without years, the change
    is between the two newest years. With `per_page`, the table is paginated; each
    record keeps its IndicatorRow under "row" for what the page shows beside it.
    """
    years = table.years
    if old_year is None and len(years) >= 2:
        old_year, new_year = years[-2], years[-1]
    extra = [
        (
            f"y{year}",
            CellColumn(verbose_name=str(year)),
        )
        for year in years
    ]
    if old_year is not None and new_year is not None:
        years_between = {"old": old_year, "new": new_year}
        extra += [
            (
                "change",
                CellColumn(verbose_name=_("Verschil %(old)s–%(new)s") % years_between),
            ),
            (
                "change_percent",
                CellColumn(
                    verbose_name=_("Verschil in %% %(old)s–%(new)s") % years_between
                ),
            ),
        ]
    data = []
    for row in table.rows:
        indicator = row.indicator
        record = {
            "name": indicator.localized("name"),
            "url": indicator.get_absolute_url(),
            "unit": indicator.localized("unit"),
            "programme": str(indicator.programme),
            "row": row,
        }
        numbers, kinds = {}, {}
        unit = indicator.localized("unit")
        for year, value, realised in zip(
            years, row.values, row.realised or [None] * len(years), strict=True
        ):
            number = value.value if value else None
            numbers[year] = number
            kinds[year] = value.kind if value else None
            note = "; ".join(
                text
                for text in (
                    kind_note(value),
                    value.note if value else "",
                    realised_note(realised, unit=unit, unit_kind=indicator.unit_kind),
                )
                if text
            )
            text = partial(
                format_value, number, unit=unit, unit_kind=indicator.unit_kind
            )
            record[f"y{year}"] = Cell(number, text, note)
        if old_year is not None and new_year is not None:
            old_kind, new_kind = kinds.get(old_year), kinds.get(new_year)
            if old_kind and new_kind and old_kind != new_kind:
                # Like with like: a measurement is no goal of another year.
                record["change"] = Cell(None, _("niet vergelijkbaar"))
                record["change_percent"] = Cell(None, _("niet vergelijkbaar"))
                data.append(record)
                continue
            change = Change.between(numbers.get(old_year), numbers.get(new_year))
            record["change"] = Cell(
                change.absolute,
                partial(format_absolute_change, indicator, change.absolute),
            )
            record["change_percent"] = Cell(
                change.percent, partial(format_percent_change, change.percent)
            )
        data.append(record)
    result = IndicatorValuesTable(data, extra_columns=extra)
    if request is not None:
        TableConfig(request, per_page=per_page).configure(result)
    return result
