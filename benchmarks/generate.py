"""A large, realistic synthetic budget on top of the seed, written with bulk_create.

The seed's programme 1 of 2018 stays as it is. Everything here is made up but has
the shape of a real budget: ten budget years, a dozen programmes in the newest one,
themes with narrative that follows the BBV structure, thousands of actions linked to
regional agendas and places, indicators with budgeted, realised, target and baseline
values, and a glossary whose terms appear in the text.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from content.models import PublicationStatus
from indicators.models import Indicator, IndicatorValue, UnitKind, ValueKind
from money.models import (
    FigureKind,
    FinancialFigure,
    FinancialLine,
    ProductChange,
)
from programmes.models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    Agenda,
    AmountUnit,
    Budget,
    GlossaryTerm,
    KeyFigure,
    Paragraph,
    Place,
    Programme,
    Reference,
    ReferenceKind,
    Theme,
)


@dataclass(frozen=True)
class Size:
    """How big the synthetic budget is; the issue's example is the default."""

    programmes: int = 12
    themes_per_programme: int = 8
    actions_per_theme: int = 400
    indicators: int = 300
    budget_years: int = 10
    glossary_terms: int = 200
    agendas: int = 6
    lines_per_agenda: int = 8
    places: int = 60


# Words from the seed text, so full-text search and the glossary work on Dutch.
WORDS = (
    "werk inkomen economie ondernemers bedrijven arbeidsmarkt werkzoekenden "
    "bijstand armoede schulden jongeren onderwijs regio Twente Hengelo gemeente "
    "samenwerking innovatie techniek banen vestiging binnenstad wijken inwoners "
    "participatie uitkering begeleiding ondersteuning kinderen gezinnen "
    "minima voorzieningen pilot doelgroep werkgevers scholing re-integratie "
    "duurzaamheid energie bereikbaarheid ruimte ontwikkeling programma aanpak "
    "netwerk partners onderzoek evaluatie resultaten kosten subsidie budget"
).split()
THEME_NAMES = (
    "Economie",
    "Werk",
    "Inkomen",
    "Armoede",
    "Schuldhulpverlening",
    "Onderwijs",
    "Wonen",
    "Mobiliteit",
    "Duurzaamheid",
    "Cultuur",
    "Sport",
    "Zorg",
)
PROGRAMME_NAMES = (
    "Bestuur en Dienstverlening",
    "Veiligheid",
    "Verkeer en Vervoer",
    "Economie en Werk",
    "Onderwijs",
    "Sport, Cultuur en Recreatie",
    "Sociaal Domein",
    "Volksgezondheid en Milieu",
    "Wonen en Ruimte",
    "Financiën",
    "Duurzaamheid",
    "Binnenstad",
)


class Writer:
    """Made-up Dutch-looking text from the seed's words, the same on every run."""

    def __init__(self, rng: random.Random, glossary: list[str]):
        self.rng = rng
        self.glossary = glossary

    def sentence(self, words: int = 14) -> str:
        chosen = self.rng.choices(WORDS, k=words)
        if self.glossary and self.rng.random() < 0.5:
            chosen[self.rng.randrange(words)] = self.rng.choice(self.glossary)
        return " ".join(chosen).capitalize() + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, words: int = 5) -> str:
        return " ".join(self.rng.choices(WORDS, k=words)).capitalize()


def _glossary(rng: random.Random, size: Size) -> list[str]:
    existing = set(GlossaryTerm.objects.values_list("term", flat=True))
    terms = []
    letters = "ABCDEFGHJKLMNOPRSTVWZ"
    while len(existing) + len(terms) < size.glossary_terms:
        term = "".join(rng.choices(letters, k=rng.choice((3, 4))))
        if term in existing or term in terms:
            continue
        terms.append(term)
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=term,
            slug=slugify(term),
            meaning=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}",
            description="Een begrip uit de synthetische begroting.",
        )
        for term in terms
    )
    return terms + sorted(existing)


