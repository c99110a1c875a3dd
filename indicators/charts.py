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


def indicator_figure(indicator: Indicator, values) -> dict:
    """Bars of the budgeted (and realised) values per budget year; target as a line.

    `values` are the indicator's IndicatorValues with their budget.
    """
    years = sorted({v.budget.year for v in values})
    labels = [str(year) for year in years]
    by_kind = {kind: {} for kind in ValueKind.values}
    for value in values:
        by_kind[value.kind][value.budget.year] = value.value

    figure = go.Figure()
    for kind, name, colour in (
        (ValueKind.BUDGETED, _("Begroot"), BUDGETED_COLOUR),
        (ValueKind.REALISED, _("Gerealiseerd"), REALISED_COLOUR),
    ):
        if by_kind[kind]:
            figure.add_bar(
                x=labels,
                y=[_number(by_kind[kind].get(year)) for year in years],
                name=name,
                marker_color=colour,
                hovertemplate=f"{name} %{{x}}: {_hover(indicator)}<extra></extra>",
            )
    if by_kind[ValueKind.BASELINE]:
        figure.add_scatter(
            x=labels,
            y=[_number(by_kind[ValueKind.BASELINE].get(year)) for year in years],
            name=_("Nulmeting"),
            mode="markers",
            marker={"color": BASELINE_COLOUR, "size": 12, "symbol": "diamond"},
        )
    if by_kind[ValueKind.MEASURED]:
        # A measurement (kengetal) is a point at the budget that reports it, not
        # a bar beside the goals: it is no goal.
        figure.add_scatter(
            x=labels,
            y=[_number(by_kind[ValueKind.MEASURED].get(year)) for year in years],
            name=_("Kengetal (gemeten)"),
            mode="markers",
            marker={"color": REALISED_COLOUR, "size": 12, "symbol": "circle"},
        )
    targets = by_kind[ValueKind.TARGET]
    if targets:
        target = _number(targets[max(targets)])
        figure.add_scatter(
            x=labels,
            y=[target] * len(labels),
            name=_("Streefwaarde"),
            mode="lines",
            line={"color": TARGET_COLOUR, "dash": "dash", "width": 2},
        )
    # Years without a value get a visible label instead of a silent gap.
    missing = [
        str(year)
        for year in years
        if year in by_kind[ValueKind.BUDGETED]
        and by_kind[ValueKind.BUDGETED][year] is None
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
            _("%(name)s: %(axis)s per begroting")
            % {
                "name": indicator.localized("name"),
                "axis": _axis_title(indicator).lower(),
            },
            xaxis={"title": {"text": _("Begroting")}, "type": "category"},
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
            _("Beleidsindicatoren per begroting, elk op eigen schaal"),
            height=300 * rows_needed + 80,
            annotations=annotations,
            **axes,
        ),
    }
