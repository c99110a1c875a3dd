"""Reads of indicators that several pages share."""

from dataclasses import dataclass

from django.db.models import F, Prefetch

from .models import Indicator, IndicatorValue, ValueKind


@dataclass
class IndicatorRow:
    indicator: Indicator
    # One IndicatorValue or None per budget year, in year order: of the table's
    # kind, or a measurement (kengetal) where a budget has no goal.
    values: list
    name_rowspan: int  # 0 when the name is shown by the row above


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
    """Every public indicator (of a programme) with its value per budget year.

    Rows that share a name (one table row of the budget that carries two measures)
    are grouped: the first carries the name with a rowspan. A staff preview passes
    public_only=False to include draft indicators.
    """
    indicators = (
        Indicator.objects.public() if public_only else Indicator.objects.all()
    ).select_related("programme__budget")
    if programme is not None:
        indicators = indicators.filter(programme=programme)
    # The year as a column, not a Budget per value: the overview reads 3,000
    # values at the benchmark's large size.
    # Only what the tables show: a tenth of the programme page's time went to
    # reading and converting the other columns of 250 values.
    # A budget year without a goal shows its measurement (kengetal), marked as
    # one: entered as what it is, it must not vanish from the table.
    values = (
        (IndicatorValue.objects.public() if public_only else IndicatorValue.objects)
        .filter(kind__in=_shown_kinds(kind))
        .only("indicator_id", "kind", "value", "measured_year", "note", "note_en")
        .annotate(budget_year=F("budget__year"))
    )
    if years is not None:
        values = values.filter(budget__year__in=years)
    indicators = list(indicators.prefetch_related(Prefetch("values", queryset=values)))
    if years is None:
        # A year of only empty values ('-', or a budget that only future targets
        # brought in) is no column: it would say 'geen waarde' everywhere.
        years = sorted(
            {
                v.budget_year
                for i in indicators
                for v in i.values.all()
                if v.value is not None
            }
        )
    rows = []
    for indicator in indicators:
        by_year = {}
        for value in indicator.values.all():
            shown = by_year.get(value.budget_year)
            # A figure before an empty value; of two, the table's kind (the goal).
            if shown is None or _rank(value, kind) > _rank(shown, kind):
                by_year[value.budget_year] = value
        if rows and rows[-1].indicator.name == indicator.name:
            first = next(r for r in reversed(rows) if r.name_rowspan)
            first.name_rowspan += 1
            rowspan = 0
        else:
            rowspan = 1
        rows.append(
            IndicatorRow(
                indicator=indicator,
                values=[by_year.get(year) for year in years],
                name_rowspan=rowspan,
            )
        )
    return IndicatorYearTable(years=years, rows=rows)


def _shown_kinds(kind: str) -> list[str]:
    """A table of goals shows a budget's measurement where it has no goal."""
    return [kind, ValueKind.MEASURED] if kind == ValueKind.BUDGETED else [kind]


def _rank(value, kind) -> tuple:
    return (value.value is not None, value.kind == kind)


def years_with_values(*, kind: str = ValueKind.BUDGETED) -> list[int]:
    """The years of the budgets that have a public figure of `kind`, oldest first:
    the years a comparison offers (a draft budget, or one with only empty values,
    is none)."""
    return list(
        IndicatorValue.objects.public()
        .filter(kind__in=_shown_kinds(kind), value__isnull=False)
        .order_by("budget__year")
        .values_list("budget__year", flat=True)
        .distinct()
    )