def _budgets(size: Size) -> list[Budget]:
    """Ten budget years ending with the seed's 2017 and 2018 at the start."""
    years = range(2017, 2017 + size.budget_years)
    existing = {b.year for b in Budget.objects.all()}
    Budget.objects.bulk_create(
        Budget(year=year, title=f"Begroting {year}")
        for year in years
        if year not in existing
    )
    return list(Budget.objects.filter(year__in=years).order_by("year"))


def _agendas(rng: random.Random, size: Size, writer: Writer) -> list[ActionLine]:
    agendas = Agenda.objects.bulk_create(
        Agenda(
            name=f"Regionale agenda {number}",
            slug=f"regionale-agenda-{number}",
            description=writer.sentence(),
            order=10 + number,
        )
        for number in range(1, size.agendas + 1)
    )
    return ActionLine.objects.bulk_create(
        ActionLine(
            agenda=agenda,
            number=number,
            title=writer.title(),
            municipal_focus=rng.random() < 0.3,
        )
        for agenda in agendas
        for number in range(1, size.lines_per_agenda + 1)
    )


def _places(size: Size) -> list[Place]:
    return Place.objects.bulk_create(
        Place(name=f"Wijk {number}", slug=f"wijk-{number}")
        for number in range(1, size.places + 1)
    )


def _programmes(budget: Budget, size: Size, writer: Writer) -> list[Programme]:
    return Programme.objects.bulk_create(
        Programme(
            budget=budget,
            number=number,
            title=PROGRAMME_NAMES[(number - 1) % len(PROGRAMME_NAMES)],
            slug=slugify(PROGRAMME_NAMES[(number - 1) % len(PROGRAMME_NAMES)])
            + f"-{number}",
            intro=writer.paragraph(2),
            developments_heading=(
                f"Wat zijn de belangrijkste nieuwe ontwikkelingen in {budget.year}?"
            ),
        )
        for number in range(1, size.programmes + 1)
    )


def _themes(programmes, size: Size, writer: Writer) -> list[Theme]:
    themes = Theme.objects.bulk_create(
        Theme(
            programme=programme,
            order=order,
            title=THEME_NAMES[order % len(THEME_NAMES)],
            slug=slugify(THEME_NAMES[order % len(THEME_NAMES)]),
        )
        for programme in programmes
        for order in range(size.themes_per_programme)
    )
    # Each theme tells its story and lists its actions, goals and pilots after a
    # paragraph, as the seed's themes do; the first also lists an agenda's lines.
    agendas = list(Agenda.objects.order_by("pk"))
    paragraphs = []
    for index, theme in enumerate(themes):
        for order, follows in enumerate(("", "action", "goal", "pilot")):
            paragraphs.append(
                Paragraph(
                    theme=theme,
                    order=order,
                    text=writer.paragraph(),
                    followed_by_actions=follows,
                    followed_by_agenda=(
                        agendas[index % len(agendas)] if order == 0 else None
                    ),
                )
            )
    Paragraph.objects.bulk_create(paragraphs)
    return themes


def _actions(rng, themes, budget, lines, places, size: Size, writer: Writer):
    kinds = [ActionKind.ACTION] * 8 + [ActionKind.GOAL, ActionKind.PILOT]
    statuses = list(ActionStatus.values)
    actions = Action.objects.bulk_create(
        (
            Action(
                theme=theme,
                kind=rng.choice(kinds),
                status=rng.choice(statuses),
                year=budget.year + rng.choice((0, 0, 0, 1, 2)),
                order=order,
                title=writer.title(),
                text=writer.paragraph(rng.choice((1, 2, 3))),
            )
            for theme in themes
            for order in range(size.actions_per_theme)
        ),
        batch_size=2000,
    )
    through_lines = Action.action_lines.through
    through_places = Action.places.through
    line_links, place_links, references = [], [], []
    for action in actions:
        for line in rng.sample(lines, rng.choice((0, 1, 1, 2))):
            line_links.append(through_lines(action_id=action.pk, actionline_id=line.pk))
        for place in rng.sample(places, rng.choice((0, 0, 1, 2))):
            place_links.append(through_places(action_id=action.pk, place_id=place.pk))
        if rng.random() < 0.3:
            references.append(
                Reference(
                    kind=ReferenceKind.CASE_NUMBER,
                    code=str(rng.randrange(1_000_000, 9_999_999)),
                    action=action,
                )
            )
    through_lines.objects.bulk_create(line_links, batch_size=5000)
    through_places.objects.bulk_create(place_links, batch_size=5000)
    Reference.objects.bulk_create(references, batch_size=5000)
    return actions


