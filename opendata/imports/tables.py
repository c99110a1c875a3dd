"""The kinds of table a budget file may hold, in one list the pipeline and the
template read (TABLES). A table module never imports this list or the pipeline."""

from .actions import ACTIONS
from .agendas import AGENDAS
from .budgets import BUDGETS
from .glossary import GLOSSARY
from .indicators import INDICATOR_VALUES
from .money import CHANGES, MONEY
from .narrative import PROGRAMMES, SUMS, TEXTS
from .population import POPULATION
from .references import REFERENCES

# Every kind of table, in the order the import writes them (whatever the order
# of the sheets in the file) and recognises them: what a row refers to (a budget,
# an agenda, a programme, a part) is written before the row, and a table whose
# columns another has too (an agenda's omschrijving, a text's tekst and
# onderdeel) is recognised by its own columns first.
TABLES = [
    BUDGETS,
    AGENDAS,
    GLOSSARY,
    POPULATION,
    PROGRAMMES,
    TEXTS,
    REFERENCES,
    INDICATOR_VALUES,
    ACTIONS,
    CHANGES,
    MONEY,
    SUMS,
]
