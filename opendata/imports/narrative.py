"""The narrative tables of a budget file: each programme's own texts ("programmas")
and the paragraphs of its parts ("teksten"), in the format exports.py writes.

With them a workbook holds a whole programme: an editor brings in a new one, text
and figures, without a developer.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import pandas as pd

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.cells import choice_text
from programmes.models import (
    ActionKind,
    AmountUnit,
    KeyFigure,
    Paragraph,
    Programme,
    Theme,
)

from ..columns import PROGRAMME_TEXT_COLUMNS, SUM_COLUMNS, TEXT_COLUMNS
from .agendas import agendas_by_word, unknown_agenda
from .results import Outcome, Problem
from .rows import (
    RowReader,
    Table,
    duplicate_problems,
    programme_problems,
    read_all,
    theme_problems,
)
from .writer import Batch, RecordWriter, unique_slug

# --- Programmes: title, address, headings --------------------------------------------

PROGRAMME_TEXTS = {
    "intro": "inleiding",
    "developments_heading": "kop_ontwikkelingen",
    "indicators_note": "opmerking_indicatoren",
    "responsible": "verantwoordelijken",
    "policy_documents": "beleidsnotas",
}


_MAX_LENGTH = {"developments_heading": 200}


@dataclass
class ProgrammeRow:
    row: int
    programme: tuple[int, int]
    programme_title: str
    slug: str
    texts: dict  # field -> text, only for the columns the file has


def _read_programme(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    texts = {
        field: reader.text(
            column, max_length=200 if field.endswith("heading") else None
        )
        for field, column in PROGRAMME_TEXTS.items()
        if reader.has(column)
    } | reader.english(Programme, {"title": "programma", **PROGRAMME_TEXTS})
    values = ProgrammeRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", required=True, max_length=200),
        slug=reader.slug("webadres"),
        texts=texts,
    )
    return values, reader.problems


def _check_programmes(rows: list[ProgrammeRow], sheet) -> list[Problem]:
    return programme_problems(rows, sheet) + duplicate_problems(
        rows,
        key=lambda row: row.programme,
        column="programma_nummer",
        message=_("dubbele rij: hetzelfde programma staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _ProgrammeWriter(RecordWriter):
    def write_rows(self, rows: list[ProgrammeRow]) -> None:
        for row in rows:
            year, number = row.programme
            budget = self.budget(year)
            programme = Programme.objects.filter(budget=budget, number=number).first()
            wanted = {"title": row.programme_title, **row.texts}
            if row.slug:
                wanted["slug"] = row.slug
            if programme is None:
                taken = set(
                    Programme.objects.filter(budget=budget).values_list(
                        "slug", flat=True
                    )
                )
                slug = wanted.pop("slug", "") or unique_slug(
                    taken, row.programme_title, fallback="programma"
                )
                programme = Programme.objects.create(
                    budget=budget, number=number, slug=slug, **wanted
                )
                self.note(Outcome.CREATED, "programma", programme)
            else:
                self.update(programme, "programma", wanted)
            self.programmes[row.programme] = programme


class _ProgrammeTexts(Table):
    name = "programmas"
    about = gettext_lazy("titel, inleiding en koppen, één rij per programma")
    columns = PROGRAMME_TEXT_COLUMNS
    recognised_by = {
        "inleiding",
        "kop_ontwikkelingen",
        "opmerking_indicatoren",
        "verantwoordelijken",
        "beleidsnotas",
    }

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_programme)

    def check(self, rows, sheet):
        return _check_programmes(rows, sheet)

    def writer(self, result, user):
        return _ProgrammeWriter(result, user)


# --- Paragraphs of the parts ---------------------------------------------------------


@dataclass
class TextRow:
    row: int
    programme: tuple[int, int]
    programme_title: str
    theme_slug: str
    theme_title: str
    theme_order: int | None
    order: int
    heading: str | None  # None: the file has no column tussenkop
    text: str
    followed_by_actions: str  # an ActionKind or ""
    agenda: str  # the agenda's name or slug as the file writes it, or ""
    theme_english: dict
    english: dict  # text_en, if the file has it


def _read_text(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    theme_slug, theme_title, theme_order = reader.theme()
    followed = reader.text("gevolgd_door")
    kind = reader.choice("gevolgd_door", ActionKind) if followed else ""
    values = TextRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        theme_slug=theme_slug,
        theme_title=theme_title,
        theme_order=theme_order,
        order=reader.whole_number("volgorde", required=True),
        heading=reader.text("tussenkop", max_length=200)
        if reader.has("tussenkop")
        else None,
        text=reader.text("tekst", required=True),
        followed_by_actions=kind,
        agenda=reader.text("gevolgd_door_agenda", max_length=200),
        theme_english=reader.theme_english(),
        english=reader.english(Paragraph, {"heading": "tussenkop", "text": "tekst"}),
    )
    return values, reader.problems


def _check_texts(rows: list[TextRow], sheet) -> list[Problem]:
    problems = programme_problems(rows, sheet) + theme_problems(rows, sheet)
    problems += duplicate_problems(
        rows,
        key=lambda row: (row.programme, row.theme_slug, row.order),
        column="volgorde",
        message=_(
            "dubbele rij: hetzelfde onderdeel heeft ook in rij %(other)s een alinea "
            "met deze volgorde"
        ),
        sheet=sheet,
    )
    agendas = agendas_by_word()
    for row in rows:
        if row.agenda and row.agenda.lower() not in agendas:
            problems.append(
                unknown_agenda(row.agenda, row.row, "gevolgd_door_agenda", sheet)
            )
    return problems


class _TextWriter(RecordWriter):
    """The paragraphs in one batch, matched to the portal's by part and order."""

    def write_rows(self, rows: list[TextRow]) -> None:
        self.programmes_of(rows)
        themes = self.themes(rows)
        agendas = agendas_by_word()
        existing = {
            (paragraph.theme_id, paragraph.order): paragraph
            for paragraph in Paragraph.objects.select_for_update(of=("self",))
            .filter(theme__in=[theme.pk for theme in themes.values()])
            .order_by("theme_id", "order", "pk")
            .reverse()  # of two with one order, the first one is matched
        }
        batch = Batch(Paragraph)
        for row in rows:
            theme = themes[row.programme, row.theme_slug]
            agenda = agendas.get(row.agenda.lower()) if row.agenda else None
            wanted = {
                "text": row.text,
                "followed_by_actions": row.followed_by_actions,
                "followed_by_agenda_id": agenda.pk if agenda else None,
            } | row.english
            if row.heading is not None:
                wanted["heading"] = row.heading
            self.put(
                batch,
                existing.get((theme.pk, row.order)),
                wanted,
                new=partial(Paragraph, theme=theme, order=row.order),
                what="alinea",
                described=f"{theme}, {row.order}: {row.text[:60]}",
            )
        batch.save(self.user)


