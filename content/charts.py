"""The portal's one chart style, for every plotly figure whatever it shows.

Figures travel to the page as JSON (json_script, templates/_chart.html) and
static/js/charts.js draws them with plotly.js; the page's table and sentence carry the
same figures without it.
"""

import json

from django.utils import formats

# Colours with at least 4.5:1 contrast on white (WCAG 1.4.11 needs 3:1).
RED = "#a3112a"  # Hengelo red
BLUE = "#1f4e79"
BLACK = "#1a1a1a"
BROWN = "#5c4a00"
GRID = "#d9d9d9"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


# An axis of amounts: whole numbers with the page's thousands separator ("€ 70.000.000"
# in Dutch), not plotly's SI suffixes ("70M", "100k"), which no Dutch reader uses.
AMOUNT_AXIS = {"tickformat": ",d", "separatethousands": True, "automargin": True}


def title_lines(text: str, width: int = 38) -> str:
    """A chart title broken over lines (plotly's <br>): plotly does not wrap a title,
    and on a phone of 390 px a long one was cut off."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def base_layout(title: str, **extra) -> dict:
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        # The active language's: "6.500,5" in Dutch, "6,500.5" in English.
        "separators": formats.get_format("DECIMAL_SEPARATOR")
        + formats.get_format("THOUSAND_SEPARATOR"),
        "font": {"family": FONT, "size": 14, "color": BLACK},
        "template": "none",
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 70, "r": 20, "t": 60, "b": 60},
        "legend": {"orientation": "h", "y": -0.2},
        **extra,
    }


# What plotly's graph objects make of the template "none": the same for a figure
# built as plain dicts.
NO_TEMPLATE = {"data": {"scatter": [{"type": "scatter"}]}}


def plain_figure(traces: list[dict], layout: dict) -> dict:
    """A figure built as plain dicts, as figure_json would give it: without
    plotly's graph objects, which validate every property on every request
    (tests/money/test_charts.py has plotly check these)."""
    return {"data": traces, "layout": {**layout, "template": NO_TEMPLATE}}


def figure_json(figure) -> dict:
    """A plotly Figure as the plain dict the page embeds."""
    return json.loads(figure.to_json())
