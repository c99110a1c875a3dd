"""What the pages show of a programme's money, read in a fixed number of queries.

A programme page asks `programme_money()` once: three queries (figures, changes,
inhabitants) whatever the number of years, documents and products.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import Budget, Programme

from .models import (
    TOTALS,
    FigureKind,
    FinancialFigure,
    FinancialLine,
    MoneyUnit,
    Population,
    ProductChange,
    SummaryFigure,
)
from .words import change_amount, euros, line_amount, per_inhabitant

# The lines a comparison of two documents and the per-inhabitant table show.
MAIN_LINES = (FinancialLine.COSTS, FinancialLine.INCOME, FinancialLine.RESULT)


@dataclass
class Column:
    year: int
    kind: str

    @property
    def label(self) -> str:
        return f"{FigureKind(self.kind).label} {self.year}"

    @property
    def realised(self) -> bool:
        return self.kind == FigureKind.REALISED


@dataclass
class Cell:
    figure: FinancialFigure | None
    text: str


@dataclass
class Row:
    line: str
    label: str
    cells: list[Cell]
    total: bool
    # The line's figure for the document's own year: what a council member's note
    # or technical question about the line is about.
    own: FinancialFigure | None = None


@dataclass
class RoundingDifference:
    """A published total that is not the sum of its published lines."""

    line: str
    year: int
    published: Decimal
    summed: Decimal

    def __str__(self):
        return _(
            "%(line)s %(year)s: gepubliceerd %(published)s, som van de regels "
            "%(summed)s (afronding in de bron)"
        ) % {
            "line": FinancialLine(self.line).label,
            "year": self.year,
            "published": line_amount(self.line, self.published),
            "summed": line_amount(self.line, self.summed),
        }


def rounding_differences(figures) -> list[RoundingDifference]:
    """Totals of one programme and document that differ from the sum of their lines.

    Shown as published on the pages; the admin names them so an editor sees that a
    difference of 1 is the source's rounding and not a typing error.
    """
    amounts = {(f.line, f.year): f.amount for f in figures}
    found = []
    for (line, year), published in sorted(amounts.items(), key=lambda i: i[0][1]):
        parts = TOTALS.get(FinancialLine(line))
        if not parts or any((part, year) not in amounts for part in parts):
            continue
        summed = sum(amounts[(part, year)] for part in parts)
        if summed != published:
            found.append(RoundingDifference(line, year, published, summed))
    return found


@dataclass
class Exploitation:
    """The overview of lasten and baten of one programme in one budget document."""

    document: object
    unit: str
    columns: list[Column]
    rows: list[Row]
    rounding: list[RoundingDifference]
    amounts: dict = field(default_factory=dict)  # (line, year) -> Decimal

    def amount(self, line, year):
        return self.amounts.get((line, year))

    def column_of(self, year):
        return next((c for c in self.columns if c.year == year), None)


def exploitation(document, figures) -> Exploitation:
    figures = sorted(figures, key=lambda f: f.year)
    kinds = {}
    for figure in figures:
        kinds.setdefault(figure.year, figure.kind)
    columns = [Column(year, kind) for year, kind in sorted(kinds.items())]
    by_cell = {(f.line, f.year): f for f in figures}
    # One unit per table: as published (× € 1.000) where every figure has it,
    # else every cell in euros, so that no column mixes thousands and euros.
    units = {f.unit for f in figures}
    unit = units.pop() if len(units) == 1 else MoneyUnit.EURO
    rows = []
    for line in FinancialLine:
        if not any((line, c.year) in by_cell for c in columns):
            continue
        cells = []
        for column in columns:
            figure = by_cell.get((line, column.year))
            if figure is None:
                text = _("niet gepubliceerd")
            else:
                shown = figure.amount if unit == figure.unit else figure.euros
                text = line_amount(line, shown)
            cells.append(Cell(figure, text))
        rows.append(
            Row(
                line,
                line.label,
                cells,
                total=line in TOTALS,
                own=by_cell.get((line, document.year)),
            )
        )
    return Exploitation(
        document=document,
        unit=unit,
        columns=columns,
        rows=rows,
        rounding=rounding_differences(figures),
        amounts={(f.line, f.year): f.euros for f in figures},
    )


@dataclass
class Comparison:
    """The same years in two documents: what a later budget changed."""

    earlier: Exploitation
    later: Exploitation
    years: list[int]
    rows: list[tuple[str, list[tuple[int, str, str, str]]]]


_CHANGE_WORDS = {
    # line: (word when the later signed figure is lower, word when it is higher)
    FinancialLine.COSTS: (gettext_lazy("hogere lasten"), gettext_lazy("lagere lasten")),
    FinancialLine.INCOME: (gettext_lazy("lagere baten"), gettext_lazy("hogere baten")),
    FinancialLine.RESULT: (gettext_lazy("ongunstiger"), gettext_lazy("gunstiger")),
}


def _change(line, earlier, later) -> str:
    if earlier is None or later is None:
        return "–"
    difference = later - earlier
    if difference == 0:
        return _("gelijk")
    lower, higher = _CHANGE_WORDS[line]
    word = lower if difference < 0 else higher
    return f"{euros(abs(difference))} {word}"


def compare(earlier: Exploitation, later: Exploitation) -> Comparison:
    years = sorted({c.year for c in earlier.columns} & {c.year for c in later.columns})
    rows = []
    for line in MAIN_LINES:
        cells = []
        for year in years:
            a, b = earlier.amount(line, year), later.amount(line, year)
            cells.append(
                (
                    year,
                    _cell_with_kind(earlier, line, year),
                    _cell_with_kind(later, line, year),
                    _change(line, a, b),
                )
            )
        rows.append((line.label, cells))
    return Comparison(earlier, later, years, rows)


def _cell_with_kind(table: Exploitation, line, year) -> str:
    amount = table.amount(line, year)
    if amount is None:
        return _("niet gepubliceerd")
    kind = FigureKind(table.column_of(year).kind).label.lower()
    return f"{euros(abs(amount))} ({kind})"


@dataclass
class Change:
    change: ProductChange
    text: str


@dataclass
class PerInhabitant:
    columns: list[Column]
    rows: list[tuple[str, list[str]]]
    sources: list[Population]


def per_inhabitant_table(table: Exploitation, populations) -> PerInhabitant | None:
    """Amounts per inhabitant for the years whose population an editor entered."""
    by_year = {p.year: p for p in populations}
    known = [c for c in table.columns if c.year in by_year]
    if not known:
        return None
    rows = []
    for line in MAIN_LINES:
        cells = []
        for column in table.columns:
            amount = table.amount(line, column.year)
            population = by_year.get(column.year)
            if amount is None or population is None:
                cells.append(_("onbekend"))
                continue
            each = (amount / population.inhabitants).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            )
            cells.append(per_inhabitant(each))
        rows.append((line.label, cells))
    return PerInhabitant(table.columns, rows, [by_year[c.year] for c in known])


@dataclass
class Money:
    """Everything "Wat mag het kosten?" shows of one programme."""

    shown: Exploitation | None
    comparisons: list[Comparison]
    changes: dict  # document -> [Change]
    per_inhabitant: PerInhabitant | None
    # Every document that holds money for the programme, newest first.
    documents: list = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return money_sentence(self.shown)


_POPULATION_FIELDS = ("id", "year", "inhabitants", "counted_on", "source")


def _with_populations(figures) -> tuple[list, dict]:
    """The figures, and the inhabitants of their years ({year: Population}).

    The inhabitants come in the figures' own query (they are few and only
    per-inhabitant amounts need them): one query for the money.
    """
    same_year = Population.objects.filter(year=OuterRef("year"))
    figures = list(
        figures.annotate(
            **{
                f"population_{name}": Subquery(same_year.values(name)[:1])
                for name in _POPULATION_FIELDS
            }
        )
    )
    populations = {
        figure.year: Population(
            **{
                name: getattr(figure, f"population_{name}")
                for name in _POPULATION_FIELDS
            }
        )
        for figure in figures
        if figure.population_id is not None
    }
    return figures, populations


def programme_money(programme, *, public_only: bool = True) -> Money:
    figures = FinancialFigure.objects.filter(programme=programme)
    changes = ProductChange.objects.filter(programme=programme)
    if public_only:
        figures, changes = figures.public(), changes.public()
    by_document = {}
    figures, populations = _with_populations(figures.select_related("document"))
    for figure in figures:
        by_document.setdefault(figure.document, []).append(figure)
    if not by_document:
        return Money(shown=None, comparisons=[], changes={}, per_inhabitant=None)
    # The programme's own budget, or else the newest document with its figures;
    # beside it the document before it (the compare page has any other pair).
    document = (
        programme.budget
        if programme.budget in by_document
        else max(by_document, key=lambda d: d.year)
    )
    shown = exploitation(document, by_document[document])
    earlier = [d for d in by_document if d.year < document.year]
    previous = max(earlier, key=lambda d: d.year) if earlier else None
    comparisons = (
        [compare(exploitation(previous, by_document[previous]), shown)]
        if previous
        else []
    )
    by_change_document = {}
    for change in changes.filter(document__in=[document, previous]).select_related(
        "document"
    ):
        by_change_document.setdefault(change.document, []).append(
            Change(change, change_amount(change.euros))
        )
    return Money(
        shown=shown,
        comparisons=comparisons,
        changes=dict(sorted(by_change_document.items(), key=lambda i: -i[0].year)),
        per_inhabitant=per_inhabitant_table(shown, populations.values()),
        documents=sorted(by_document, key=lambda d: -d.year),
    )


def money_only_documents(programme, documents, other_years) -> list:
    """Of the documents that hold money for `programme`, those that have no page
    of the programme (no programme of its number in that budget): their money
    has a page of its own (`money:document_money`), newest first."""
    with_text = {programme.budget_id} | {other.budget_id for other in other_years}
    return sorted(
        (d for d in documents if d.pk not in with_text), key=lambda d: -d.year
    )


@dataclass
class DocumentMoney:
    """One document's exploitation table of one programme, as it published it."""

    programme: object  # the programme whose figures these are
    table: Exploitation
    per_inhabitant: PerInhabitant | None
    # The same programme (its number) in every budget that has its text...
    programmes: list
    # ...and the other documents that hold only its money.
    money_only: list

    @property
    def document(self):
        return self.table.document

    @property
    def sentence(self) -> str:
        return money_sentence(self.table)


