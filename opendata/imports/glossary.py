"""The glossary table of a budget file ("begrippen"): the abbreviations and names
of the budget's text with their meaning, in the format exports.glossary_frame
writes. A term is matched by its spelling, whatever its case."""

from dataclasses import dataclass
from functools import partial

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import GlossaryTerm

from ..columns import GLOSSARY_COLUMNS
from .results import Problem
from .rows import RowReader, Table, duplicate_problems, read_all
from .writer import Batch, RecordWriter, unique_slug


@dataclass
class TermRow:
    row: int
    term: str
    slug: str
    fields: dict


def _read_term(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    fields = {
        "meaning": reader.text("betekenis", required=True, max_length=300),
    }
    if reader.has("toelichting"):
        fields["description"] = reader.text("toelichting")
    fields |= reader.english(
        GlossaryTerm, {"meaning": "betekenis", "description": "toelichting"}
    )
    values = TermRow(
        row=row,
        term=reader.text("term", required=True, max_length=100),
        slug=reader.slug("begrip_slug")[:100],
        fields=fields,
    )
    return values, reader.problems


def _check_terms(rows: list[TermRow], sheet) -> list[Problem]:
    return duplicate_problems(
        rows,
        key=lambda row: row.term.lower(),
        column="term",
        message=_("dubbele rij: deze term staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _TermWriter(RecordWriter):
    def write_rows(self, rows: list[TermRow]) -> None:
        existing = {
            term.term.lower(): term
            for term in GlossaryTerm.objects.select_for_update().order_by()
        }
        taken = {term.slug for term in existing.values()}
        batch = Batch(GlossaryTerm)
        for row in rows:
            term = existing.get(row.term.lower())
            wanted = {"term": row.term, **row.fields}
            if term is None:
                slug = row.slug if row.slug and row.slug not in taken else ""
                slug = slug or unique_slug(taken, row.term, fallback="begrip")
                taken.add(slug)
                new = partial(GlossaryTerm, slug=slug)
            else:
                new = None
            self.put(batch, term, wanted, new=new, what="begrip", described=row.term)
        batch.save(self.user)


class _Terms(Table):
    name = "begrippen"
    about = gettext_lazy("één rij per afkorting of naam van de begrippenlijst")
    columns = GLOSSARY_COLUMNS
    recognised_by = {"term", "betekenis"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_term)

    def check(self, rows, sheet):
        return _check_terms(rows, sheet)

    def writer(self, result, user):
        return _TermWriter(result, user)


GLOSSARY = _Terms()
