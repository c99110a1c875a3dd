"""Import of actions from a spreadsheet in the format programmes.exports writes."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .cells import cell_lines, choice_from_text, choice_labels, parse_number
from .exports import ACTION_COLUMNS
from .importing import (
    ImportResult,
    Outcome,
    Problem,
    RowReader,
    missing_columns,
    unique_slug,
)
from .models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    Agenda,
    AmountUnit,
    Budget,
    KeyFigure,
    Place,
    Programme,
    Reference,
    ReferenceKind,
    Theme,
)

_LINE = re.compile(r"^(?P<agenda>.+?)\s+(?P<number>\d+)(?:\.\s*(?P<title>.*))?$")
_REFERENCE = re.compile(r"^(?P<kind>[^:]+):\s*(?P<rest>.+)$")
_REFERENCE_DASH = re.compile(r"\s+[–—-]\s+")
_AMOUNT = re.compile(
    r"^(?P<label>.+):\s+(?P<circa>circa\s+)?(?P<amount>-?[\d.,]+)\s+"
    r"(?P<unit>[^()]+?)(?:\s+\((?P<year_from>\d{4})?-(?P<year_to>\d{4})?\))?$",
    re.IGNORECASE,
)
_AMOUNT_UNITS = {str(label).lower(): code for code, label in AmountUnit.choices}


@dataclass
class ActionRow:
    """One valid row of an actions file. None for a list means 'column absent'."""

    row: int
    id: int | None
    programme_year: int
    programme_number: int
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
        programme_year=reader.year("programma_begrotingsjaar", required=True),
        programme_number=reader.whole_number("programma_nummer", required=True),
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
    problems = []
    seen_ids, seen_keys, titles, themes, new_lines = {}, {}, {}, {}, {}
    programmes = {
        (p.budget.year, p.number): p for p in Programme.objects.select_related("budget")
    }
    themes_in_db = {
        (t.programme.budget.year, t.programme.number, t.slug): t
        for t in Theme.objects.select_related("programme__budget")
    }
    agendas = list(Agenda.objects.prefetch_related("lines"))

    def problem(row, column, message):
        problems.append(Problem(message, row, column, sheet))

    for action in rows:
        programme_key = (action.programme_year, action.programme_number)
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

        if programme_key not in programmes and not action.programme_title:
            problem(
                action.row,
                "programma",
                _(
                    "programma %(number)s van de begroting %(year)s bestaat niet; vul "
                    "de titel in om het aan te maken"
                )
                % {"number": action.programme_number, "year": action.programme_year},
            )
        if action.programme_title:
            first = titles.setdefault(
                programme_key, (action.programme_title, action.row)
            )
            if first[0] != action.programme_title:
                problem(
                    action.row,
                    "programma",
                    _(
                        "'%(value)s' verschilt van rij %(other)s voor hetzelfde "
                        "programma"
                    )
                    % {"value": action.programme_title, "other": first[1]},
                )
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


class RecordWriter:
    """Writes budgets and programmes, noting each record it creates or changes.

    The actions import and the indicator import both build on it: a file may
    bring a new budget year or programme.
    """

    def __init__(self, result: ImportResult, user=None):
        self.result = result
        self.user = user if user is not None and user.is_authenticated else None
        self.noted = set()

    def note(self, outcome, what, obj, description=None):
        if (what, obj.pk) in self.noted:
            return
        self.noted.add((what, obj.pk))
        self.result.record(outcome, what, description or str(obj))
        self.history(outcome, obj)

    def history(self, outcome, obj) -> None:
        """Show the import in the admin's history of the record, with who did it."""
        if self.user is None or outcome == Outcome.UNCHANGED:
            return
        LogEntry.objects.log_actions(
            user_id=self.user.pk,
            queryset=[obj],
            action_flag=ADDITION if outcome == Outcome.CREATED else CHANGE,
            change_message=_("Ingelezen uit een begrotingsbestand."),
            single_object=True,
        )

    def budget(self, year: int) -> Budget:
        budget, created = Budget.objects.get_or_create(
            year=year, defaults={"title": f"Begroting {year}"}
        )
        outcome = Outcome.CREATED if created else Outcome.UNCHANGED
        self.note(outcome, "begroting", budget)
        return budget

    def programme(self, *, year: int, number: int, title: str) -> Programme:
        budget = self.budget(year)
        programme = Programme.objects.filter(budget=budget, number=number).first()
        if programme is None:
            programme = Programme.objects.create(
                budget=budget,
                number=number,
                title=title,
                slug=unique_slug(
                    Programme.objects.filter(budget=budget), title, fallback="programma"
                ),
            )
            self.note(Outcome.CREATED, "programma", programme)
        elif title and programme.title != title:
            programme.title = title
            programme.save(update_fields=["title", "updated_at"])
            self.note(Outcome.CHANGED, "programma", programme)
        else:
            self.note(Outcome.UNCHANGED, "programma", programme)
        return programme


class _ActionWriter(RecordWriter):
    def theme(self, action: ActionRow) -> Theme:
        programme = self.programme(
            year=action.programme_year,
            number=action.programme_number,
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
        changed = []
        if action.theme_title and theme.title != action.theme_title:
            theme.title = action.theme_title
            changed.append("title")
        if action.theme_order is not None and theme.order != action.theme_order:
            theme.order = action.theme_order
            changed.append("order")
        if changed:
            theme.save(update_fields=[*changed, "updated_at"])
        self.note(Outcome.CHANGED if changed else Outcome.UNCHANGED, "onderdeel", theme)
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
        changed = [
            str(Action._meta.get_field(name).verbose_name)
            for name, value in fields.items()
            if getattr(action, name) != value
        ]
        for name, value in fields.items():
            setattr(action, name, value)
        if created or changed:
            action.save()
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


@transaction.atomic
def actions_import(
    *,
    frame: pd.DataFrame,
    user=None,
    dry_run: bool = False,
    sheet: str | None = None,
) -> ImportResult:
    """Create or update the actions in `frame`, all or nothing.

    An action is matched by its id, else by onderdeel, soort and titel; a new
    budget year, programme, onderdeel, agenda line or place is created. With
    problems nothing is written; with dry_run everything is rolled back after
    the result has been worked out, which is what the admin's preview shows.
    """
    result = ImportResult(dry_run=dry_run)
    result.problems += missing_columns(frame, ACTION_COLUMNS, sheet)
    if result.problems:
        return result
    rows = [_read_row(cells, row, sheet) for row, cells in frame.iterrows()]
    for action in rows:
        result.problems += action.problems
    if result.problems:
        return result
    result.problems += _check_file(rows, sheet)
    if result.problems:
        return result
    writer = _ActionWriter(result, user)
    for action in rows:
        writer.action(action)
    if dry_run:
        transaction.set_rollback(True)
    return result