def document_money(*, year: int, slug: str) -> DocumentMoney:
    """The public money page of a programme (its slug) in the document of `year`.

    The figures a document publishes for a programme are entered on a programme
    of a budget that has its text, which need not be that document (the Begroting
    2017's table of programme 1 hangs on the Begroting 2018's programme 1). If
    programmes of several budgets share the slug, the document's own programme
    wins, else the nearest budget. Three queries whatever the number of figures.
    """
    figures, populations = _with_populations(
        FinancialFigure.objects.public()
        .filter(document__year=year, programme__slug=slug)
        .select_related("document", "programme__budget")
    )
    if not figures:
        raise Http404
    programme = min(
        {figure.programme_id: figure.programme for figure in figures}.values(),
        key=lambda p: (p.budget.year != year, abs(p.budget.year - year)),
    )
    figures = [f for f in figures if f.programme_id == programme.pk]
    table = exploitation(figures[0].document, figures)
    programmes = list(
        Programme.objects.public()
        .filter(number=programme.number)
        .select_related("budget")
        .order_by("-budget__year")
    )
    documents = Budget.objects.filter(
        pk__in=FinancialFigure.objects.public()
        .filter(programme=programme)
        .values("document")
    )
    money_only = [
        d
        for d in money_only_documents(programme, documents, programmes)
        if d.pk != table.document.pk
    ]
    return DocumentMoney(
        programme=programme,
        table=table,
        per_inhabitant=per_inhabitant_table(table, populations.values()),
        programmes=programmes,
        money_only=money_only,
    )


