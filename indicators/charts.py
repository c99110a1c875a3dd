"""The plotly figures of the indicators, built on the server in the portal's one
chart style (content/charts.py)."""

import plotly.graph_objects as go

from django.utils.translation import gettext as _

from content.charts import BLACK, BLUE, BROWN, RED, base_layout, figure_json

from .models import Indicator, UnitKind, ValueKind

BUDGETED_COLOUR = RED
REALISED_COLOUR = BLUE
TARGET_COLOUR = BLACK
BASELINE_COLOUR = BROWN


def _axis_title(indicator: Indicator) -> str:
    if indicator.unit_kind == UnitKind.PERCENTAGE:
        return _("Percentage (%)")
    if indicator.unit_kind == UnitKind.EURO:
        return _("Bedrag (€)")
    return _("Aantal %(unit)s") % {"unit": indicator.localized("unit")}


def _number(value):
    return None if value is None else float(value)


def _hover(indicator: Indicator) -> str:
    if indicator.unit_kind == UnitKind.PERCENTAGE:
        return "%{y:,.1f}%"
    if indicator.unit_kind == UnitKind.EURO:
        return "€ %{y:,}"
    return "%{y:,} " + indicator.localized("unit")


def _by_year(values) -> dict:
    """Per year, the figure to draw: a budget's goal for its own year before an
    older budget's goal for that year; of two documents, the newer."""
    chosen = {}
    for value in sorted(values, key=lambda v: (v.year == v.budget.year, v.budget.year)):
        chosen[value.year] = value
    return chosen


def indicator_figure(indicator: Indicator, values) -> dict:
    """Bars of the budgeted (and realised) values per year; targets as a line.

    `values` are the indicator's IndicatorValues with their budget. Each figure
    stands at the year it is about (a kengetal at the year it was measured, a goal
    for 2020 at 2020), and its hover names the document that states it.
    """
    years = sorted({v.year for v in values})
    labels = [str(year) for year in years]
    by_kind = {
        kind: _by_year([v for v in values if v.kind == kind])
        for kind in ValueKind.values
    }

    def numbers(kind):
        return [
            _number(by_kind[kind][year].value) if year in by_kind[kind] else None
            for year in years
        ]

    def documents(kind):
        return [
            str(by_kind[kind][year].budget) if year in by_kind[kind] else ""
            for year in years
        ]

    def hover(name):
        return f"{name} %{{x}} (%{{customdata}}): {_hover(indicator)}<extra></extra>"

    figure = go.Figure()
    for kind, name, colour in (
        (ValueKind.BUDGETED, _("Begroot"), BUDGETED_COLOUR),
        (ValueKind.REALISED, _("Gerealiseerd"), REALISED_COLOUR),
    ):
        if by_kind[kind]:
            figure.add_bar(
                x=labels,
                y=numbers(kind),
                customdata=documents(kind),
                name=name,
                marker_color=colour,
                hovertemplate=hover(name),
            )
    if by_kind[ValueKind.BASELINE]:
        figure.add_scatter(
            x=labels,
            y=numbers(ValueKind.BASELINE),
            customdata=documents(ValueKind.BASELINE),
            name=_("Nulmeting"),
            mode="markers",
            marker={"color": BASELINE_COLOUR, "size": 12, "symbol": "diamond"},
            hovertemplate=hover(_("Nulmeting")),
        )
    if by_kind[ValueKind.MEASURED]:
        # A measurement (kengetal) is a point at the year it was measured, not a
        # bar beside the goals: it is no goal.
        figure.add_scatter(
            x=labels,
            y=numbers(ValueKind.MEASURED),
            customdata=documents(ValueKind.MEASURED),
            name=_("Kengetal (gemeten)"),
            mode="markers",
            marker={"color": REALISED_COLOUR, "size": 12, "symbol": "circle"},
            hovertemplate=hover(_("Kengetal (gemeten)")),
        )
    targets = by_kind[ValueKind.TARGET]
    if targets:
        line = {"color": TARGET_COLOUR, "dash": "dash", "width": 2}
        if len(targets) == 1:
            # One long-term target: a level across the chart, as the budget
            # means it.
            target = next(iter(targets.values()))
            figure.add_scatter(
                x=labels,
                y=[_number(target.value)] * len(labels),
                customdata=[str(target.budget)] * len(labels),
                name=_("Streefwaarde"),
                mode="lines",
                line=line,
                hovertemplate=hover(_("Streefwaarde")),
            )
        else:
            figure.add_scatter(
                x=labels,
                y=numbers(ValueKind.TARGET),
                customdata=documents(ValueKind.TARGET),
                name=_("Streefwaarde"),
                mode="lines+markers",
                line=line,
                connectgaps=True,
                hovertemplate=hover(_("Streefwaarde")),
            )
    # Years without a value get a visible label instead of a silent gap.
    missing = [
        str(year)
        for year in years
        if year in by_kind[ValueKind.BUDGETED]
        and by_kind[ValueKind.BUDGETED][year].value is None
    ]
    annotations = [
        {
            "x": label,
            "y": 0,
            "yref": "y",
            "text": _("geen waarde"),
            "showarrow": False,
            "yanchor": "bottom",
            "font": {"color": "#4a4a4a"},
        }
        for label in missing
    ]
    figure.update_layout(
        base_layout(
            _("%(name)s: %(axis)s per jaar")
            % {
                "name": indicator.localized("name"),
                "axis": _axis_title(indicator).lower(),
            },
            xaxis={"title": {"text": _("Jaar")}, "type": "category"},
            yaxis={
                "title": {"text": _axis_title(indicator)},
                "rangemode": "tozero",
                "gridcolor": "#d9d9d9",
                "ticksuffix": "%" if indicator.unit_kind == UnitKind.PERCENTAGE else "",
            },
            barmode="group",
            annotations=annotations,
            showlegend=len(figure.data) > 1,
        )
    )
    return figure_json(figure)


