"""Every public page runs a fixed, small number of queries however big the budget."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from money.models import FinancialFigure, Population, ProductChange
from programmes.models import Budget, Programme
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import (
    ActionFactory,
    ActionLineFactory,
    KeyFigureFactory,
    ParagraphFactory,
    PlaceFactory,
    ReferenceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.usefixtures("seed_data")

PAGES = [
    "/",
    "/programmas/2018/economie-werk-en-inkomen/",
    "/acties/",
    "/acties/?soort=action&sort=-action_lines",
    "/acties/1/",
    "/agendas/",
    "/agendas/twente-werkt/",
    "/indicatoren/",
    "/indicatoren/uitstroom-overig/",
    "/indicatoren/vergelijken/",
    "/begrippen/",
    "/zoeken/?q=werk",
    "/wijzigingen/atom/",
    "/api/v1/acties/",
    "/api/v1/acties/1/",
    "/api/v1/indicatoren/",
    "/api/v1/programmas/",
    "/open-data/acties.csv",
    "/open-data/indicatoren.csv",
]
# Queries a page may run, not counting the savepoint pair of ATOMIC_REQUESTS.
MAX_QUERIES = 12
# The programme page reads 10 (issue 24's most): the programme with the same
# programme in other budgets, its themes with their paragraphs, its sums, its
# listed actions, its agendas with their lines, the money's figures (with their
# inhabitants) and changes, the council's published questions, the indicators
# and their values. The glossary comes from the cache.
MAX_QUERIES_OF = {"/programmas/2018/economie-werk-en-inkomen/": 10}


def grow(size):
    """Add `size` themes, each with narrative, actions and an indicator."""
    programme = Programme.objects.get(number=1)
    line = ActionLineFactory()
    for _ in range(size):
        theme = ThemeFactory(programme=programme)
        ParagraphFactory.create_batch(2, theme=theme, text="Meer werk in Hengelo.")
        for action in ActionFactory.create_batch(
            3, theme=theme, action_lines=[line], places=[PlaceFactory()]
        ):
            ReferenceFactory(action=action)
        KeyFigureFactory(programme=programme, theme=theme)
        indicator = IndicatorFactory(programme=programme, name=f"Werk {theme.pk}")
        IndicatorValueFactory(indicator=indicator, budget=programme.budget)


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len([q for q in queries if "SAVEPOINT" not in q["sql"]])


def first_visit(client, path):
    """What a page reads once and keeps past changes of other content (the
    glossary: web/caching.py's cached_for_content) is read before counting."""
    assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", PAGES)
def test_queries_do_not_grow_with_the_budget(client, path):
    first_visit(client, path)
    grow(2)
    small = count_queries(client, path)
    grow(20)
    large = count_queries(client, path)
    assert small == large, f"{path}: {small} queries at small size, {large} at large"
    assert large <= MAX_QUERIES_OF.get(path, MAX_QUERIES), f"{path}: {large} queries"


def more_budgets(count):
    """`count` more budgets, each with programme 1 again, its money in that
    document and the one before, explained changes and inhabitants."""
    programme = Programme.objects.get(budget__year=2018, number=1)
    for year in range(2019, 2019 + count):
        budget = Budget.objects.create(year=year, title=f"Begroting {year}")
        later = Programme.objects.create(
            budget=budget, number=1, title=programme.title, slug=programme.slug
        )
        Population.objects.create(
            year=year, inhabitants=81000, counted_on=f"{year}-01-01", source="CBS"
        )
        for document in (budget, programme.budget):
            for line in ("lasten", "baten"):
                FinancialFigure.objects.get_or_create(
                    programme=programme,
                    document=document,
                    line=line,
                    year=year,
                    defaults={"kind": "raming", "amount": -1000},
                )
        ProductChange.objects.create(
            programme=later,
            document=budget,
            product_code=f"P{year}",
            product_name="Haven",
            amount=1000,
            explanation="toelichting",
        )


def test_programme_page_queries_do_not_grow_with_budgets_and_documents(client):
    path = "/programmas/2018/economie-werk-en-inkomen/"
    first_visit(client, path)
    more_budgets(1)
    small = count_queries(client, path)
    more_budgets_from = Budget.objects.order_by("-year").first().year + 1
    for year in range(more_budgets_from, more_budgets_from + 5):
        Budget.objects.create(year=year, title=f"Begroting {year}")
    more = Programme.objects.get(budget__year=2018, number=1)
    for budget in Budget.objects.filter(year__gte=more_budgets_from):
        Programme.objects.create(
            budget=budget, number=1, title=more.title, slug=more.slug
        )
    large = count_queries(client, path)
    assert small == large
    assert large <= MAX_QUERIES_OF[path]