class _Texts(Table):
    name = "teksten"
    about = gettext_lazy("één rij per alinea van een onderdeel")
    columns = TEXT_COLUMNS
    recognised_by = {"gevolgd_door", "gevolgd_door_agenda"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_text)

    def check(self, rows, sheet):
        return _check_texts(rows, sheet)

    def writer(self, result, user):
        return _TextWriter(result, user)


PROGRAMMES = _ProgrammeTexts()
TEXTS = _Texts()


# --- Sums and targets the text names outside an action --------------------------------


@dataclass
class SumRow:
    row: int
    programme: tuple[int, int]
    programme_title: str
    theme_slug: str
    order: int | None
    label: str
    amount: Decimal | None
    unit: str | None
    approximate: bool
    year_from: int | None
    year_to: int | None
    agenda: str | None  # None: the file has no agenda column
    english: dict


def _read_sum(cells: dict, row: int, sheet):
    reader = RowReader(cells, row, sheet)
    amount = reader.number("bedrag")
    if amount is None and not reader.problems:
        reader.problem("bedrag", _("is leeg; vul het getal in"))
    elif amount is not None and amount < 0:
        reader.problem(
            "bedrag", _("kan niet negatief zijn; vul het getal in zonder minteken")
        )
    unit_text = reader.text("eenheid").lower()
    unit = _SUM_UNITS.get(unit_text)
    if unit is None:
        reader.problem(
            "eenheid",
            _("'%(value)s' kan niet; kies uit %(labels)s")
            % {"value": unit_text, "labels": ", ".join(_SUM_UNITS)},
        )
    values = SumRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        theme_slug=reader.slug("onderdeel_slug"),
        order=reader.whole_number("volgorde"),
        label=reader.text("omschrijving", required=True, max_length=300),
        amount=amount,
        unit=unit,
        approximate=reader.yes_no("circa"),
        year_from=reader.year("vanaf"),
        year_to=reader.year("tot_en_met"),
        agenda=reader.text("agenda", max_length=200) if reader.has("agenda") else None,
        english=reader.english(KeyFigure, {"label": "omschrijving"}),
    )
    return values, reader.problems