def money_sentence(table: Exploitation | None) -> str:
    """The table's main figures in one sentence: also the charts' text alternative."""
    if table is None:
        return ""
    year = table.document.year
    costs = table.amount(FinancialLine.COSTS, year)
    income = table.amount(FinancialLine.INCOME, year)
    if costs is None or income is None:
        return ""
    sentence = _(
        "Volgens de %(document)s heeft dit programma in %(year)s %(costs)s aan "
        "lasten en %(income)s aan baten."
    ) % {
        "document": table.document,
        "year": year,
        "costs": euros(abs(costs)),
        "income": euros(abs(income)),
    }
    realised = [c for c in table.columns if c.realised]
    if realised:
        earlier = realised[-1].year
        earlier_costs = table.amount(FinancialLine.COSTS, earlier)
        if earlier_costs is not None:
            sentence += " " + _(
                "In %(year)s waren de lasten volgens de rekening %(costs)s."
            ) % {"year": earlier, "costs": euros(abs(earlier_costs))}
    return sentence


@dataclass
class Share:
    programme: object
    costs: Decimal  # euros, as a positive amount
    percentage: Decimal
    bar: str = ""  # the bar's length, 0-100, with a point: an SVG attribute

    @property
    def text(self) -> str:
        return euros(self.costs)


