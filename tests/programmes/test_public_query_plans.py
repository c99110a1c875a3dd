"""Drafts do not slow the public pages: with many actions under a draft budget (as
imports leave them), PostgreSQL reads only the public themes' actions and
paragraphs through their indexes, never the whole table, on the action list,
the API, the feed and search (content.models.public_parent; issue 22: 300,000
draft actions made these pages take 0.4-0.8 s instead of 20 ms).

benchmarks/drafts.py measures the same at 300,000 drafts (benchmarks/DRAFTS.md).
"""

import json

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content.models import PublicationStatus
from programmes.models import Action, Budget, Paragraph, Programme, Theme

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="query plans are PostgreSQL's (DATABASE_URL=postgres://…)",
)

DRAFT_THEMES = 200
ACTIONS_PER_THEME = 100
PAGES = [
    "/acties/",
    "/acties/?sort=-year",
    "/api/v1/acties/",
    "/wijzigingen/atom/",
    "/zoeken/?q=werk",
]
LARGE_TABLES = {"programmes_action", "programmes_paragraph"}


@pytest.fixture
def drafts(seed_data):
    """A draft budget as an import leaves it: the budget a draft, its programmes,
    themes and 20,000 actions not; then fresh statistics, as autovacuum keeps."""
    budget = Budget.objects.create(
        year=2030, title="Begroting 2030", publication_status=PublicationStatus.DRAFT
    )
    programmes = Programme.objects.bulk_create(
        Programme(budget=budget, number=n, title=f"Programma {n}", slug=f"p-{n}")
        for n in range(1, 11)
    )
    themes = Theme.objects.bulk_create(
        Theme(programme=programmes[n % 10], order=n, title=f"Werk {n}", slug=f"w-{n}")
        for n in range(DRAFT_THEMES)
    )
    Paragraph.objects.bulk_create(
        Paragraph(theme=theme, order=n, text="Werk en inkomen in de regio.")
        for theme in themes
        for n in range(4)
    )
    Action.objects.bulk_create(
        (
            Action(
                theme=theme,
                year=2030,
                order=n,
                title=f"Werk aan de winkel {n}",
                text="Meer mensen aan het werk in Hengelo en de regio Twente.",
            )
            for theme in themes
            for n in range(ACTIONS_PER_THEME)
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def scans(plan: dict):
    """(node type, table) of every node of a plan."""
    yield plan["Node Type"], plan.get("Relation Name")
    for child in plan.get("Plans", []):
        yield from scans(child)


def test_public_pages_read_no_draft_rows(drafts):
    assert Action.objects.count() > DRAFT_THEMES * ACTIONS_PER_THEME
    client = Client()
    for page in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        read = [q["sql"] for q in queries if any(t in q["sql"] for t in LARGE_TABLES)]
        assert read, page
        for sql in read:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                explained = cursor.fetchone()[0]
            if isinstance(explained, str):
                explained = json.loads(explained)
            plan = explained[0]["Plan"]
            whole_tables = {
                table
                for node, table in scans(plan)
                if node == "Seq Scan" and table in LARGE_TABLES
            }
            assert not whole_tables, (page, whole_tables, sql[:300])
