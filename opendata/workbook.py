"""The template workbook: an empty sheet per kind of table and an explanation."""

import pandas as pd

from django.utils.translation import gettext as _

from .columns import (
    ACTION_COLUMNS,
    CHANGE_COLUMNS,
    INDICATOR_COLUMNS,
    LIST_NOTE,
    MONEY_COLUMNS,
    PROGRAMME_TEXT_COLUMNS,
    SUM_COLUMNS,
    TEXT_COLUMNS,
)
from .spreadsheets import frames_to_xlsx


def budget_template_xlsx() -> bytes:
    """An empty workbook to fill in: a sheet per table and an explanation sheet."""
    notes = [
        _("Sjabloon voor het inlezen van de begroting van de gemeente Hengelo"),
        _(
            "Vul de bladen die u nodig hebt: 'programmas' (titel en koppen, één rij "
            "per programma), 'teksten' (één rij per alinea van een onderdeel), "
            "'indicatoren' (één rij per waarde), 'acties' (één rij per actie, doel "
            "of pilot), 'bedragen' (bedragen uit de tekst buiten de acties), "
            "'financien' (lasten en baten, één rij per regel en jaar) en "
            "'verschillen' (de toelichting per product). "
            "Een leeg blad wordt overgeslagen. Lees het bestand in via de "
            "beheeromgeving (Importen > Bestand inlezen) of met 'python manage.py "
            "import_budget'."
        ),
        _(
            "Eerst ziet u wat er nieuw is, wat verandert en wat gelijk blijft; pas "
            "na bevestigen wordt het opgeslagen. Bij één fout wordt niets opgeslagen."
        ),
        _(
            "Getallen mogen Nederlands (6.500 of 17,3 of 17,3%) of gewoon (6500 of "
            "17.3). Een lege waarde (of '-') betekent 'geen waarde', niet 0."
        ),
        _("Een download van de open data heeft dezelfde kolommen en kan ook terug."),
        _(
            "Inlezen verwijdert niets: wat niet in het bestand staat, blijft zoals het "
            "is. Een kolom die ontbreekt, laat dat veld met rust."
        ),
        "",
        _("Blad 'programmas' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in PROGRAMME_TEXT_COLUMNS],
        "",
        _("Blad 'teksten' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in TEXT_COLUMNS],
        "",
        _("Blad 'indicatoren' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in INDICATOR_COLUMNS],
        "",
        _("Blad 'acties' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in ACTION_COLUMNS],
        "",
        _("Blad 'bedragen' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in SUM_COLUMNS],
        "",
        _("Blad 'financien' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in MONEY_COLUMNS],
        "",
        _("Blad 'verschillen' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in CHANGE_COLUMNS],
        "",
        str(LIST_NOTE),
    ]
    return frames_to_xlsx(
        {
            "programmas": pd.DataFrame(
                columns=[column.name for column in PROGRAMME_TEXT_COLUMNS]
            ),
            "teksten": pd.DataFrame(columns=[column.name for column in TEXT_COLUMNS]),
            "indicatoren": pd.DataFrame(
                columns=[column.name for column in INDICATOR_COLUMNS]
            ),
            "acties": pd.DataFrame(columns=[column.name for column in ACTION_COLUMNS]),
            "bedragen": pd.DataFrame(columns=[column.name for column in SUM_COLUMNS]),
            "financien": pd.DataFrame(
                columns=[column.name for column in MONEY_COLUMNS]
            ),
            "verschillen": pd.DataFrame(
                columns=[column.name for column in CHANGE_COLUMNS]
            ),
        },
        notes=notes,
    )


def _column_note(column) -> str:
    star = " *" if column.required else ""
    return f"{column.name}{star}: {column.description}"
