"""Reads of indicators that several pages share."""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch

from .models import Indicator, IndicatorValue, ValueKind


@dataclass
class IndicatorRow:
    indicator: Indicator
    # One IndicatorValue or None per year (the year a figure is about), in year
    # order: of the table's kind, or where a year has none, a measurement
    # (kengetal) or a realised figure, each marked as what it is.
    values: list
    name_rowspan: int  # 0 when the name is shown by the row above
    # The realised figure of each year where `values` shows another (the goal):
    # the plan and what came of it side by side.
    realised: list = field(default_factory=list)


@dataclass
class IndicatorYearTable:
    years: list
    rows: list


def indicator_year_table(
    *,
    programme=None,
    years=None,
    kind: str = ValueKind.BUDGETED,
    public_only: bool = True,
) -> IndicatorYearTable:
    """Every public indicator (of a programme) with its value per year.

    A column is the year a figure is about, whichever document states it: the
    Begroting 2018's goal for 2020 stands under 2020, a kengetal under the year it
    was measured. Rows that share a name (one table row of the budget that carries
    two measures) are grouped: the first carries the name with a rowspan. A staff
    preview passes public_only=False to include draft indicators.
    """
    indicators = (
        Indicator.objects.public() if public_only else Indicator.objects.all()
    ).select_related("programme__budget")
    if programme is not None:
        indicators = indicators.filter(programme=programme)
    # Only what the tables show: a tenth of the programme page's time went to
    # reading and converting the other columns of 250 values. The document's
    # title names it beside a figure that is not its own year's goal.
    values = (
        (IndicatorValue.objects.public() if public_only else IndicatorValue.objects)
        .filter(kind__in=_shown_kinds(kind))
        .select_related("budget")
        .only(
            "indicator_id",
            "kind",
            "value",
            "year",
            "note",
            "note_en",
            "budget__year",
            "budget__title",
            "budget__title_en",
        )
    )
    if years is not None:
        values = values.filter(year__in=years)
    indicators = list(indicators.prefetch_related(Prefetch("values", queryset=values)))
    if years is None:
        # A year of only empty values ('-') is no column: it would say 'geen
        # waarde' everywhere.
        years = sorted(
            {v.year for i in indicators for v in i.values.all() if v.value is not None}
        )
    rows = []
    for indicator in indicators:
        by_year, realised = {}, {}
        for value in indicator.values.all():
            if value.kind == ValueKind.REALISED and value.value is not None:
                known = realised.get(value.year)
                if known is None or value.budget.year > known.budget.year:
                    realised[value.year] = value
            shown = by_year.get(value.year)
            if shown is None or _rank(value, kind) > _rank(shown, kind):
                by_year[value.year] = value
        if rows and rows[-1].indicator.name == indicator.name:
            first = next(r for r in reversed(rows) if r.name_rowspan)
            first.name_rowspan += 1
            rowspan = 0
        else:
            rowspan = 1
        shown = [by_year.get(year) for year in years]
        rows.append(
            IndicatorRow(
                indicator=indicator,
                values=shown,
                name_rowspan=rowspan,
                realised=[
                    realised.get(year) if value is not realised.get(year) else None
                    for year, value in zip(years, shown, strict=True)
                ],
            )
        )
    return IndicatorYearTable(years=years, rows=rows)


def _shown_kinds(kind: str) -> list[str]:
    """A table of goals shows a year's measurement or realised figure where it
    has no goal."""
    if kind == ValueKind.BUDGETED:
        return [kind, ValueKind.MEASURED, ValueKind.REALISED]
    return [kind]


def _rank(value, kind) -> tuple:
    """A figure before an empty value; the table's kind (the goal) before a
    measurement, a measurement before a realised figure (shown beside the goal
    anyway); a budget's goal for its own year before an older budget's goal for
    that year; of two documents, the newer."""
    return (
        value.value is not None,
        value.kind == kind,
        value.kind != ValueKind.REALISED,
        value.year == value.budget.year,
        value.budget.year,
    )


def years_of_own_goals() -> list[int]:
    """The years whose own budget states a public goal, oldest first: what a
    comparison opens on. A budget's goals for later years are no newer budget."""
    return list(
        IndicatorValue.objects.public()
        .filter(kind=ValueKind.BUDGETED, value__isnull=False, year=F("budget__year"))
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )


def years_with_values(*, kind: str = ValueKind.BUDGETED) -> list[int]:
    """The years that have a public figure of `kind`, oldest first: the years a
    comparison offers (a draft budget's figures, or only empty values, give none)."""
    return list(
        IndicatorValue.objects.public()
        .filter(kind__in=_shown_kinds(kind), value__isnull=False)
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )
