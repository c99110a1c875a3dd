"""The template workbook: an empty sheet per kind of table and an explanation."""

import pandas as pd

from django.utils.translation import gettext as _

from .columns import ACTION_COLUMNS, INDICATOR_COLUMNS, LIST_NOTE, MONEY_COLUMNS
from .spreadsheets import frames_to_xlsx


def budget_template_xlsx() -> bytes:
    """An empty workbook to fill in: a sheet per table and an explanation sheet."""
    notes = [
        _("Sjabloon voor het inlezen van de begroting van de gemeente Hengelo"),
        _(
            "Vul het blad 'indicatoren' (waarden van beleidsindicatoren, één rij per "
            "waarde), het blad 'acties' (één rij per actie, doel of pilot) en/of het "
            "blad 'financien' (lasten en baten, één rij per regel en jaar). Een "
            "leeg blad wordt overgeslagen. Lees het bestand in via de beheeromgeving "
            "(Importen > Bestand inlezen) of met 'python manage.py import_budget'."
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
        _("Blad 'indicatoren' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in INDICATOR_COLUMNS],
        "",
        _("Blad 'acties' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in ACTION_COLUMNS],
        "",
        _("Blad 'financien' – kolommen (* = verplicht):"),
        *[_column_note(column) for column in MONEY_COLUMNS],
        "",
        str(LIST_NOTE),
    ]
    return frames_to_xlsx(
        {
            "indicatoren": pd.DataFrame(
                columns=[column.name for column in INDICATOR_COLUMNS]
            ),
            "acties": pd.DataFrame(columns=[column.name for column in ACTION_COLUMNS]),
            "financien": pd.DataFrame(
                columns=[column.name for column in MONEY_COLUMNS]
            ),
        },
        notes=notes,
    )


def _column_note(column) -> str:
    star = " *" if column.required else ""
    return f"{column.name}{star}: {column.description}"