# The file's words for units, whatever the page's language.
_SUM_UNITS = {choice_text(AmountUnit, code).lower(): code for code in AmountUnit}


def _check_sums(rows: list[SumRow], sheet) -> list[Problem]:
    problems = programme_problems(rows, sheet)
    themes = set(
        Theme.objects.values_list(
            "programme__budget__year", "programme__number", "slug"
        )
    )
    agendas = agendas_by_word()
    for row in rows:
        if row.agenda and row.agenda.lower() not in agendas:
            problems.append(unknown_agenda(row.agenda, row.row, "agenda", sheet))
        if row.theme_slug and (*row.programme, row.theme_slug) not in themes:
            problems.append(
                Problem(
                    _("onbekend onderdeel '%(slug)s'") % {"slug": row.theme_slug},
                    row.row,
                    "onderdeel_slug",
                    sheet,
                )
            )
    return problems + duplicate_problems(
        rows,
        key=lambda row: (row.programme, row.theme_slug, row.label.lower()),
        column="omschrijving",
        message=_("dubbele rij: dezelfde omschrijving staat ook in rij %(other)s"),
        sheet=sheet,
    )


class _SumWriter(RecordWriter):
    def write_rows(self, rows: list[SumRow]) -> None:
        self.programmes_of(rows)
        programmes = {self.programmes[row.programme].pk for row in rows}
        themes = {
            (theme.programme_id, theme.slug): theme
            for theme in Theme.objects.filter(programme__in=programmes)
        }
        existing = {
            (f.programme_id, f.theme.slug if f.theme else "", f.label.lower()): f
            for f in KeyFigure.objects.select_for_update(of=("self",))
            .select_related("theme")
            .filter(programme__in=programmes, action__isnull=True)
            .order_by()
        }
        agendas = agendas_by_word()
        batch = Batch(KeyFigure)
        for row in rows:
            programme = self.programmes[row.programme]
            theme = themes.get((programme.pk, row.theme_slug))
            wanted = {
                "theme_id": theme.pk if theme else None,
                "label": row.label,
                "amount": row.amount,
                "unit": row.unit,
                "approximate": row.approximate,
                "year_from": row.year_from,
                "year_to": row.year_to,
            } | row.english
            if row.agenda is not None:
                agenda = agendas.get(row.agenda.lower()) if row.agenda else None
                wanted["agenda_id"] = agenda.pk if agenda else None
            if row.order is not None:
                wanted["order"] = row.order
            self.put(
                batch,
                existing.get((programme.pk, row.theme_slug, row.label.lower())),
                wanted,
                new=partial(KeyFigure, programme=programme),
                what="bedrag",
                described=row.label,
            )
        batch.save(self.user)


class _Sums(Table):
    name = "bedragen"
    about = gettext_lazy(
        "bedragen en aantallen uit de tekst die niet bij een actie horen"
    )
    columns = SUM_COLUMNS
    recognised_by = {"omschrijving", "circa"}

    def read_rows(self, frame: pd.DataFrame, sheet):
        return read_all(frame, sheet, _read_sum)

    def check(self, rows, sheet):
        return _check_sums(rows, sheet)

    def writer(self, result, user):
        return _SumWriter(result, user)


SUMS = _Sums()
