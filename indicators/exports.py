"""Indicator values as open data: long format, one row per value of an indicator."""

import pandas as pd

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hengelo_portal.params import YEAR, parse_int
from programmes.exports import PROGRAMME_COLUMNS
from programmes.filters import filter_programme
from programmes.importing import Column
from programmes.models import PublicationStatus

from .models import IndicatorValue, UnitKind, ValueKind

INDICATOR_COLUMNS = [
    *PROGRAMME_COLUMNS,
    Column(
        "indicator_slug",
        _(
            "Het vaste webadres-deel van de indicator (zie /indicatoren/<slug>/). "
            "Leeg bij een nieuwe indicator: dan maakt het portaal het zelf."
        ),
    ),
    Column("indicator", _("De naam van de beleidsindicator."), required=True),
    Column("volgorde", _("De plaats van de indicator in de tabel.")),
    Column(
        "eenheid",
        _("Waarin geteld wordt, zoals 'personen'; bij een percentage '%'."),
        required=True,
    ),
    Column("soort_getal", _("aantal, percentage (0 tot 100) of euro.")),
    Column("bron", _("Waar het getal vandaan komt.")),
    Column("toelichting", _("Wat de indicator meet en waarom.")),
    Column(
        "begrotingsjaar",
        _("Het jaar van de begroting waarin de waarde staat, zoals 2019."),
        required=True,
    ),
    Column(
        "soort_waarde",
        _("Begroot, Gerealiseerd, Streefwaarde of Nulmeting. Leeg: Begroot."),
        required=True,
    ),
    Column(
        "waarde",
        _(
            "Het getal: 6500, 6.500, 17,3 of 17,3%. Leeg (of '-') betekent 'geen "
            "waarde', niet 0."
        ),
        required=True,
    ),
    Column(
        "gemeten_in",
        _("Het jaar van meting, als dat anders is dan het begrotingsjaar."),
    ),
    Column("opmerking", _("Een opmerking bij de waarde.")),
]


def published_values() -> QuerySet:
    """Values of published indicators in published programmes and budgets."""
    published = PublicationStatus.PUBLISHED
    return IndicatorValue.objects.filter(
        budget__publication_status=published,
        indicator__publication_status=published,
        indicator__programme__publication_status=published,
        indicator__programme__budget__publication_status=published,
    )


def indicator_values_for(
    *, programme: str = "", year: str = "", indicator: str = ""
) -> QuerySet:
    """The published values a download asks for with ?programma=&jaar=&indicator=."""
    values = published_values()
    values = filter_programme(values, "indicator__programme", programme)
    year = parse_int(year, **YEAR)
    if year is not None:
        values = values.filter(budget__year=year)
    if indicator.strip():
        values = values.filter(indicator__slug=indicator.strip())
    return values


def indicator_values_frame(*, values: QuerySet | None = None) -> pd.DataFrame:
    """One row per value, with everything needed to import it back faithfully."""
    values = (values if values is not None else published_values()).select_related(
        "budget", "indicator__programme__budget"
    )
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
                "soort_getal": str(UnitKind(indicator.unit_kind).label),
                "bron": indicator.source,
                "toelichting": indicator.description,
                "begrotingsjaar": value.budget.year,
                "soort_waarde": str(ValueKind(value.kind).label),
                "waarde": value.value,
                "gemeten_in": value.measured_year,
                "opmerking": value.note,
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in INDICATOR_COLUMNS], dtype=object
    )