def _key_figures(rng, themes, actions, writer: Writer) -> None:
    """Three sums per theme; the first belongs to the theme's first action."""
    units = list(AmountUnit.values)
    first_action = {}
    for action in actions:
        first_action.setdefault(action.theme_id, action)
    KeyFigure.objects.bulk_create(
        KeyFigure(
            programme=theme.programme,
            theme=theme,
            action=first_action.get(theme.pk) if order == 0 else None,
            order=order,
            label=writer.title(6),
            amount=Decimal(rng.randrange(5, 2_000_000)),
            unit=rng.choice(units),
            year_from=theme.programme.budget.year,
        )
        for theme in themes
        for order in range(3)
    )


def _indicators(rng, programmes, budgets, size: Size, writer: Writer) -> None:
    unit_kinds = [
        (UnitKind.COUNT, "personen"),
        (UnitKind.COUNT, "bedrijven"),
        (UnitKind.PERCENTAGE, "%"),
        (UnitKind.EURO, "euro"),
    ]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            programme=programmes[number % len(programmes)],
            order=number,
            name=f"{writer.title(3)} {number}",
            slug=f"indicator-{number}",
            unit=unit,
            unit_kind=unit_kind,
            source="Synthetische bron",
            description=writer.sentence(),
        )
        for number, (unit_kind, unit) in (
            (n, rng.choice(unit_kinds)) for n in range(1, size.indicators + 1)
        )
    )
    values = []
    for indicator in indicators:
        top = 100 if indicator.unit_kind == UnitKind.PERCENTAGE else 10_000
        for index, budget in enumerate(budgets):
            # About one budget in twenty says '-': no value, which is not zero.
            number = None if rng.random() < 0.05 else Decimal(rng.randrange(top))
            values.append(
                IndicatorValue(
                    indicator=indicator,
                    budget=budget,
                    year=budget.year,
                    kind="budgeted",
                    value=number,
                )
            )
            if index < len(budgets) - 2:
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        budget=budget,
                        year=budget.year,
                        kind=ValueKind.REALISED,
                        value=Decimal(rng.randrange(top)),
                    )
                )
        values.append(
            IndicatorValue(
                indicator=indicator,
                budget=budgets[-1],
                year=budgets[-1].year,
                kind=ValueKind.TARGET,
                value=Decimal(rng.randrange(top)),
            )
        )
        values.append(
            IndicatorValue(
                indicator=indicator,
                budget=budgets[0],
                year=budgets[0].year,
                kind=ValueKind.BASELINE,
                value=Decimal(rng.randrange(top)),
            )
        )
    IndicatorValue.objects.bulk_create(values, batch_size=5000)


