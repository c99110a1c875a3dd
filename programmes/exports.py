"""The actions as open data: one row per published action, ready for any format."""

import pandas as pd

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from .cells import dutch_number
from .importing import Column
from .models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    AmountUnit,
    KeyFigure,
    PublicationStatus,
)

LIST_NOTE = _(
    "Meer dan één? Zet elk op een eigen regel in de cel (Alt+Enter in Excel)."
)

# Which programme a row belongs to; the first columns of every file.
PROGRAMME_COLUMNS = [
    Column(
        "programma_begrotingsjaar",
        _("Het jaar van de begroting waar het programma in staat, zoals 2018."),
        required=True,
    ),
    Column(
        "programma_nummer", _("Het nummer van het programma, zoals 1."), required=True
    ),
    Column(
        "programma",
        _("De titel van het programma. Nodig als het programma nog niet bestaat."),
    ),
]

ACTION_COLUMNS = [
    Column(
        "id",
        _(
            "Het nummer van de actie in het portaal (zie /acties/<id>/). Laat leeg "
            "voor een nieuwe actie."
        ),
    ),
    *PROGRAMME_COLUMNS,
    Column(
        "onderdeel_slug",
        _(
            "Het webadres-deel van het onderdeel (thema), zoals 'economie'. Leeg: "
            "afgeleid van de kolom onderdeel."
        ),
    ),
    Column(
        "onderdeel",
        _("De titel van het onderdeel. Nodig als het onderdeel nog niet bestaat."),
        required=True,
    ),
    Column("onderdeel_volgorde", _("De plaats van het onderdeel in het programma.")),
    Column(
        "soort",
        _("Actie, Doel of Pilot."),
        required=True,
    ),
    Column(
        "status",
        _(
            "Gepland, In uitvoering, Afgerond, Uitgesteld of Geschrapt. Leeg: "
            "blijft zoals het is (Gepland bij een nieuwe actie)."
        ),
        required=True,
    ),
    Column("jaar", _("Het jaar waarvoor de actie gepland is."), required=True),
    Column("volgorde", _("De plaats binnen het onderdeel en de soort.")),
    Column("titel", _("Een korte titel."), required=True),
    Column("tekst", _("De volledige tekst zoals in de begroting."), required=True),
    Column(
        "actielijnen",
        _(
            "Actielijnen van regionale agenda's, als 'Twente Werkt 3. nieuwe "
            "bedrijvigheid' (agenda, nummer, punt, titel; de titel mag weg)."
        ),
    ),
    Column("plekken", _("Plekken of gebieden, zoals Westermaat.")),
    Column(
        "verwijzingen",
        _(
            "Verwijzingen als 'Beleidsvoornemen: NB 1.2 – omschrijving'. Soorten: "
            "Beleidsvoornemen, Zaaknummer, Document."
        ),
    ),
    Column(
        "bedragen",
        _(
            "Bedragen als 'omschrijving: circa 40.000 euro per jaar (2018-2021)'. "
            "'circa' en de jaren mogen weg. Eenheden: euro, euro per jaar, euro per "
            "inwoner, euro per inwoner per jaar, banen."
        ),
    ),
]


def action_line_label(line: ActionLine) -> str:
    return f"{line.agenda.name} {line.number}. {line.title}"


def reference_label(reference) -> str:
    text = f"{reference.get_kind_display()}: {reference.code}"
    return f"{text} – {reference.description}" if reference.description else text


def key_figure_label(figure: KeyFigure) -> str:
    circa = "circa " if figure.approximate else ""
    text = (
        f"{figure.label}: {circa}{dutch_number(figure.amount)} "
        f"{AmountUnit(figure.unit).label}"
    )
    if figure.year_from or figure.year_to:
        text += f" ({figure.year_from or ''}-{figure.year_to or ''})"
    return text


def published_actions() -> QuerySet:
    """Published actions of published themes, programmes and budgets."""
    published = PublicationStatus.PUBLISHED
    return Action.objects.filter(
        publication_status=published,
        theme__publication_status=published,
        theme__programme__publication_status=published,
        theme__programme__budget__publication_status=published,
    )


def actions_frame(*, actions: QuerySet | None = None) -> pd.DataFrame:
    """One row per action with its lines, places, references and amounts.

    `actions` narrows the published actions (e.g. by ActionFilter); drafts never
    end up in the frame.
    """
    queryset = published_actions()
    if actions is not None:
        queryset = queryset.filter(pk__in=actions.values("pk"))
    queryset = (
        queryset.select_related("theme__programme__budget")
        .prefetch_related(
            Prefetch(
                "action_lines",
                queryset=ActionLine.objects.filter(
                    agenda__publication_status=PublicationStatus.PUBLISHED
                )
                .select_related("agenda")
                # By name, not the agendas' own order: that order is not in the
                # file, and an import into a new portal must give the same text.
                .order_by("agenda__name", "number"),
            ),
            "places",
            "references",
            Prefetch("key_figures", queryset=KeyFigure.objects.order_by("order", "pk")),
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
                "soort": str(ActionKind(action.kind).label),
                "status": str(ActionStatus(action.status).label),
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
