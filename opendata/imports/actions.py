"""The actions table of a budget file, in the format exports.actions_frame writes."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from simple_history.utils import bulk_create_with_history

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.cells import (
    cell_lines,
    choice_from_text,
    choice_labels,
    choice_text,
    parse_number,
)
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
)

from ..columns import ACTION_COLUMNS
from .agendas import agendas_by_word
from .results import Outcome, Problem
from .rows import (
    ID_MAX,
    RowReader,
    Table,
    programme_problems,
    rows_of,
    theme_problems,
)
from .writer import BATCH_SIZE, Batch, RecordWriter, unique_slug

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
    theme_english: dict = field(default_factory=dict)
    english: dict = field(default_factory=dict)  # title_en, text_en


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


def _read_row(cells: dict, row: int, sheet: str | None) -> ActionRow:
    reader = RowReader(cells, row, sheet)
    theme_slug, theme_title, theme_order = reader.theme()
    action = ActionRow(
        row=row,
        id=reader.whole_number("id", maximum=ID_MAX),
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        theme_slug=theme_slug,
        theme_title=theme_title,
        theme_order=theme_order,
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
                for name in cell_lines(cells.get("plekken"))
                if reader.fits("plekken", name, 120)
            ]
            if reader.has("plekken")
            else None
        ),
        references=_parse_references(reader),
        amounts=_parse_amounts(reader),
        theme_english=reader.theme_english(),
        english=reader.english(Action, {"title": "titel", "text": "tekst"}),
    )
    action.problems = reader.problems
    return action


def _check_file(rows: list[ActionRow], sheet: str | None) -> list[Problem]:
    """Problems between rows and with what the portal has: duplicates, unknowns."""
    problems = programme_problems(rows, sheet) + theme_problems(rows, sheet)
    seen_ids, seen_keys, new_lines = {}, {}, {}
    agendas = agendas_by_word()

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
        for agenda_name, number, title in action.lines or []:
            agenda = agendas.get(agenda_name.lower())
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


AMOUNT_FIELDS = ["label", "amount", "unit", "approximate", "year_from", "year_to"]


class _ActionWriter(RecordWriter):
    """Actions in bulk: the few programmes, themes, agenda lines and places one by
    one, the actions and their relations in batches."""

    def write_rows(self, rows: list[ActionRow]) -> None:
        self.programmes_of(rows)
        themes = self.themes(rows)
        lines = self.action_lines(rows)
        places = self.places(rows)
        matches = self.existing_actions(rows, themes)
        current = _current_relations([a.pk for a in matches.existing()])
        batch = Batch(Action)
        planned = []
        for row in rows:
            theme = themes[row.programme, row.theme_slug]
            action = matches.find(row, theme)
            created = action is None
            # The theme's id: comparing the theme itself would read it per row.
            fields = {"theme_id": theme.pk, "kind": row.kind}
            if row.status:  # empty: keep it (Gepland, the default, when new)
                fields["status"] = row.status
            fields |= {"year": row.year, "title": row.title, "text": row.text}
            fields |= row.english
            if row.order is not None:
                fields["order"] = row.order
            old_key = None if created else _match_key(action)
            if created:
                action = Action(**{"order": 0, **fields})
                action.theme = theme
                batch.create(action)
                changed = []
            else:
                changed = batch.change(action, fields)
            matches.moved(action, old_key)
            planned.append((row, action, created, changed))
        batch.save(self.user)
        relations = _Relations(current)
        for row, action, created, changed in planned:
            labels = [
                str(Action._meta.get_field(name).verbose_name) for name in changed
            ]
            labels += relations.plan(action, row, lines, places, created=created)
            if created:
                self.result.record(Outcome.CREATED, "actie", row.title)
                self.history(Outcome.CREATED, action)
            elif labels:
                self.result.record(
                    Outcome.CHANGED,
                    "actie",
                    _("%(title)s (%(fields)s)")
                    % {"title": row.title, "fields": ", ".join(labels)},
                )
                self.history(Outcome.CHANGED, action)
            else:
                self.result.record(Outcome.UNCHANGED, "actie", row.title)
        written = relations.save(self.user)
        # An action's references and amounts are records of their own: listed
        # and counted as the sheets verwijzingen and bedragen list theirs.
        for reference in written["references"]:
            self.result.record(
                Outcome.CREATED,
                "verwijzing",
                f"{reference.action.title}: {reference.code}",
            )
        for amount in written["amounts"]:
            self.result.record(
                Outcome.CREATED, "bedrag", f"{amount.action.title}: {amount.label}"
            )

    def action_lines(self, rows: list[ActionRow]) -> dict:
        """The agenda lines the file names, by (agenda name, number)."""
        agendas = agendas_by_word()
        taken = set(Agenda.objects.values_list("slug", flat=True))
        lines = {}
        for row in rows:
            for agenda_name, number, title in row.lines or []:
                if (agenda_name.lower(), number) in lines:
                    continue
                agenda = agendas.get(agenda_name.lower())
                if agenda is None:
                    agenda = Agenda.objects.create(
                        name=agenda_name,
                        slug=unique_slug(taken, agenda_name, fallback="agenda"),
                    )
                    agendas[agenda_name.lower()] = agenda
                    self.note(Outcome.CREATED, "agenda", agenda)
                line = next(
                    (li for li in agenda.lines.all() if li.number == number), None
                )
                if line is None:
                    line, created = ActionLine.objects.get_or_create(
                        agenda=agenda, number=number, defaults={"title": title}
                    )
                    if created:
                        self.note(Outcome.CREATED, "actielijn", line)
                lines[agenda_name.lower(), number] = line
        return lines

    def places(self, rows: list[ActionRow]) -> dict:
        """The places the file names, by lower-case name."""
        places = {place.name.lower(): place for place in Place.objects.all()}
        taken = {place.slug for place in places.values()}
        for row in rows:
            for name in row.places or []:
                if name.lower() not in places:
                    place = Place.objects.create(
                        name=name, slug=unique_slug(taken, name, fallback="plek")
                    )
                    places[name.lower()] = place
                    self.note(Outcome.CREATED, "plek", place)
        return places

    def existing_actions(self, rows: list[ActionRow], themes: dict) -> "_Matches":
        """The actions the rows may change: by id, and by onderdeel, soort and
        titel (kept up to date as the rows create and rename actions)."""
        by_id = (
            Action.objects.select_for_update(of=("self",))
            .order_by()
            .in_bulk({row.id for row in rows if row.id})
        )
        by_key = {}
        for action in (
            Action.objects.select_for_update(of=("self",))
            .filter(theme__in=[theme.pk for theme in themes.values()])
            .order_by("pk")
        ):
            by_key.setdefault(_match_key(action), action)
        return _Matches(by_id, by_key)


def _match_key(action) -> tuple:
    return (action.theme_id, action.kind, action.title)


class _Matches:
    """Which action a row changes, as an import one row at a time would find it."""

    def __init__(self, by_id: dict, by_key: dict):
        self.by_id, self.by_key = by_id, by_key

    def existing(self) -> list:
        return [*self.by_id.values(), *self.by_key.values()]

    def find(self, row: ActionRow, theme) -> Action | None:
        action = self.by_id.get(row.id) if row.id else None
        return action or self.by_key.get((theme.pk, row.kind, row.title))

    def moved(self, action, old_key) -> None:
        """After a row created or changed `action`: the next rows find it by its
        new title, and no longer by its old one."""
        if old_key is not None and self.by_key.get(old_key) is action:
            del self.by_key[old_key]
        self.by_key.setdefault(_match_key(action), action)


def _current_relations(action_ids: list[int]) -> dict:
    """What the existing actions have: lines, places, references, amounts."""
    current = {
        "lines": defaultdict(set),
        "places": defaultdict(set),
        "references": defaultdict(list),
        "amounts": defaultdict(list),
    }
    for action_id, line_id in Action.action_lines.through.objects.filter(
        action_id__in=action_ids
    ).values_list("action_id", "actionline_id"):
        current["lines"][action_id].add(line_id)
    for action_id, place_id in Action.places.through.objects.filter(
        action_id__in=action_ids
    ).values_list("action_id", "place_id"):
        current["places"][action_id].add(place_id)
    for action_id, *reference in Reference.objects.filter(
        action_id__in=action_ids
    ).values_list("action_id", "kind", "code", "description"):
        current["references"][action_id].append(tuple(reference))
    for action_id, *amount in (
        KeyFigure.objects.filter(action_id__in=action_ids)
        .order_by("order", "pk")
        .values_list("action_id", *AMOUNT_FIELDS)
    ):
        current["amounts"][action_id].append(
            dict(zip(AMOUNT_FIELDS, amount, strict=True))
        )
    return current


class _Relations:
    """The actions' lines, places, references and amounts to replace, written
    together by save()."""

    def __init__(self, current: dict):
        self.current = current
        # relation -> action id -> its new rows; a second row for the same
        # action replaces what the first planned, as it would have one by one.
        self.new = defaultdict(dict)

    def plan(self, action, row: ActionRow, lines, places, *, created) -> list[str]:
        """What of `row`'s relations differs from `action`'s (labels)."""
        changed = []
        Lines, Places = Action.action_lines.through, Action.places.through
        if row.lines is not None:
            wanted = {lines[name.lower(), number].pk for name, number, _t in row.lines}
            if created or wanted != self.current["lines"][action.pk]:
                self.new["lines"][action.pk] = [
                    Lines(action_id=action.pk, actionline_id=pk) for pk in wanted
                ]
                changed.append(_("actielijnen"))
        if row.places is not None:
            wanted = {places[name.lower()].pk for name in row.places}
            if created or wanted != self.current["places"][action.pk]:
                self.new["places"][action.pk] = [
                    Places(action_id=action.pk, place_id=pk) for pk in wanted
                ]
                changed.append(_("plekken"))
        if row.references is not None and sorted(row.references) != sorted(
            self.current["references"][action.pk]
        ):
            self.new["references"][action.pk] = [
                Reference(action=action, kind=kind, code=code, description=text)
                for kind, code, text in row.references
            ]
            changed.append(_("verwijzingen"))
        if (
            row.amounts is not None
            and row.amounts != self.current["amounts"][action.pk]
        ):
            self.new["amounts"][action.pk] = [
                KeyFigure(
                    programme=action.theme.programme,
                    theme=action.theme,
                    action=action,
                    order=order,
                    **amount,
                )
                for order, amount in enumerate(row.amounts, start=1)
            ]
            changed.append(_("bedragen"))
        return [] if created else [str(name) for name in changed]

    def save(self, user) -> dict:
        """Write the planned relations; the new rows, by relation."""
        Lines, Places = Action.action_lines.through, Action.places.through
        written = {}
        for relation, model, history in (
            ("lines", Lines, False),
            ("places", Places, False),
            # With their history, like an editor's delete: the references and
            # sums of a few changed actions, not of every new one.
            ("references", Reference, True),
            ("amounts", KeyFigure, True),
        ):
            replaced = self.new[relation]
            model.objects.filter(action_id__in=list(replaced)).delete()
            rows = [row for new in replaced.values() for row in new]
            if history:
                bulk_create_with_history(
                    rows, model, batch_size=BATCH_SIZE, default_user=user
                )
            else:
                model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            written[relation] = rows
        return written


class _Actions(Table):
    name = "acties"
    about = gettext_lazy("één rij per actie, doel of pilot")
    columns = ACTION_COLUMNS
    recognised_by = {"titel", "tekst", "status", "onderdeel"}

    def read_rows(self, frame: pd.DataFrame, sheet: str | None):
        rows = [_read_row(cells, row, sheet) for row, cells in rows_of(frame)]
        return rows, [problem for action in rows for problem in action.problems]

    def check(self, rows, sheet):
        return _check_file(rows, sheet)

    def writer(self, result, user):
        return _ActionWriter(result, user)


ACTIONS = _Actions()
