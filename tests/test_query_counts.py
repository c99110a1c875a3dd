"""Every public page runs a fixed, small number of queries however big the budget."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.models import Programme
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
# The programme page also reads its money (figures, changes per product, the
# inhabitants, the same programme in other budgets) and the council's published
# questions beside the text: five queries more, whatever the size.
MAX_QUERIES_OF = {"/programmas/2018/economie-werk-en-inkomen/": 15}


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


@pytest.mark.parametrize("path", PAGES)
def test_queries_do_not_grow_with_the_budget(client, path):
    grow(2)
    small = count_queries(client, path)
    grow(20)
    large = count_queries(client, path)
    assert small == large, f"{path}: {small} queries at small size, {large} at large"
    assert large <= MAX_QUERIES_OF.get(path, MAX_QUERIES), f"{path}: {large} queries"
