"""The actions table of a budget file, in the format exports.actions_frame writes."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from django.utils.text import slugify
from django.utils.translation import gettext as _

from content.cells import (
    cell_lines,
    choice_from_text,
    choice_labels,
    choice_text,
    parse_number,
)
from content.services import model_update
from programmes.models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    Agenda,
    AmountUnit,
    KeyFigure,
    Place,
    Reference,
    ReferenceKind,
    Theme,
)

from ..columns import ACTION_COLUMNS
from .pipeline import RowReader, Table, programme_problems
from .results import Outcome, Problem
from .writer import RecordWriter, unique_slug

_LINE = re.compile(r"^(?P<agenda>.+?)\s+(?P<number>\d+)(?:\.\s*(?P<title>.*))?$")
_REFERENCE = re.compile(r"^(?P<kind>[^:]+):\s*(?P<rest>.+)$")
_REFERENCE_DASH = re.compile(r"\s+[–—-]\s+")
_AMOUNT = re.compile(
    r"^(?P<label>.+):\s+(?P<circa>circa\s+)?(?P<amount>-?[\d.,]+)\s+"
    r"(?P<unit>[^()]+?)(?:\s+\((?P<year_from>\d{4})?-(?P<year_to>\d{4})?\))?$",
    re.IGNORECASE,
)
# The file's words for units ('euro per jaar'), whatever the page's language.
_AMOUNT_UNITS = {choice_text(AmountUnit, code).lower(): code for code in AmountUnit}


@dataclass
class ActionRow:
    """One valid row of an actions file. None for a list means 'column absent'."""

    row: int
    id: int | None
    programme: tuple[int, int]  # (budget year, number)
    programme_title: str
    theme_slug: str
    theme_title: str
    theme_order: int | None
    kind: str
    status: str | None  # None: the cell is empty, keep the status the portal has
    year: int
    order: int | None
    title: str
    text: str
    lines: list[tuple[str, int, str]] | None = None
    places: list[str] | None = None
    references: list[tuple[str, str, str]] | None = None
    amounts: list[dict] | None = None
    problems: list[Problem] = field(default_factory=list)


def _parse_lines(reader: RowReader) -> list[tuple[str, int, str]] | None:
    if not reader.has("actielijnen"):
        return None
    lines = []
    for text in cell_lines(reader.cells.get("actielijnen")):
        match = _LINE.match(text)
        if not match:
            reader.problem(
                "actielijnen",
                _(
                    "'%(value)s' is geen actielijn; schrijf agenda, nummer, punt en "
                    "titel, zoals 'Twente Werkt 3. nieuwe bedrijvigheid'"
                )
                % {"value": text},
            )
            continue
        if not (
            reader.fits("actielijnen", match["agenda"].strip(), 200)
            and reader.fits("actielijnen", (match["title"] or "").strip(), 200)
        ):
            continue
        lines.append(
            (
                match["agenda"].strip(),
                int(match["number"]),
                (match["title"] or "").strip(),
            )
        )
    return lines


def _parse_references(reader: RowReader) -> list[tuple[str, str, str]] | None:
    if not reader.has("verwijzingen"):
        return None
    references = []
    for text in cell_lines(reader.cells.get("verwijzingen")):
        match = _REFERENCE.match(text)
        kind = choice_from_text(ReferenceKind, match["kind"]) if match else None
        if kind is None:
            reader.problem(
                "verwijzingen",
                _(
                    "'%(value)s' is geen verwijzing; schrijf soort, dubbele punt en "
                    "kenmerk, zoals 'Beleidsvoornemen: NB 1.2'. Soorten: %(labels)s"
                )
                % {"value": text, "labels": choice_labels(ReferenceKind)},
            )
            continue
        code, *description = _REFERENCE_DASH.split(match["rest"], maxsplit=1)
        code, description = code.strip(), "".join(description).strip()
        if reader.fits("verwijzingen", code, 60) and reader.fits(
            "verwijzingen", description, 300
        ):
            references.append((kind, code, description))
    return references


def _parse_amounts(reader: RowReader) -> list[dict] | None:
    if not reader.has("bedragen"):
        return None
    amounts = []
    for text in cell_lines(reader.cells.get("bedragen")):
        match = _AMOUNT.match(text)
        unit = _AMOUNT_UNITS.get(match["unit"].lower()) if match else None
        amount = None
        if match and unit:
            try:
                amount = parse_number(match["amount"])
            except ValueError:
                amount = None
        if amount is not None and (
            abs(amount) >= 10**12 or amount != amount.quantize(Decimal("0.01"))
        ):
            reader.problem(
                "bedragen",
                _("'%(value)s': het bedrag is te groot of heeft te veel decimalen")
                % {"value": text},
            )
            continue
        if amount is None:
            reader.problem(
                "bedragen",
                _(
                    "'%(value)s' is geen bedrag; schrijf omschrijving, dubbele punt, "
                    "getal en eenheid, zoals 'Bijdrage: circa 40.000 euro per jaar'"
                )
                % {"value": text},
            )
            continue
        if not reader.fits("bedragen", match["label"].strip(), 300):
            continue
        amounts.append(
            {
                "label": match["label"].strip(),
                "amount": amount,
                "unit": unit,
                "approximate": bool(match["circa"]),
                "year_from": int(match["year_from"]) if match["year_from"] else None,
                "year_to": int(match["year_to"]) if match["year_to"] else None,
            }
        )
    return amounts


def _read_row(frame_row: pd.Series, row: int, sheet: str | None) -> ActionRow:
    reader = RowReader(frame_row, row, sheet)
    theme_title = reader.text("onderdeel", max_length=200)
    theme_slug = reader.slug("onderdeel_slug") or slugify(theme_title)
    if not theme_slug:
        reader.problem("onderdeel", _("is leeg; vul het onderdeel in"))
    action = ActionRow(
        row=row,
        id=reader.whole_number("id"),
        programme=(
            reader.year("programma_begrotingsjaar", required=True),
            reader.whole_number("programma_nummer", required=True),
        ),
        programme_title=reader.text("programma", max_length=200),
        theme_slug=theme_slug,
        theme_title=theme_title,
        theme_order=reader.whole_number("onderdeel_volgorde"),
        kind=reader.choice("soort", ActionKind),
        status=(
            reader.choice("status", ActionStatus) if reader.text("status") else None
        ),
        year=reader.year("jaar", required=True),
        order=reader.whole_number("volgorde"),
        title=reader.text("titel", required=True, max_length=200),
        text=reader.text("tekst", required=True),
        lines=_parse_lines(reader),
        places=(
            [
                name
                for name in cell_lines(frame_row.get("plekken"))
                if reader.fits("plekken", name, 120)
            ]
            if reader.has("plekken")
            else None
        ),
        references=_parse_references(reader),
        amounts=_parse_amounts(reader),
    )
    action.problems = reader.problems
    return action


def _check_file(rows: list[ActionRow], sheet: str | None) -> list[Problem]:
    """Problems between rows and with what the portal has: duplicates, unknowns."""
    problems = programme_problems(rows, sheet)
    seen_ids, seen_keys, themes, new_lines = {}, {}, {}, {}
    themes_in_db = set(
        Theme.objects.values_list(
            "programme__budget__year", "programme__number", "slug"
        )
    )
    agendas = list(Agenda.objects.prefetch_related("lines"))

    def problem(row, column, message):
        problems.append(Problem(message, row, column, sheet))

    for action in rows:
        programme_key = action.programme
        if action.id is not None:
            if action.id in seen_ids:
                problem(
                    action.row,
                    "id",
                    _("dubbele rij: actie %(id)s staat ook in rij %(other)s")
                    % {"id": action.id, "other": seen_ids[action.id]},
                )
            seen_ids.setdefault(action.id, action.row)
        key = (*programme_key, action.theme_slug, action.kind, action.title.lower())
        if key in seen_keys:
            problem(
                action.row,
                "titel",
                _(
                    "dubbele rij: dezelfde actie (onderdeel, soort en titel) staat "
                    "ook in rij %(other)s"
                )
                % {"other": seen_keys[key]},
            )
        seen_keys.setdefault(key, action.row)
        theme_key = (*programme_key, action.theme_slug)
        if theme_key not in themes_in_db and not action.theme_title:
            problem(
                action.row,
                "onderdeel",
                _(
                    "onbekend onderdeel '%(slug)s'; vul de titel van het onderdeel in "
                    "om het aan te maken"
                )
                % {"slug": action.theme_slug},
            )
        theme_attributes = (action.theme_title, action.theme_order)
        first = themes.setdefault(theme_key, (theme_attributes, action.row))
        if first[0] != theme_attributes:
            problem(
                action.row,
                "onderdeel",
                _("verschilt van rij %(other)s voor hetzelfde onderdeel")
                % {"other": first[1]},
            )
        for agenda_name, number, title in action.lines or []:
            agenda = next(
                (
                    a
                    for a in agendas
                    if agenda_name.lower() in (a.name.lower(), a.slug.lower())
                ),
                None,
            )
            line = (
                next((li for li in agenda.lines.all() if li.number == number), None)
                if agenda
                else None
            )
            label = f"{agenda_name} {number}"
            if line is None:
                if not title:
                    problem(
                        action.row,
                        "actielijnen",
                        _(
                            "onbekende actielijn '%(line)s'; zet de titel erachter "
                            "om hem aan te maken"
                        )
                        % {"line": label},
                    )
                elif new_lines.setdefault(label.lower(), title) != title:
                    problem(
                        action.row,
                        "actielijnen",
                        _("actielijn '%(line)s' heeft in het bestand twee titels")
                        % {"line": label},
                    )
            elif title and title != line.title:
                problem(
                    action.row,
                    "actielijnen",
                    _("actielijn '%(line)s' heet in het portaal '%(title)s'")
                    % {"line": label, "title": line.title},
                )
    return problems


class _ActionWriter(RecordWriter):
    def write(self, row: ActionRow) -> None:
        self.action(row)

    def theme(self, action: ActionRow) -> Theme:
        programme = self.programme(
            year=action.programme[0],
            number=action.programme[1],
            title=action.programme_title,
        )
        theme = Theme.objects.filter(
            programme=programme, slug=action.theme_slug
        ).first()
        if theme is None:
            theme = Theme.objects.create(
                programme=programme,
                slug=action.theme_slug,
                title=action.theme_title,
                order=action.theme_order or 0,
            )
            self.note(Outcome.CREATED, "onderdeel", theme)
            return theme
        wanted = {}
        if action.theme_title:
            wanted["title"] = action.theme_title
        if action.theme_order is not None:
            wanted["order"] = action.theme_order
        self.update(theme, "onderdeel", wanted)
        return theme

    def action_lines(self, lines) -> list[ActionLine]:
        found = []
        for agenda_name, number, title in lines:
            agenda = Agenda.objects.filter(name__iexact=agenda_name).first()
            agenda = agenda or Agenda.objects.filter(slug__iexact=agenda_name).first()
            if agenda is None:
                agenda = Agenda.objects.create(
                    name=agenda_name,
                    slug=unique_slug(Agenda.objects, agenda_name, fallback="agenda"),
                )
                self.note(Outcome.CREATED, "agenda", agenda)
            line, created = ActionLine.objects.get_or_create(
                agenda=agenda, number=number, defaults={"title": title}
            )
            if created:
                self.note(Outcome.CREATED, "actielijn", line)
            found.append(line)
        return found

    def places(self, names) -> list[Place]:
        found = []
        for name in names:
            place = Place.objects.filter(name__iexact=name).first()
            if place is None:
                place = Place.objects.create(
                    name=name, slug=unique_slug(Place.objects, name, fallback="plek")
                )
                self.note(Outcome.CREATED, "plek", place)
            found.append(place)
        return found

    def action(self, row: ActionRow) -> None:
        theme = self.theme(row)
        action = Action.objects.filter(pk=row.id).first() if row.id else None
        if action is None:
            action = (
                Action.objects.filter(theme=theme, kind=row.kind, title=row.title)
                .order_by("pk")
                .first()
            )
        created = action is None
        if created:
            action = Action(theme=theme, order=row.order or 0)
        fields = {
            "theme": theme,
            "kind": row.kind,
            "status": row.status or action.status,  # the model's default when new
            "year": row.year,
            "title": row.title,
            "text": row.text,
        }
        if row.order is not None:
            fields["order"] = row.order
        changed = model_update(instance=action, data=fields, save=False)
        if created or changed:
            action.save()
        changed = [str(Action._meta.get_field(name).verbose_name) for name in changed]
        changed += self.action_relations(action, row, created=created)
        if created:
            self.result.record(Outcome.CREATED, "actie", row.title)
            self.history(Outcome.CREATED, action)
        elif changed:
            self.result.record(
                Outcome.CHANGED,
                "actie",
                _("%(title)s (%(fields)s)")
                % {"title": row.title, "fields": ", ".join(changed)},
            )
            self.history(Outcome.CHANGED, action)
        else:
            self.result.record(Outcome.UNCHANGED, "actie", row.title)

    def action_relations(self, action: Action, row: ActionRow, *, created) -> list:
        changed = []
        if row.lines is not None:
            lines = self.action_lines(row.lines)
            if created or {li.pk for li in lines} != set(
                action.action_lines.values_list("pk", flat=True)
            ):
                action.action_lines.set(lines)
                changed.append(_("actielijnen"))
        if row.places is not None:
            places = self.places(row.places)
            if created or {p.pk for p in places} != set(
                action.places.values_list("pk", flat=True)
            ):
                action.places.set(places)
                changed.append(_("plekken"))
        if row.references is not None:
            current = sorted(
                action.references.values_list("kind", "code", "description")
            )
            if sorted(row.references) != current:
                action.references.all().delete()
                Reference.objects.bulk_create(
                    Reference(action=action, kind=kind, code=code, description=text)
                    for kind, code, text in row.references
                )
                changed.append(_("verwijzingen"))
        if row.amounts is not None:
            fields = ["label", "amount", "unit", "approximate", "year_from", "year_to"]
            current = [
                dict(zip(fields, values, strict=True))
                for values in action.key_figures.order_by("order", "pk").values_list(
                    *fields
                )
            ]
            if current != row.amounts:
                action.key_figures.all().delete()
                programme = action.theme.programme
                for order, amount in enumerate(row.amounts, start=1):
                    KeyFigure.objects.create(
                        programme=programme,
                        theme=action.theme,
                        action=action,
                        order=order,
                        **amount,
                    )
                changed.append(_("bedragen"))
        return [str(name) for name in changed if not created]


class _Actions(Table):
    name = "acties"
    columns = ACTION_COLUMNS
    recognised_by = {"titel", "tekst", "status", "onderdeel"}

    def read_rows(self, frame: pd.DataFrame, sheet: str | None):
        rows = [_read_row(cells, row, sheet) for row, cells in frame.iterrows()]
        return rows, [problem for action in rows for problem in action.problems]

    def check(self, rows, sheet):
        return _check_file(rows, sheet)

    def writer(self, result, user):
        return _ActionWriter(result, user)


ACTIONS = _Actions()
