"""The agendas table of a budget file ("agendas"): the regional agendas and their
numbered action lines, one row per line, in the format exports.agendas_frame
writes. Texts and actions name them; the pipeline writes this table first."""

from dataclasses import dataclass
from functools import partial

import pandas as pd

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import ActionLine, Agenda

from ..columns import AGENDA_COLUMNS
from .results import Outcome, Problem
from .rows import RowReader, Table, duplicate_problems, read_all
from .writer import Batch, RecordWriter, unique_slug

# The agenda's own columns, repeated on each of its lines: model field -> column.
_AGENDA_TEXTS = {
    "abbreviation": ("afkorting", 20),
    "coordinator": ("coordinatie", 200),
    "description": ("omschrijving", None),
}


def agendas_by_word() -> dict:
    """Every agenda with its lines, by its name or slug in lower case (a name
    wins over another agenda's slug): how a file names an agenda, for the check
    and the writer alike."""
    agendas = list(Agenda.objects.prefetch_related("lines"))
    by_word = {agenda.name.lower(): agenda for agenda in reversed(agendas)}
    for agenda in agendas:
        by_word.setdefault(agenda.slug.lower(), agenda)
    return by_word


def unknown_agenda(name: str, row: int, column: str, sheet) -> Problem:
    return Problem(
        _(
            "onbekende agenda '%(agenda)s'; kies een agenda uit het blad agendas "
            "of een die in het portaal staat (Agenda's in het beheer)"
        )
        % {"agenda": name},
        row,
        column,
        sheet,
    )


@dataclass
class AgendaRow:
    row: int
    slug: str
    name: str
    about: dict  # the agenda's fields this row gives
    line_number: int | None
    line: dict  # the line's fields, when it has a number


def _read_agenda(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    name = reader.text("agenda", required=True, max_length=200)
    about = {
        field: reader.text(column, max_length=max_length)
        for field, (column, max_length) in _AGENDA_TEXTS.items()
        if reader.has(column)
    }
    about |= reader.english(Agenda, {"name": "agenda", "description": "omschrijving"})
    for field, column in [
        ("start_year", "vanaf_jaar"),
        ("duration_years", "looptijd_jaren"),
    ]:
        if reader.has(column):
            about[field] = reader.whole_number(column)
    if reader.has("agenda_volgorde"):
        about["order"] = reader.whole_number("agenda_volgorde") or 0
    number = reader.whole_number("actielijn_nummer")
    line = {}
    if number is not None:
        line = {
            "title": reader.text("actielijn", required=True, max_length=200),
            "municipal_focus": reader.yes_no("gemeentelijke_focus"),
        } | reader.english(ActionLine, {"title": "actielijn"})
    elif reader.text("actielijn") and not reader.text("actielijn_nummer"):
        reader.problem(
            "actielijn_nummer", _("is leeg; vul het nummer van de actielijn in")
        )
    values = AgendaRow(
        row=row,
        slug=reader.slug("agenda_slug") or slugify(name)[:200],
        name=name,
        about=about,
        line_number=number,
        line=line,
    )
    return values, reader.problems


# The column of each of the agenda's own fields, to name a cell that disagrees.
_ABOUT_COLUMNS = {
    **{field: column for field, (column, _length) in _AGENDA_TEXTS.items()},
    "name_en": "agenda_en",
    "description_en": "omschrijving_en",
    "start_year": "vanaf_jaar",
    "duration_years": "looptijd_jaren",
    "order": "agenda_volgorde",
}


def _check_agendas(rows: list[AgendaRow], sheet) -> list[Problem]:
    """An agenda is the same in each of its rows; a line is in one row."""
    problems = []
    first_rows = {}
    for row in rows:
        first = first_rows.setdefault(row.slug, row)
        if first.name != row.name:
            problems.append(
                Problem(
                    _(
                        "dezelfde agenda heet in rij %(other)s '%(name)s'; geef een "
                        "agenda in elke rij dezelfde naam"
                    )
                    % {"other": first.row, "name": first.name},
                    row.row,
                    "agenda",
                    sheet,
                )
            )
        problems += [
            Problem(
                _(
                    "staat anders dan in rij %(other)s van dezelfde agenda; geef een "
                    "agenda in elke rij dezelfde gegevens"
                )
                % {"other": first.row},
                row.row,
                _ABOUT_COLUMNS[field],
                sheet,
            )
            for field, value in row.about.items()
            if first.name == row.name and first.about.get(field, value) != value
        ]
    return problems + duplicate_problems(
        [row for row in rows if row.line_number is not None],
        key=lambda row: (row.slug, row.line_number),
        column="actielijn_nummer",
        message=_("dubbele rij: deze actielijn staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _AgendaWriter(RecordWriter):
    """The agendas one by one (a budget has a few), their lines in one batch."""

    def write_rows(self, rows: list[AgendaRow]) -> None:
        agendas = self._agendas(rows)
        existing = {
            (line.agenda_id, line.number): line
            for line in ActionLine.objects.select_for_update(of=("self",))
            .filter(agenda__in=[agenda.pk for agenda in agendas.values()])
            .order_by()
        }
        batch = Batch(ActionLine)
        for row in rows:
            if row.line_number is None:
                continue
            agenda = agendas[row.slug]
            self.put(
                batch,
                existing.get((agenda.pk, row.line_number)),
                row.line,
                new=partial(ActionLine, agenda=agenda, number=row.line_number),
                what="actielijn",
                described=f"{agenda.name} {row.line_number}. {row.line['title']}",
            )
        batch.save(self.user)

    def _agendas(self, rows: list[AgendaRow]) -> dict:
        """The file's agendas by slug: found by slug, else by name, else made."""
        by_slug = {agenda.slug: agenda for agenda in Agenda.objects.all()}
        by_name = {agenda.name.lower(): agenda for agenda in by_slug.values()}
        taken = set(by_slug)
        agendas = {}
        for row in rows:
            if row.slug in agendas:
                continue
            agenda = by_slug.get(row.slug) or by_name.get(row.name.lower())
            wanted = {"name": row.name, **row.about}
            if agenda is None:
                slug = row.slug if row.slug not in taken else ""
                slug = slug or unique_slug(taken, row.name, fallback="agenda")
                taken.add(slug)
                agenda = Agenda.objects.create(slug=slug, **wanted)
                self.note(Outcome.CREATED, "agenda", agenda)
            else:
                self.update(agenda, "agenda", wanted)
            agendas[row.slug] = agenda
        return agendas


class _Agendas(Table):
    name = "agendas"
    about = gettext_lazy("één rij per actielijn van een regionale agenda")
    columns = AGENDA_COLUMNS
    recognised_by = {"actielijn_nummer", "coordinatie"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_agenda)

    def check(self, rows, sheet):
        return _check_agendas(rows, sheet)

    def writer(self, result, user):
        return _AgendaWriter(result, user)


AGENDAS = _Agendas()