def _money(rng, programmes, budgets, writer: Writer) -> None:
    """Each programme's exploitation overview as every budget document gives it
    (realised t-2, budgets t-1 and t, estimates t+1..t+3), and ten changes per
    product in the newest."""
    figures, changes = [], []
    for programme in programmes:
        for document in budgets:
            for offset in range(-2, 4):
                year = document.year + offset
                kind = (
                    FigureKind.REALISED
                    if offset == -2
                    else FigureKind.BUDGET
                    if offset <= 0
                    else FigureKind.ESTIMATE
                )
                costs = -Decimal(rng.randrange(5_000, 90_000))
                income = Decimal(rng.randrange(1_000, 50_000))
                additions = -Decimal(rng.randrange(0, 500))
                withdrawals = Decimal(rng.randrange(0, 500))
                amounts = {
                    FinancialLine.COSTS: costs,
                    FinancialLine.INCOME: income,
                    FinancialLine.BALANCE: costs + income,
                    FinancialLine.RESERVE_ADDITIONS: additions,
                    FinancialLine.RESERVE_WITHDRAWALS: withdrawals,
                    FinancialLine.RESERVE_TOTAL: additions + withdrawals,
                    FinancialLine.RESULT: costs + income + additions + withdrawals,
                }
                figures += [
                    FinancialFigure(
                        programme=programme,
                        document=document,
                        line=line,
                        year=year,
                        kind=kind,
                        amount=amount,
                    )
                    for line, amount in amounts.items()
                ]
        changes += [
            ProductChange(
                programme=programme,
                document=budgets[-1],
                order=number,
                product_code=f"P{programme.number}{number:02d}.1",
                product_name=writer.title(2),
                amount=Decimal(rng.randrange(-200_000, 200_000)),
                explanation=writer.sentence(),
            )
            for number in range(10)
        ]
    FinancialFigure.objects.bulk_create(figures, batch_size=5000)
    ProductChange.objects.bulk_create(changes, batch_size=5000)


@transaction.atomic
def budget_generate(*, size: Size = Size(), seed: int = 7) -> dict:
    """Add the synthetic budget to a database that holds the seed; return counts."""
    rng = random.Random(seed)
    glossary = _glossary(rng, size)
    writer = Writer(rng, glossary)
    budgets = _budgets(size)
    lines = _agendas(rng, size, writer)
    places = _places(size)
    programmes = _programmes(budgets[-1], size, writer)
    themes = _themes(programmes, size, writer)
    for theme in themes:
        theme.programme = next(p for p in programmes if p.pk == theme.programme_id)
    actions = _actions(rng, themes, budgets[-1], lines, places, size, writer)
    _key_figures(rng, themes, actions, writer)
    _indicators(rng, programmes, budgets, size, writer)
    _money(rng, programmes, budgets, writer)
    return {
        "budget years": len(budgets),
        "programmes": Programme.objects.count(),
        "themes": Theme.objects.count(),
        "actions": Action.objects.count(),
        "indicators": Indicator.objects.count(),
        "indicator values": IndicatorValue.objects.count(),
        "glossary terms": GlossaryTerm.objects.count(),
        "financial figures": FinancialFigure.objects.count(),
    }


@transaction.atomic
def drafts_generate(
    *, budgets: int = 3, actions_per_budget: int = 100_000, seed: int = 11
) -> int:
    """Draft budgets as imports leave them (opendata/imports/writer.py): a new
    budget of a later year is a draft (concept), its programmes, themes and
    actions are not; nothing of it is public. Three 5 MB files of 100,000 rows
    made the issue's 300,000 draft actions. Returns the number of actions added."""
    rng = random.Random(seed)
    writer = Writer(rng, list(GlossaryTerm.objects.values_list("term", flat=True)))
    lines = list(ActionLine.objects.all())
    places = list(Place.objects.all())
    first = (Budget.objects.order_by("-year").values_list("year", flat=True)[0]) + 1
    size = Size()
    themes_per_budget = size.programmes * size.themes_per_programme
    size = Size(actions_per_theme=max(1, actions_per_budget // themes_per_budget))
    added = 0
    for year in range(first, first + budgets):
        budget = Budget.objects.create(
            year=year,
            title=f"Begroting {year}",
            publication_status=PublicationStatus.DRAFT,
        )
        programmes = _programmes(budget, size, writer)
        themes = _themes(programmes, size, writer)
        added += len(_actions(rng, themes, budget, lines, places, size, writer))
    return added
