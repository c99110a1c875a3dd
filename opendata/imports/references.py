"""The references table of a budget file ("verwijzingen"): the policy intentions,
case numbers and documents the text of a part refers to, in the format
exports.references_frame writes (an action's own references are in its row)."""

from dataclasses import dataclass
from functools import partial

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import Reference, ReferenceKind, Theme

from ..columns import REFERENCE_COLUMNS
from .results import Problem
from .rows import (
    RowReader,
    Table,
    duplicate_problems,
    programme_problems,
    read_all,
)
from .writer import Batch, RecordWriter


@dataclass
class ReferenceRow:
    row: int
    programme: tuple[int, int]
    programme_title: str
    theme_slug: str
    kind: str
    code: str
    description: str | None  # None: the file has no such column
    english: dict


def _read_reference(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    theme_slug = reader.slug("onderdeel_slug")
    if not theme_slug and not reader.problems:
        reader.problem("onderdeel_slug", _("is leeg; vul het onderdeel in"))
    values = ReferenceRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        theme_slug=theme_slug,
        kind=reader.choice("soort", ReferenceKind),
        code=reader.text("kenmerk", required=True, max_length=60),
        description=reader.text("omschrijving", max_length=300)
        if reader.has("omschrijving")
        else None,
        english=reader.english(Reference, {"description": "omschrijving"}),
    )
    return values, reader.problems


def _check_references(rows: list[ReferenceRow], sheet) -> list[Problem]:
    problems = programme_problems(rows, sheet)
    themes = set(
        Theme.objects.values_list(
            "programme__budget__year", "programme__number", "slug"
        )
    )
    for row in rows:
        if (*row.programme, row.theme_slug) not in themes:
            problems.append(
                Problem(
                    _(
                        "onbekend onderdeel '%(slug)s'; het onderdeel moet in het "
                        "portaal of in het blad teksten staan"
                    )
                    % {"slug": row.theme_slug},
                    row.row,
                    "onderdeel_slug",
                    sheet,
                )
            )
    return problems + duplicate_problems(
        rows,
        key=lambda row: (row.programme, row.theme_slug, row.kind, row.code.lower()),
        column="kenmerk",
        message=_("dubbele rij: deze verwijzing staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _ReferenceWriter(RecordWriter):
    def write_rows(self, rows: list[ReferenceRow]) -> None:
        self.programmes_of(rows)
        programmes = {self.programmes[row.programme].pk for row in rows}
        themes = {
            (theme.programme_id, theme.slug): theme
            for theme in Theme.objects.filter(programme__in=programmes)
        }
        existing = {
            (r.theme_id, r.kind, r.code.lower()): r
            for r in Reference.objects.select_for_update(of=("self",))
            .filter(theme__programme__in=programmes, action__isnull=True)
            .order_by("-pk")  # of two alike, the first one is matched
        }
        batch = Batch(Reference)
        for row in rows:
            theme = themes[self.programmes[row.programme].pk, row.theme_slug]
            wanted = {"kind": row.kind, "code": row.code, **row.english}
            if row.description is not None:
                wanted["description"] = row.description
            self.put(
                batch,
                existing.get((theme.pk, row.kind, row.code.lower())),
                wanted,
                new=partial(Reference, theme=theme),
                what="verwijzing",
                described=f"{theme}: {row.code}",
            )
        batch.save(self.user)


class _References(Table):
    name = "verwijzingen"
    about = gettext_lazy(
        "één rij per verwijzing in de tekst van een onderdeel (die van een actie "
        "staan in het blad acties)"
    )
    columns = REFERENCE_COLUMNS
    recognised_by = {"kenmerk"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_reference)

    def check(self, rows, sheet):
        return _check_references(rows, sheet)

    def writer(self, result, user):
        return _ReferenceWriter(result, user)


REFERENCES = _References()
