"""The published budget as open data: frames of actions and of indicator values,
ready for any file format (spreadsheets.py).

What a frame holds never depends on the page it is downloaded from: choices are
written as the file's Dutch words (content.cells.choice_text), titles in their
Dutch fields, so that any download imports unchanged.
"""

import pandas as pd

from django.db.models import Prefetch, QuerySet

from content.cells import choice_text, dutch_number
from indicators.models import IndicatorValue, UnitKind, ValueKind
from programmes.filters import filter_programme
from programmes.models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    AmountUnit,
    KeyFigure,
    Reference,
    ReferenceKind,
)

from .columns import ACTION_COLUMNS, INDICATOR_COLUMNS


def action_line_label(line: ActionLine) -> str:
    return f"{line.agenda.name} {line.number}. {line.title}"


def reference_label(reference: Reference) -> str:
    text = f"{choice_text(ReferenceKind, reference.kind)}: {reference.code}"
    return f"{text} – {reference.description}" if reference.description else text


def key_figure_label(figure: KeyFigure) -> str:
    circa = "circa " if figure.approximate else ""
    text = (
        f"{figure.label}: {circa}{dutch_number(figure.amount)} "
        f"{choice_text(AmountUnit, figure.unit)}"
    )
    if figure.year_from or figure.year_to:
        text += f" ({figure.year_from or ''}-{figure.year_to or ''})"
    return text


def actions_frame(*, actions: QuerySet | None = None) -> pd.DataFrame:
    """One row per public action with its lines, places, references and amounts.

    `actions` narrows the public actions (e.g. by ActionFilter); drafts never end
    up in the frame.
    """
    queryset = Action.objects.public()
    if actions is not None:
        queryset = queryset.filter(pk__in=actions.values("pk"))
    queryset = (
        queryset.select_related("theme__programme__budget")
        .prefetch_related(
            Prefetch(
                "action_lines",
                queryset=ActionLine.objects.public()
                .select_related("agenda")
                # By name, not the agendas' own order: that order is not in the
                # file, and an import into a new portal must give the same text.
                .order_by("agenda__name", "number"),
            ),
            "places",
            Prefetch("references", queryset=Reference.objects.public()),
            Prefetch(
                "key_figures",
                queryset=KeyFigure.objects.public().order_by("order", "pk"),
            ),
        )
        .order_by(
            "theme__programme__budget__year",
            "theme__programme__number",
            "theme__order",
            "theme__pk",
            "kind",
            "order",
            "pk",
        )
    )
    rows = []
    for action in queryset:
        theme = action.theme
        programme = theme.programme
        rows.append(
            {
                "id": action.pk,
                "programma_begrotingsjaar": programme.budget.year,
                "programma_nummer": programme.number,
                "programma": programme.title,
                "onderdeel_slug": theme.slug,
                "onderdeel": theme.title,
                "onderdeel_volgorde": theme.order,
                "soort": choice_text(ActionKind, action.kind),
                "status": choice_text(ActionStatus, action.status),
                "jaar": action.year,
                "volgorde": action.order,
                "titel": action.title,
                "tekst": action.text,
                "actielijnen": "\n".join(
                    action_line_label(line) for line in action.action_lines.all()
                ),
                "plekken": "\n".join(
                    place.name
                    for place in sorted(action.places.all(), key=lambda p: p.name)
                ),
                "verwijzingen": "\n".join(
                    reference_label(reference)
                    for reference in sorted(
                        action.references.all(),
                        key=lambda r: (r.kind, r.code, r.description),
                    )
                ),
                "bedragen": "\n".join(
                    key_figure_label(figure) for figure in action.key_figures.all()
                ),
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in ACTION_COLUMNS], dtype=object
    )


def indicator_values_for(
    *, programme: str = "", year: int | None = None, indicator: str = ""
) -> QuerySet:
    """The public values a download asks for with ?programma=&jaar=&indicator=."""
    values = IndicatorValue.objects.public()
    values = filter_programme(values, "indicator__programme", programme)
    if year is not None:
        values = values.filter(budget__year=year)
    if indicator.strip():
        values = values.filter(indicator__slug=indicator.strip())
    return values


def indicator_values_frame(*, values: QuerySet | None = None) -> pd.DataFrame:
    """One row per public value, with everything needed to import it back."""
    values = (
        values if values is not None else IndicatorValue.objects.public()
    ).select_related("budget", "indicator__programme__budget")
    values = values.order_by(
        "indicator__programme__budget__year",
        "indicator__programme__number",
        "indicator__order",
        "indicator__pk",
        "budget__year",
        "kind",
    )
    rows = []
    for value in values:
        indicator = value.indicator
        programme = indicator.programme
        rows.append(
            {
                "programma_begrotingsjaar": programme.budget.year,
                "programma_nummer": programme.number,
                "programma": programme.title,
                "indicator_slug": indicator.slug,
                "indicator": indicator.name,
                "volgorde": indicator.order,
                "eenheid": indicator.unit,
                "soort_getal": choice_text(UnitKind, indicator.unit_kind),
                "bron": indicator.source,
                "toelichting": indicator.description,
                "begrotingsjaar": value.budget.year,
                "soort_waarde": choice_text(ValueKind, value.kind),
                "waarde": value.value,
                "gemeten_in": value.measured_year,
                "opmerking": value.note,
                "bron_waarde": value.source,
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in INDICATOR_COLUMNS], dtype=object
    )
