"""Every document's table of a programme on a page of its own (issue 24): the
Begroting 2017's table, with its Rekening 2015 column and its saldo line, as the
Begroting 2017 published it, though that budget has no text of the programme here.
"""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import PublicationStatus
from money.models import FigureKind, FinancialFigure, FinancialLine, Population
from programmes.models import Budget, Programme
from tests.html import page_text, tables
from tests.money.test_money import (
    LABELS,
    expected_cell,
    exploitation_table,
    fixture_rows,
    source_rows,
    table_by_caption,
)

pytestmark = pytest.mark.django_db

SLUG = "economie-werk-en-inkomen"
PROGRAMME_PAGE = f"/programmas/2018/{SLUG}/"
MONEY_PAGES = {
    "Begroting 2017": f"/programmas/2017/{SLUG}/financien/",
    "Begroting 2018": f"/programmas/2018/{SLUG}/financien/",
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("document", sorted(MONEY_PAGES))
def test_every_figure_of_the_source_cell_by_cell(client, seed_data, language, document):
    rows = source_rows()
    assert sorted(rows) == sorted(fixture_rows()), "fixture and source differ"
    shown = [r for r in rows if r[0] == document]
    assert len(shown) == {"Begroting 2017": 36, "Begroting 2018": 42}[document]
    prefix = "/en" if language == "en" else ""
    response = client.get(prefix + MONEY_PAGES[document])
    assert response.status_code == 200
    table = exploitation_table(response.content.decode(), document)
    labels = LABELS[language]
    for _document, line, year, kind, amount in shown:
        column = f"{labels[kind]} {year}"
        assert table[labels[line]][column] == expected_cell(language, line, amount), (
            document,
            language,
            line,
            year,
        )
    # As the document published it: its lines and columns, and nothing more.
    assert set(table) == {labels[line] for _d, line, *_rest in shown}
    columns = {f"{labels[kind]} {year}" for _d, _l, year, kind, _a in shown}
    assert {column for cells in table.values() for column in cells} == columns


def test_the_begroting_2017_shows_what_no_page_showed(client, seed_data):
    """The figures of the issue: the Rekening 2015 column and the saldo line."""
    table = exploitation_table(
        client.get(MONEY_PAGES["Begroting 2017"]).content.decode(), "Begroting 2017"
    )
    assert table["Lasten"]["Rekening 2015"] == "71.315"
    assert table["Saldo van lasten en baten"]["Rekening 2015"] == "34.060 tekort"
    assert table["Saldo van lasten en baten"]["Raming 2018"] == "27.583 tekort"
    assert table["Resultaat"]["Begroting 2017"] == "27.996 tekort"
    assert "Onttrekkingen aan reserves" not in table  # not published in 2017


def test_the_rounding_note_where_a_total_is_not_its_sum(client, seed_data):
    note = "Door afronding in de begroting is een totaal soms 1 anders"
    # 2019 in the Begroting 2018: -71.718 + 42.648 = -29.070, published -29.071;
    # in the Begroting 2017: -68.911 + 42.138 = -26.773, published -26.774 (and
    # its result of 2016: -33.404 - 45 = -33.449, published -33.448).
    for document in MONEY_PAGES:
        assert note in page_text(client.get(MONEY_PAGES[document]))
    table = exploitation_table(
        client.get(MONEY_PAGES["Begroting 2017"]).content.decode(), "Begroting 2017"
    )
    assert table["Saldo van lasten en baten"]["Raming 2019"] == "26.774 tekort"
    # Where every total is the sum of its lines, no note (saved, as an editor
    # would: the pages' cache follows the saves).
    for line, year, amount in (
        (FinancialLine.BALANCE, 2019, -26773),
        (FinancialLine.RESULT, 2019, -26818),
        (FinancialLine.RESULT, 2016, -33449),
    ):
        figure = FinancialFigure.objects.get(document__year=2017, line=line, year=year)
        figure.amount = amount
        figure.save()
    assert note not in page_text(client.get(MONEY_PAGES["Begroting 2017"]))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_per_inhabitant_against_a_hand_calculation(client, seed_data, language):
    page = ("/en" if language == "en" else "") + MONEY_PAGES["Begroting 2017"]
    html = client.get(page).content.decode()
    assert not [t for t in tables(html) if "inwoner" in t["caption"]]
    Population.objects.create(
        year=2015, inhabitants=80000, counted_on="2015-01-01", source="Testbron"
    )
    Population.objects.create(
        year=2018, inhabitants=81000, counted_on="2018-01-01", source="Testbron"
    )
    html = client.get(page).content.decode()
    words = {"nl": "per inwoner", "en": "per inhabitant"}[language]
    rows = table_by_caption(html, words)
    labels = LABELS[language]
    costs, income, result = labels["lasten"], labels["baten"], labels["resultaat"]
    accounts_2015 = f"{labels['rekening']} 2015"
    estimate_2018 = f"{labels['raming']} 2018"
    # 71.315.000 / 80.000 = 891,44; 37.255.000 / 80.000 = 465,69;
    # 34.105.000 / 80.000 = 426,31; 68.679.000 / 81.000 = 847,89.
    assert rows[costs][accounts_2015] == "€ 891"
    assert rows[income][accounts_2015] == "€ 466"
    assert rows[result][accounts_2015] == "€ 426"
    assert rows[costs][estimate_2018] == "€ 848"
    unknown = {"nl": "onbekend", "en": "unknown"}[language]
    assert rows[costs][f"{labels['begroting']} 2016"] == unknown
    assert "Testbron" in html


def test_a_draft_document_has_no_money_page(client, seed_data):
    assert client.get(MONEY_PAGES["Begroting 2017"]).status_code == 200
    document = Budget.objects.get(year=2017)
    document.publication_status = PublicationStatus.DRAFT
    document.save()
    assert client.get(MONEY_PAGES["Begroting 2017"]).status_code == 404
    assert client.get("/en" + MONEY_PAGES["Begroting 2017"]).status_code == 404
    # Nor is it offered on the programme page.
    assert (
        MONEY_PAGES["Begroting 2017"] not in client.get(PROGRAMME_PAGE).content.decode()
    )


def test_a_draft_programme_has_no_money_page(client, seed_data):
    programme = Programme.objects.get(budget__year=2018, number=1)
    programme.publication_status = PublicationStatus.DRAFT
    programme.save()
    assert client.get(MONEY_PAGES["Begroting 2017"]).status_code == 404
    assert client.get(MONEY_PAGES["Begroting 2018"]).status_code == 404


def test_a_document_without_figures_has_no_money_page(client, seed_data):
    Budget.objects.create(year=2016, title="Begroting 2016")
    assert client.get(f"/programmas/2016/{SLUG}/financien/").status_code == 404
    assert client.get("/programmas/2017/geen-programma/financien/").status_code == 404


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_programme_page_links_to_the_money_only_document(client, seed_data, prefix):
    html = client.get(prefix + PROGRAMME_PAGE).content.decode()
    text = page_text(client.get(prefix + PROGRAMME_PAGE))
    link = prefix + MONEY_PAGES["Begroting 2017"]
    assert f'href="{link}"' in html
    if prefix:
        assert "This programme in other budgets" in text
        assert "Begroting 2017: expenditure and income" in text
    else:
        assert "Dit programma in andere begrotingen" in text
        assert "Begroting 2017: lasten en baten" in text
    # Its own budget has its text here: no money page offered in its place.
    assert prefix + MONEY_PAGES["Begroting 2018"] not in html


def test_the_money_page_links_to_the_same_programme_elsewhere(client, seed_data):
    programme = Programme.objects.get(budget__year=2018, number=1)
    older = Budget.objects.create(
        year=2016, title="Begroting 2016", publication_status="published"
    )
    FinancialFigure.objects.create(
        programme=programme,
        document=older,
        line=FinancialLine.COSTS,
        year=2016,
        kind=FigureKind.BUDGET,
        amount=-70000,
    )
    html = client.get(MONEY_PAGES["Begroting 2017"]).content.decode()
    # The programme's page, in the budget that has its text...
    assert f'href="{PROGRAMME_PAGE}"' in html
    # ...and the other document that holds only its money, not this one itself.
    assert f'href="/programmas/2016/{SLUG}/financien/"' in html
    assert f'href="{MONEY_PAGES["Begroting 2017"]}"' not in html
    # Every link of the page opens.
    older_page = client.get(f"/programmas/2016/{SLUG}/financien/")
    assert older_page.status_code == 200
    table = exploitation_table(older_page.content.decode(), "Begroting 2016")
    assert table["Lasten"]["Begroting 2016"] == "70.000"
    assert f'href="{MONEY_PAGES["Begroting 2017"]}"' in older_page.content.decode()


def test_a_figure_of_another_document_links_to_its_money_page(seed_data):
    figure = FinancialFigure.objects.filter(document__year=2017).first()
    assert figure.get_absolute_url() == MONEY_PAGES["Begroting 2017"] + "#exploitatie"
    own = FinancialFigure.objects.filter(document__year=2018).first()
    assert own.get_absolute_url() == PROGRAMME_PAGE + "#exploitatie"


def test_queries_do_not_grow_with_the_figures(client, seed_data):
    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(MONEY_PAGES["Begroting 2017"]).status_code == 200
        return len(queries)

    before = count()
    programme = Programme.objects.get(budget__year=2018, number=1)
    document = Budget.objects.get(year=2017)
    FinancialFigure.objects.bulk_create(
        FinancialFigure(
            programme=programme,
            document=document,
            line=FinancialLine.COSTS,
            year=year,
            kind=FigureKind.ESTIMATE,
            amount=-1000,
        )
        for year in range(2021, 2031)
    )
    for year in range(2015, 2021):
        Population.objects.create(
            year=year, inhabitants=81000, counted_on=f"{year}-01-01", source="Test"
        )
    later = Budget.objects.create(year=2019, title="Begroting 2019")
    Programme.objects.create(
        budget=later, number=1, title=programme.title, slug="economie-2019"
    )
    after = count()
    assert after == before
    # The savepoint pair of ATOMIC_REQUESTS, then the figures with their
    # inhabitants, the same programme elsewhere and the documents with its money.
    assert before <= 5, before