def _short_title(indicator: Indicator, length: int = 42) -> str:
    name = indicator.localized("name")
    if len(name) > length:
        name = name[: length - 1].rstrip() + "…"
    unit = indicator.localized("unit")
    return f"{name}<br>({unit})"


def _axis_name(kind: str, index: int) -> str:
    return kind if index == 1 else f"{kind}{index}"


def overview_figure(rows, years) -> dict:
    """Small multiples: one small bar chart per indicator, each on its own scale.

    Indicators with different units stay comparable by their shape over the years.
    `rows` are (indicator, [value or None per year]) pairs.

    Built as the plain figure dict that plotly's make_subplots would make: its
    validation cost about 12 ms per small chart on every request (profiled with
    cProfile in the benchmark), more than the rest of the page.
    """
    columns = 2
    count = max(len(rows), 1)
    rows_needed = (count + columns - 1) // columns
    h_spacing = 0.2 / columns
    v_spacing = min(0.3 / rows_needed + 0.05, 0.2)
    if rows_needed > 1:  # the spacing may never eat the plots' own height
        v_spacing = min(v_spacing, 0.5 / (rows_needed - 1))
    width = (1 - h_spacing * (columns - 1)) / columns
    height = (1 - v_spacing * (rows_needed - 1)) / rows_needed
    labels = [str(year) for year in years]
    data, axes, annotations = [], {}, []
    for position, (indicator, values) in enumerate(rows):
        row, column = divmod(position, columns)
        index = position + 1
        left = column * (width + h_spacing)
        top = 1 - row * (height + v_spacing)
        x_name, y_name = _axis_name("x", index), _axis_name("y", index)
        data.append(
            {
                "type": "bar",
                "x": labels,
                "y": [_number(v) for v in values],
                "marker": {"color": BUDGETED_COLOUR},
                "name": indicator.localized("name"),
                "showlegend": False,
                "hovertemplate": f"%{{x}}: {_hover(indicator)}<extra></extra>",
                "xaxis": x_name,
                "yaxis": y_name,
            }
        )
        axes[_axis_name("xaxis", index)] = {
            "anchor": y_name,
            "domain": [left, left + width],
            "type": "category",
        }
        axes[_axis_name("yaxis", index)] = {
            "anchor": x_name,
            "domain": [max(top - height, 0), top],
            "rangemode": "tozero",
            "gridcolor": "#d9d9d9",
        }
        annotations.append(
            {
                "text": _short_title(indicator),
                "x": left + width / 2,
                "y": top,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    return {
        "data": data,
        "layout": base_layout(
            _("Beleidsindicatoren per jaar, elk op eigen schaal"),
            height=300 * rows_needed + 80,
            annotations=annotations,
            **axes,
        ),
    }
