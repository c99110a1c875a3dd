"""Writing a budget's published figures: what `load_initial_data` adds to a portal."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from content.models import PublicationStatus
from programmes.models import Budget, Programme

from .models import FigureKind, FinancialFigure, FinancialLine, MoneyUnit, SummaryFigure

# The recapitulation names its published total so, instead of a programme number.
TOTAL = "totaal"


@dataclass
class LoadResult:
    """What was added; what was there already is counted, never changed."""

    programmes: int = 0
    figures: int = 0
    summary_figures: int = 0
    present: int = 0
    missing_budget: list = field(default_factory=list)

    @property
    def added(self) -> int:
        return self.programmes + self.figures + self.summary_figures


def _figure(row):
    line, year, kind, amount = row
    return (
        FinancialLine(line),
        int(year),
        FigureKind(kind),
        Decimal(str(amount)),
    )


@transaction.atomic
def published_budget_load(*, data: dict) -> LoadResult:
    """Add a budget's programmes, their exploitation figures and its recapitulation.

    Keyed on what the budget itself names (the programme's number, the line and the
    year), so a portal that has some of it gets the rest: a programme, figure or
    total that is present is left as an editor may have changed it.
    """
    result = LoadResult()
    created = {Programme: [], FinancialFigure: [], SummaryFigure: []}
    budget = Budget.objects.filter(year=data["document"]).first()
    if budget is None:
        result.missing_budget.append(data["document"])
        return result
    programmes = {p.number: p for p in budget.programmes.all()}
    for entry in data["programmes"]:
        programme = programmes.get(entry["number"])
        if programme is None:
            programme = Programme.objects.create(
                budget=budget,
                number=entry["number"],
                title=entry["title"],
                title_en=entry.get("title_en", ""),
                slug=entry["slug"],
                publication_status=PublicationStatus.PUBLISHED,
            )
            programmes[programme.number] = programme
            created[Programme].append(programme.pk)
            result.programmes += 1
        present = set(
            programme.financial_figures.filter(document=budget).values_list(
                "line", "year"
            )
        )
        for row in entry.get("figures") or []:
            line, year, kind, amount = _figure(row)
            if (line, year) in present:
                result.present += 1
                continue
            figure = FinancialFigure.objects.create(
                programme=programme,
                document=budget,
                line=line,
                year=year,
                kind=kind,
                amount=amount,
                unit=MoneyUnit.THOUSANDS,
            )
            created[FinancialFigure].append(figure.pk)
            result.figures += 1
    present = set(
        SummaryFigure.objects.filter(document=budget).values_list(
            "programme__number", "line", "year"
        )
    )
    for number, *row in data.get("summary") or []:
        line, year, kind, amount = _figure(row)
        number = None if number == TOTAL else int(number)
        if (number, line, year) in present:
            result.present += 1
            continue
        figure = SummaryFigure.objects.create(
            document=budget,
            programme=None if number is None else programmes[number],
            line=line,
            year=year,
            kind=kind,
            amount=amount,
            unit=MoneyUnit.THOUSANDS,
        )
        created[SummaryFigure].append(figure.pk)
        result.summary_figures += 1
    if data.get("published"):
        # Dated as the seed's other records: when the budget was published, not when
        # a portal loaded it (the changes feed lists what editors changed since).
        for model, pks in created.items():
            model.objects.filter(pk__in=pks).update(
                created_at=data["published"], updated_at=data["published"]
            )
    return result
