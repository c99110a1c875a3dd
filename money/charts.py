"""The plotly figures of a programme's money, in the portal's chart style.

Each chart has a sentence and a table beside it that carry the same figures. The
change per product is drawn as a waterfall of floating bars (bars with a `base`),
so the page needs no plotly.js bundle beyond the basic one it already serves.
The figures are plain dicts (content.charts.plain_figure), not plotly's graph
objects: validating every property took a quarter of the programme page's time.
"""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from content.cells import year_text
from content.charts import (
    AMOUNT_AXIS,
    BLACK,
    BLUE,
    GRID,
    RED,
    base_layout,
    plain_figure,
    title_lines,
)

from .models import FigureKind, FinancialLine
from .words import change_amount, euros

# Realised years are solid bars; planned ones (budget, estimate) are outlined (white
# inside, a line in the colour): told apart by fill and by the axis label, not by
# colour alone, and the legend says it in those words.
WHITE = "#ffffff"


def _number(amount):
    return float(amount)


def costs_and_income_figure(table) -> dict:
    """Lasten and baten per year of one document, in euros."""
    labels = [
        f"{FigureKind(column.kind).label} {year_text(column.year)}"
        for column in table.columns
    ]
    traces = []
    for line, colour in ((FinancialLine.COSTS, RED), (FinancialLine.INCOME, BLUE)):
        amounts = [table.amount(line, column.year) for column in table.columns]
        if all(amount is None for amount in amounts):
            continue
        name = str(line.label)
        traces.append(
            {
                "type": "bar",
                "x": labels,
                "y": [None if a is None else _number(abs(a)) for a in amounts],
                "name": name,
                "marker": {
                    "color": [
                        colour if column.realised else WHITE for column in table.columns
                    ],
                    "line": {"color": colour, "width": 2},
                },
                "hovertext": [None if a is None else euros(abs(a)) for a in amounts],
                "hovertemplate": f"{name} %{{x}}: %{{hovertext}}<extra></extra>",
            }
        )
    layout = base_layout(
        title_lines(
            _("Lasten en baten per jaar volgens de %(document)s")
            % {"document": table.document}
        ),
        # Slanted, so that six labels fit side by side on a phone.
        xaxis={
            "type": "category",
            "automargin": True,
            "tickangle": -45,
            "tickfont": {"size": 12},
        },
        yaxis={
            "title": {"text": _("Bedrag (€)"), "font": {"size": 12}},
            "rangemode": "tozero",
            "gridcolor": GRID,
            "tickprefix": "€ ",
            **AMOUNT_AXIS,
        },
        barmode="group",
        # The legend above the plot: below it, it covered the slanted labels.
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        margin={"l": 20, "r": 20, "t": 170, "b": 60},
    )
    # The legend's words in the title's subtitle, left-aligned with it: as an
    # annotation over the plot they were cut on a phone. Not as a <span style> in
    # the title: plotly.js writes that as a style attribute, which the Content
    # Security Policy (style-src without 'unsafe-inline') blocks.
    layout["title"] |= {
        "y": 0.93,
        "yanchor": "top",
        "subtitle": {
            "text": "<br>".join(
                (
                    _("Effen: gerealiseerd (rekening)."),
                    _("Omlijnd: begroot of geraamd."),
                )
            ),
            "font": {"size": 12},
        },
    }
    return plain_figure(traces, layout)


def _two_lines(text: str) -> str:
    """ "€ 105.000 voordeel" as amount and word on two lines, to fit a narrow bar."""
    amount, _space, word = text.rpartition(" ")
    return f"{amount}<br>{word}" if amount else text


def changes_figure(document, changes) -> dict:
    """The explained changes per product as a waterfall, ending in their total."""
    labels, bases, heights, colours, patterns, texts = [], [], [], [], [], []
    running = 0.0
    for change in changes:
        amount = _number(change.change.euros)
        # Broken over lines: a phone's 390 px has no room for a long name.
        labels.append(
            title_lines(
                f"{change.change.product_code} "
                f"{change.change.localized('product_name')}",
                width=10,
            )
        )
        bases.append(running if amount >= 0 else running + amount)
        heights.append(abs(amount))
        colours.append(BLUE if amount >= 0 else RED)
        patterns.append("" if amount >= 0 else "x")
        texts.append(_two_lines(change.text))
        running += amount
    labels.append(title_lines(_("Totaal toegelicht"), width=10))
    bases.append(min(running, 0.0))
    heights.append(abs(running))
    colours.append(BLACK)
    patterns.append("")
    texts.append(_two_lines(change_amount(Decimal(str(running)))))
    bars = {
        "type": "bar",
        "x": labels,
        "y": heights,
        "base": bases,
        "marker": {
            "color": colours,
            "pattern": {"shape": patterns, "fgcolor": "#ffffff", "solidity": 0.3},
        },
        "text": texts,
        "textposition": "outside",
        "textfont": {"size": 12},
        # A label above the highest bar stays readable instead of being cut or
        # shrunk to the width of its bar.
        "cliponaxis": False,
        "constraintext": "none",
        "hovertemplate": "%{x}: %{text}<extra></extra>",
        "showlegend": False,
    }
    previous = document.year - 1
    layout = base_layout(
        title_lines(
            _("Verschil per product, %(year)s ten opzichte van %(previous)s")
            % {"year": year_text(document.year), "previous": year_text(previous)}
        ),
        xaxis={"type": "category", "automargin": True, "tickangle": 0},
        yaxis={
            "title": {
                "text": _("Voordeel (+) of nadeel (−) in €"),
                "font": {"size": 12},
            },
            "gridcolor": GRID,
            "zeroline": True,
            "zerolinecolor": BLACK,
            **AMOUNT_AXIS,
        },
        margin={"l": 20, "r": 20, "t": 110, "b": 60},
    )
    return plain_figure([bars], layout)


def shares_sentence(shares) -> str:
    """The home page's bars in one sentence, against the total they are shares of."""
    parts = [
        _("%(programme)s %(percentage)s%% (%(costs)s)")
        % {
            "programme": share.programme,
            "percentage": formats.number_format(share.percentage, 1),
            "costs": share.text,
        }
        for share in shares
    ]
    if shares.published:
        intro = _(
            "Aandeel van elk programma in de lasten van %(year)s, van het totaal "
            "van %(total)s dat de %(document)s publiceert"
        )
    else:
        intro = _(
            "Aandeel in de lasten van %(year)s van de programma's waarvan de "
            "bedragen in de portal staan (samen %(total)s)"
        )
    intro = intro % {
        "year": year_text(shares.year),
        "total": shares.total_text,
        "document": shares.document,
    }
    return f"{intro}: {'; '.join(parts)}."


def money_charts(money) -> dict:
    """The charts of "Wat mag het kosten?" and their sentences, for a context."""
    if money.shown is None:
        return {}
    charts = {"money_chart": costs_and_income_figure(money.shown)}
    changes = money.changes.get(money.shown.document)
    if changes:
        charts["changes_chart"] = changes_figure(money.shown.document, changes)
        charts["changes_sentence"] = changes_sentence(money.shown.document, changes)
    return charts


def changes_sentence(document, changes) -> str:
    parts = [
        f"{change.change.localized('product_name')} {change.text}" for change in changes
    ]
    return _(
        "Verschillen per product in de %(document)s, %(year)s ten opzichte van "
        "%(previous)s: %(parts)s."
    ) % {
        "document": document,
        "year": year_text(document.year),
        "previous": year_text(document.year - 1),
        "parts": "; ".join(parts),
    }
