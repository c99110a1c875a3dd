"""The template workbook: an empty sheet per kind of table and an explanation."""

import pandas as pd

from django.utils.translation import gettext as _

from .columns import LIST_NOTE
from .imports.tables import TABLES
from .spreadsheets import frames_to_xlsx


def budget_template_xlsx() -> bytes:
    """An empty workbook to fill in: a sheet per kind of table the import reads
    (in the order it writes them) and an explanation sheet."""
    notes = [
        _("Sjabloon voor het inlezen van de begroting van de gemeente Hengelo"),
        _(
            "Vul de bladen die u nodig hebt; een leeg blad wordt overgeslagen. Lees "
            "het bestand in via de beheeromgeving (Importen > Bestand inlezen) of "
            "met 'python manage.py import_budget'. De bladen:"
        ),
        *[f"'{table.name}': {table.about}" for table in TABLES],
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
        _(
            "Een kolom die op _en eindigt, is de Engelse vertaling van de kolom "
            "ervoor; leeg laten mag."
        ),
    ]
    for table in TABLES:
        notes += [
            "",
            _("Blad '%(sheet)s' – kolommen (* = verplicht):") % {"sheet": table.name},
            *[_column_note(column) for column in table.columns],
        ]
    notes += ["", str(LIST_NOTE)]
    return frames_to_xlsx(
        {
            table.name: pd.DataFrame(columns=[column.name for column in table.columns])
            for table in TABLES
        },
        notes=notes,
    )


def _column_note(column) -> str:
    star = " *" if column.required else ""
    return f"{column.name}{star}: {column.description}"
