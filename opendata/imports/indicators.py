"""The indicator values table of a budget file, in the format
exports.indicator_values_frame writes."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

import pandas as pd

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.cells import cell_text
from content.services import field_labels
from indicators.formatting import format_number
from indicators.models import Indicator, IndicatorValue, UnitKind, ValueKind

from ..columns import INDICATOR_COLUMNS
from .results import Outcome, Problem
from .rows import RowReader, Table, programme_problems, read_all
from .writer import Batch, RecordWriter, unique_slug

# What an indicator is, apart from its values; all rows of one indicator agree.
INDICATOR_ATTRIBUTES = {
    "programme": ("programma_nummer", "programme"),
    "name": ("indicator", "name"),
    "order": ("volgorde", "order"),
    "unit": ("eenheid", "unit"),
    "unit_kind": ("soort_getal", "unit_kind"),
    "source": ("bron", "source"),
    "description": ("toelichting", "description"),
}


@dataclass
class ValueRow:
    """One valid row of an indicator file. None means 'column absent or empty'."""

    row: int
    programme: tuple[int, int]  # (budget year, number)
    programme_title: str
    slug: str
    name: str
    order: int | None
    unit: str
    unit_kind: str | None
    source: str | None
    description: str | None
    budget_year: int  # the document that states the value
    year: int | None  # the year it is about; None only in a row with a problem
    kind: str
    value: Decimal | None
    note: str | None
    value_source: str | None = None
    english: dict = field(default_factory=dict)  # the indicator's, as name_en
    value_english: dict = field(default_factory=dict)  # the value's, as note_en

    @property
    def indicator_key(self):
        if self.slug:
            return self.slug
        return (self.programme, self.name.lower(), self.unit.lower())


def _optional_text(reader: RowReader, column: str, max_length: int) -> str | None:
    return reader.text(column, max_length=max_length) if reader.has(column) else None


def _read_row(cells: dict, row: int, sheet: str | None, known: dict):
    reader = RowReader(cells, row, sheet)
    slug = reader.slug("indicator_slug")
    existing = known.get(slug)
    name = reader.text("indicator", max_length=200)
    if not name and not existing:
        if slug:
            reader.problem(
                "indicator",
                _("onbekende indicator '%(slug)s'; vul de naam in om hem aan te maken")
                % {"slug": slug},
            )
        else:
            reader.problem("indicator", _("is leeg; vul de naam in"))
    unit = reader.text("eenheid", max_length=60) or (existing.unit if existing else "")
    if not unit:
        reader.problem("eenheid", _("is leeg; vul de eenheid in, zoals 'personen'"))
    unit_kind = (
        reader.choice("soort_getal", UnitKind) if reader.text("soort_getal") else None
    )
    value = reader.number("waarde")
    values = ValueRow(
        row=row,
        programme=reader.programme(),
        programme_title=reader.text("programma", max_length=200),
        slug=slug,
        name=name,
        order=reader.whole_number("volgorde"),
        unit=unit,
        unit_kind=unit_kind,
        source=_optional_text(reader, "bron", 200),
        description=_optional_text(reader, "toelichting", 10_000),
        budget_year=reader.year("begrotingsjaar", required=True),
        year=None,
        kind=reader.choice("soort_waarde", ValueKind, default=ValueKind.BUDGETED),
        value=value,
        note=_optional_text(reader, "opmerking", 300),
        value_source=_optional_text(reader, "bron_waarde", 200),
        english=reader.english(
            Indicator,
            {
                "name": "indicator",
                "unit": "eenheid",
                "source": "bron",
                "description": "toelichting",
            },
        ),
        value_english=reader.english(
            IndicatorValue, {"note": "opmerking", "source": "bron_waarde"}
        ),
    )
    values.year = _value_year(reader, values)
    if value is not None:
        effective_kind = unit_kind or (
            existing.unit_kind
            if existing
            else UnitKind.PERCENTAGE
            if unit == "%"
            else UnitKind.COUNT
        )
        written = cell_text(cells.get("waarde"))
        if written.endswith("%") and effective_kind != UnitKind.PERCENTAGE:
            # The sign would be dropped silently: 0,7% of 'per 10.000' is not 0,7.
            reader.problem(
                "waarde",
                _(
                    "'%(value)s' is een percentage, maar deze indicator telt in "
                    "'%(unit)s'; laat het procentteken weg, of maak de eenheid '%%'"
                )
                % {"value": written, "unit": unit},
            )
        if value < 0 and effective_kind != UnitKind.EURO:
            reader.problem(
                "waarde", _("een aantal of percentage kan niet negatief zijn")
            )
        if effective_kind == UnitKind.PERCENTAGE and value > 100:
            reader.problem("waarde", _("een percentage ligt tussen 0 en 100"))
        if abs(value) >= 10**12:
            reader.problem("waarde", _("is te groot"))
        elif value != value.quantize(Decimal("0.01")):
            reader.problem("waarde", _("heeft meer dan twee cijfers achter de komma"))
    return values, reader.problems


def _value_year(reader: RowReader, row: ValueRow) -> int | None:
    """The year a value is about: `jaar`, else (a file written before `jaar`
    existed) `gemeten_in`, else the budget's own year. A kengetal needs its year
    of measurement; a realised or measured figure cannot be about a year after
    the document that states it."""
    old_file = reader.has("gemeten_in") and not reader.has("jaar")
    column = "gemeten_in" if old_file else "jaar"
    problems = len(reader.problems)
    year = reader.year(column)
    if len(reader.problems) > problems:
        return None  # not a year: said already
    if year is None:
        if row.kind == ValueKind.MEASURED:
            reader.problem(
                column, _("een kengetal is gemeten: vul het jaar van meting in")
            )
            return None
        return row.budget_year
    if (
        row.kind in (ValueKind.REALISED, ValueKind.MEASURED)
        and row.budget_year is not None
        and year > row.budget_year
    ):
        reader.problem(
            column,
            _(
                "%(year)s ligt na begrotingsjaar %(budget)s: een gerealiseerd of "
                "gemeten cijfer gaat niet over een later jaar dan de begroting die "
                "het noemt"
            )
            % {"year": year, "budget": row.budget_year},
        )
    return year


def _check_file(rows: list[ValueRow], sheet: str | None) -> list[Problem]:
    """Duplicates, disagreeing rows and unknown programmes."""
    problems = programme_problems(rows, sheet)
    seen_values, indicators = {}, {}
    for row in rows:
        key = (row.indicator_key, row.budget_year, row.year, row.kind)
        if key in seen_values:
            problems.append(
                Problem(
                    _(
                        "dubbele rij: dezelfde indicator, hetzelfde begrotingsjaar, "
                        "hetzelfde jaar en dezelfde soort waarde staan ook in rij "
                        "%(other)s"
                    )
                    % {"other": seen_values[key]},
                    row.row,
                    None,
                    sheet,
                )
            )
        seen_values.setdefault(key, row.row)
        first = indicators.setdefault(row.indicator_key, row)
        for attribute, (column, _field) in INDICATOR_ATTRIBUTES.items():
            mine, theirs = getattr(row, attribute), getattr(first, attribute)
            if mine not in (None, "") and theirs not in (None, "") and mine != theirs:
                problems.append(
                    Problem(
                        _(
                            "'%(value)s' verschilt van rij %(other)s voor dezelfde "
                            "indicator"
                        )
                        % {"value": mine, "other": first.row},
                        row.row,
                        column,
                        sheet,
                    )
                )
    return problems


def _shown(value: Decimal | None) -> str:
    # As the reader of the preview writes numbers: 8,9 and 6.350 in Dutch.
    return format_number(value) if value is not None else _("geen waarde")


class _IndicatorWriter(RecordWriter):
    """Indicators and their values in bulk: the file's records are read in a few
    queries, then created and changed in batches."""

    def write_rows(self, rows: list[ValueRow]) -> None:
        self.programmes_of(rows)
        for row in rows:
            self.budget(row.budget_year)
        indicators = self.indicators(rows)
        values = Batch(IndicatorValue)
        existing = {
            (value.indicator_id, value.budget_id, value.year, value.kind): value
            for value in IndicatorValue.objects.select_for_update(of=("self",))
            .select_related("indicator", "budget")
            .order_by()
            .filter(indicator__in=[i for i in indicators.values() if i.pk is not None])
        }
        for row in rows:
            self.value(row, indicators[row.indicator_key], existing, values)
        values.save(self.user)
        # What the values' post_save does one by one: their indicator changed.
        touched = {value.indicator_id for value in [*values.new, *values.changed]}
        if touched:
            Indicator.objects.filter(pk__in=touched).update(updated_at=timezone.now())

    def indicators(self, rows: list[ValueRow]) -> dict:
        """Every indicator of the file by its key, created or changed."""
        programmes = [self.programmes[row.programme] for row in rows]
        found = (
            Indicator.objects.select_for_update(of=("self",))
            .order_by("programme_id", "order", "pk")
            .filter(
                Q(slug__in={row.slug for row in rows if row.slug})
                | Q(programme__in={p.pk for p in programmes})
            )
        )
        by_slug, by_name = {}, {}
        for indicator in found:  # in the default order: the first of a name wins
            by_slug[indicator.slug] = indicator
            by_name.setdefault(
                (indicator.programme_id, indicator.name, indicator.unit), indicator
            )
        taken = set(Indicator.objects.values_list("slug", flat=True))
        batch = Batch(Indicator)
        indicators = {}
        for row in rows:
            if row.indicator_key in indicators:
                continue
            programme = self.programmes[row.programme]
            indicator = (
                by_slug.get(row.slug)
                if row.slug
                else by_name.get((programme.pk, row.name, row.unit))
            )
            wanted = {
                "programme_id": programme.pk,  # the id: the object would be read
                "name": row.name,
                "order": row.order,
                "unit": row.unit,
                "unit_kind": row.unit_kind,
                "source": row.source,
                "description": row.description,
            }
            # An absent column (None) leaves what the portal has; an empty source
            # or description clears it, as the person who emptied the cell meant.
            wanted = {
                key: v
                for key, v in wanted.items()
                if v is not None and not (key == "name" and v == "")
            } | row.english
            if indicator is None:
                wanted.setdefault(
                    "unit_kind",
                    UnitKind.PERCENTAGE if row.unit == "%" else UnitKind.COUNT,
                )
                indicator = Indicator(slug=row.slug or _new_slug(row, taken), **wanted)
                indicator.programme = programme
                taken.add(indicator.slug)
                batch.create(indicator)
                # Later rows find it as they would have found it in the database.
                by_slug[indicator.slug] = indicator
                by_name.setdefault((programme.pk, row.name, row.unit), indicator)
                self.note(Outcome.CREATED, "indicator", indicator)
            else:
                changed = batch.change(indicator, wanted)
                self.note_update(indicator, "indicator", changed)
            indicators[row.indicator_key] = indicator
        batch.save(self.user)
        return indicators

    def value(self, row: ValueRow, indicator, existing: dict, batch: Batch) -> None:
        budget = self.budgets[row.budget_year]
        kind_label = ValueKind(row.kind).label
        described = f"{indicator}, {budget}, {kind_label}"
        if row.year != budget.year:
            described += f" {row.year}"
        key = (indicator.pk, budget.pk, row.year, row.kind)
        value = existing.get(key)
        wanted = {"value": row.value}
        if row.note is not None:
            wanted["note"] = row.note
        if row.value_source is not None:
            wanted["source"] = row.value_source
        wanted |= row.value_english
        if value is None:
            value = IndicatorValue(
                indicator=indicator,
                budget=budget,
                year=row.year,
                kind=row.kind,
                **wanted,
            )
            batch.create(value)
            existing[key] = value
            self.result.record(
                Outcome.CREATED, "waarde", f"{described}: {_shown(row.value)}"
            )
            self.history(Outcome.CREATED, value)
            return
        before = _shown(value.value)
        changed = batch.change(value, wanted)
        if not changed:
            self.result.record(
                Outcome.UNCHANGED, "waarde", f"{described}: {_shown(row.value)}"
            )
            return
        self.history(Outcome.CHANGED, value)
        self.result.record(
            Outcome.CHANGED,
            "waarde",
            f"{described}: {before} → {_shown(row.value)}"
            if "value" in changed
            else f"{described}: {field_labels(IndicatorValue, changed)}",
        )


def _new_slug(row: ValueRow, taken: set) -> str:
    """From the name; with the unit when two measures share a name (as in the
    budget's table)."""
    slug = slugify(row.name)[:190]
    if slug and slug not in taken:
        return slug
    return unique_slug(taken, f"{row.name} {row.unit}", fallback="indicator")


class _IndicatorValues(Table):
    name = "indicatoren"
    about = gettext_lazy("één rij per waarde van een beleidsindicator")
    columns = INDICATOR_COLUMNS
    recognised_by = {"waarde", "soort_waarde", "indicator", "indicator_slug"}

    def read_rows(self, frame: pd.DataFrame, sheet: str | None):
        known = {indicator.slug: indicator for indicator in Indicator.objects.all()}
        return read_all(frame, sheet, partial(_read_row, known=known))

    def check(self, rows, sheet):
        return _check_file(rows, sheet)

    def writer(self, result, user):
        return _IndicatorWriter(result, user)


INDICATOR_VALUES = _IndicatorValues()