@dataclass
class Shares:
    """Each programme's share of the costs of a budget year, against a total."""

    document: object
    year: int
    shares: list[Share]
    total: Decimal  # euros, positive
    # True: the budget's own published total; False: the sum of the programmes
    # whose figures are entered (the page says which).
    published: bool

    def __bool__(self):
        return bool(self.shares)

    def __iter__(self):
        return iter(self.shares)

    def __len__(self):
        return len(self.shares)

    @property
    def total_text(self) -> str:
        return euros(self.total)


def budget_shares(budget) -> Shares | None:
    """Each public programme's share of the costs its budget gives for its own year.

    Against the published total of the budget's recapitulation where it is entered
    (its rows, as published); else against the sum of the programmes whose
    exploitation table is entered, and the page says so.
    """
    if budget is None:
        return None
    summary = list(
        SummaryFigure.objects.public()
        .filter(document=budget, year=budget.year, line=FinancialLine.COSTS)
        .select_related("programme__budget")
        .order_by("programme__number")
    )
    totals = [f for f in summary if f.programme_id is None]
    if totals:
        costs = [(f.programme, abs(f.euros)) for f in summary if f.programme_id]
        total, published = abs(totals[0].euros), True
    else:
        figures = (
            FinancialFigure.objects.public()
            .filter(
                programme__budget=budget,
                document=budget,
                year=budget.year,
                line=FinancialLine.COSTS,
            )
            .select_related("programme__budget")
            .order_by("programme__number")
        )
        costs = [(f.programme, abs(f.euros)) for f in figures]
        total, published = sum(amount for _programme, amount in costs), False
    if not total or not costs:
        return None
    shares = [
        Share(programme, amount, (amount * 100 / total).quantize(Decimal("0.1")))
        for programme, amount in costs
    ]
    largest = max(share.percentage for share in shares) or 1
    for share in shares:
        share.bar = f"{share.percentage * 100 / largest:.1f}"
    return Shares(budget, budget.year, shares, total, published)


def documents_compared(earlier_year: int, later_year: int) -> list[tuple]:
    """(programme, Comparison) for every public programme with figures in both
    budget documents: how the later budget changed the earlier one's figures."""
    figures = (
        FinancialFigure.objects.public()
        .filter(document__year__in=[earlier_year, later_year])
        .select_related("document", "programme__budget")
        .order_by("programme__budget__year", "programme__number")
    )
    grouped = {}
    for figure in figures:
        grouped.setdefault(figure.programme, {}).setdefault(figure.document, []).append(
            figure
        )
    compared = []
    for programme, by_document in grouped.items():
        tables = {d.year: exploitation(d, rows) for d, rows in by_document.items()}
        if earlier_year in tables and later_year in tables:
            compared.append(
                (programme, compare(tables[earlier_year], tables[later_year]))
            )
    return compared
