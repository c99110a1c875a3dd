"""'Wat mag het kosten?': the money of a programme as the municipality published it.

Every figure of ../shared/data/ (and of the fixture made from it) is checked cell by
cell on the public page, in Dutch and in English.
"""

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import PublicationStatus
from money.charts import costs_and_income_figure
from money.models import (
    FigureKind,
    FinancialFigure,
    FinancialLine,
    Population,
    ProductChange,
)
from money.selectors import programme_money, rounding_differences
from programmes.models import Budget
from tests.html import page_text, tables

DATA = Path(settings.BASE_DIR).parent / "shared" / "data"
PAGE = "/programmas/2018/economie-werk-en-inkomen/"

LABELS = {
    "nl": {
        "lasten": "Lasten",
        "baten": "Baten",
        "saldo": "Saldo van lasten en baten",
        "toevoegingen_reserves": "Toevoegingen aan reserves",
        "onttrekkingen_reserves": "Onttrekkingen aan reserves",
        "mutaties_reserves": "Saldo van de reserves",
        "resultaat": "Resultaat",
        "rekening": "Rekening",
        "begroting": "Begroting",
        "raming": "Raming",
    },
    "en": {
        "lasten": "Expenditure",
        "baten": "Income",
        "saldo": "Balance of expenditure and income",
        "toevoegingen_reserves": "Additions to reserves",
        "onttrekkingen_reserves": "Withdrawals from reserves",
        "mutaties_reserves": "Balance of the reserves",
        "resultaat": "Result",
        "rekening": "Accounts",
        "begroting": "Budget",
        "raming": "Estimate",
    },
}
# The words that replace a minus sign, per line (negative, positive).
WORDS = {
    "nl": {
        "saldo": ("tekort", "overschot"),
        "resultaat": ("tekort", "overschot"),
        "mutaties_reserves": ("naar de reserves", "uit de reserves"),
    },
    "en": {
        "saldo": ("deficit", "surplus"),
        "resultaat": ("deficit", "surplus"),
        "mutaties_reserves": ("to the reserves", "from the reserves"),
    },
}


def expected_cell(language, line, amount: int) -> str:
    separator = "." if language == "nl" else ","
    number = f"{abs(amount):,}".replace(",", separator)
    negative, positive = WORDS[language].get(line, ("", ""))
    word = negative if amount < 0 else positive if amount > 0 else ""
    return f"{number} {word}" if word else number


def table_by_caption(html, words, css_class=""):
    """A table as {row label: {column heading: cell text}}."""
    for table in tables(html):
        if words in table["caption"] and css_class in table["class"]:
            header, *rows = table["rows"]
            return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}
    raise AssertionError(f"no table with {words!r} in its caption")


def exploitation_table(html, document_title):
    return table_by_caption(html, document_title, "money")


def fixture_rows():
    """Programme 1's figures in the fixtures, as (document title, line, year, kind,
    amount); every programme's are checked in test_whole_budget.py."""
    return [
        (f.document.title, f.line, f.year, f.kind, int(f.amount))
        for f in FinancialFigure.objects.filter(programme__number=1).select_related(
            "document"
        )
    ]


def source_rows():
    if not (DATA / "exploitatie-programma-1.csv").exists():
        pytest.skip("needs ../shared/data/ beside the repository")
    with open(DATA / "exploitatie-programma-1.csv", encoding="utf-8") as file:
        return [
            (
                r["document"],
                r["regel"],
                int(r["jaar"]),
                r["soort"],
                int(r["bedrag_x1000"]),
            )
            for r in csv.DictReader(file)
        ]


def _check_page(client, rows, language, document):
    prefix = "/en" if language == "en" else ""
    html = client.get(prefix + PAGE).content.decode()
    shown = [r for r in rows if r[0] == document]
    table = exploitation_table(html, document)
    labels = LABELS[language]
    for _document, line, year, kind, amount in shown:
        column = f"{labels[kind]} {year}"
        assert table[labels[line]][column] == expected_cell(language, line, amount), (
            language,
            line,
            year,
        )
    return html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_figure_of_the_source_on_the_page(client, seed_data, language):
    rows = source_rows()
    assert sorted(rows) == sorted(fixture_rows()), "fixture and source differ"
    _check_page(client, rows, language, "Begroting 2018")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_fixture_figure_on_the_page(client, seed_data, language):
    rows = fixture_rows()
    assert len(rows) == 78
    _check_page(client, rows, language, "Begroting 2018")
    # The Begroting 2017's figures are on the page too, beside the same years.
    text = page_text(client.get(("/en" if language == "en" else "") + PAGE))
    if language == "nl":
        assert "Vergeleken met de Begroting 2017" in text
        # 2018's costs: estimated at 68.679 in 2017, budgeted at 71.241 in 2018.
        assert "€ 68.679.000 (raming)" in text and "€ 71.241.000 (begroting)" in text
        assert "€ 2.562.000 hogere lasten" in text


@pytest.mark.django_db
def test_product_changes_and_their_explanations(client, seed_data):
    text = page_text(client.get(PAGE))
    if (DATA / "verschillen-per-product.csv").exists():
        with open(DATA / "verschillen-per-product.csv", encoding="utf-8") as file:
            source = list(csv.DictReader(file))
        assert ProductChange.objects.count() == len(source)
        for row in source:
            assert row["feiten"] in text
            amount = int(row["verschil_euro"])
            word = "voordeel" if amount > 0 else "nadeel"
            assert f"€ {abs(amount):,}".replace(",", ".") + f" {word}" in text
    assert "P310.3 Economische aangelegenheden" in text
    assert "€ 105.000 voordeel" in text and "€ 14.000 nadeel" in text


@pytest.mark.django_db
def test_no_bare_minus_signs_in_the_table(client, seed_data):
    html = client.get(PAGE).content.decode()
    table = exploitation_table(html, "Begroting 2018")
    for cells in table.values():
        for text in cells.values():
            assert not text.startswith(("-", "−")), text
    assert table["Saldo van lasten en baten"]["Begroting 2018"] == "29.635 tekort"
    assert table["Lasten"]["Rekening 2016"] == "74.451"


@pytest.mark.django_db
def test_rounding_is_shown_as_published_and_flagged(client, seed_data):
    # 2019: -71.718 + 42.648 = -29.070, published -29.071.
    figures = FinancialFigure.objects.filter(programme__number=1, document__year=2018)
    differences = rounding_differences(figures)
    # Worked out by hand from the published figures: each differs by 1.
    assert sorted((d.line, d.year, d.published, d.summed) for d in differences) == [
        ("resultaat", 2016, -33875, -33876),
        ("resultaat", 2019, -29115, -29116),
        ("resultaat", 2020, -28715, -28716),
        ("saldo", 2019, -29071, -29070),
        ("saldo", 2020, -28671, -28670),
    ]
    html = client.get(PAGE).content.decode()
    table = exploitation_table(html, "Begroting 2018")
    assert table["Saldo van lasten en baten"]["Raming 2019"] == "29.071 tekort"
    assert "Door afronding in de begroting" in html


@pytest.mark.django_db
def test_chart_data_equals_the_table(seed_data):
    programme = FinancialFigure.objects.first().programme
    money = programme_money(programme)
    figure = costs_and_income_figure(money.shown)
    by_name = {trace["name"]: trace for trace in figure["data"]}
    costs = {
        f.year: abs(float(f.euros))
        for f in FinancialFigure.objects.filter(
            programme__number=1, document__year=2018, line="lasten"
        )
    }
    assert [float(v) for v in _values(by_name["Lasten"]["y"])] == [
        costs[year] for year in sorted(costs)
    ]
    # Realised years solid, planned ones outlined (white inside, a line in the
    # colour): not told apart by colour alone, and the legend names what is drawn.
    fills = by_name["Lasten"]["marker"]["color"]
    kinds = [c.kind for c in money.shown.columns]
    assert [fill != "#ffffff" for fill in fills] == [
        k == FigureKind.REALISED for k in kinds
    ]
    assert by_name["Lasten"]["marker"]["line"]["width"] == 2
    legend = figure["layout"]["title"]["subtitle"]["text"]
    assert "Omlijnd: begroot of geraamd." in legend and "Gearceerd" not in legend
    # No inline style in a label: plotly.js writes <span style> as a style
    # attribute, which the Content Security Policy blocks.
    assert "style=" not in json.dumps(figure)
    # Dutch amounts on the axis, not "100k".
    assert figure["layout"]["yaxis"]["tickformat"] == ",d"
    assert figure["layout"]["separators"] == ",."


def _values(data):
    """plotly writes typed arrays ({'dtype', 'bdata'}) or lists."""
    if isinstance(data, dict):
        import base64

        import numpy

        return list(
            numpy.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        )
    return list(data)


@pytest.mark.django_db
def test_per_inhabitant_only_where_inhabitants_are_known(client, seed_data):
    html = client.get(PAGE).content.decode()
    assert "Per inwoner" not in html  # nothing is guessed
    Population.objects.create(
        year=2018, inhabitants=81000, counted_on="2018-01-01", source="CBS Statline"
    )
    html = client.get(PAGE).content.decode()
    rows = table_by_caption(html, "per inwoner")
    # 71.241.000 / 81.000 = 879,5 -> € 880; the other years are unknown.
    assert rows["Lasten"]["Begroting 2018"] == "€ 880"
    assert rows["Lasten"]["Rekening 2016"] == "onbekend"
    assert "CBS Statline" in html


@pytest.mark.django_db
def test_an_edited_figure_shows_at_once(client, seed_data):
    client.get(PAGE)  # cached
    figure = FinancialFigure.objects.get(
        programme__number=1, document__year=2018, line="lasten", year=2018
    )
    figure.amount = Decimal("-71242")
    figure.save()
    table = exploitation_table(client.get(PAGE).content.decode(), "Begroting 2018")
    assert table["Lasten"]["Begroting 2018"] == "71.242"


@pytest.mark.django_db
def test_a_draft_document_keeps_its_figures_off_the_page(client, seed_data):
    Budget.objects.filter(year=2017).update(publication_status=PublicationStatus.DRAFT)
    html = client.get(PAGE).content.decode()
    assert "Vergeleken met de Begroting 2017" not in html
    assert "68.679" not in html
    assert not FinancialFigure.objects.public().filter(document__year=2017).exists()


@pytest.mark.django_db
def test_queries_do_not_grow_with_years_and_products(client, seed_data):
    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    before = count()
    programme = FinancialFigure.objects.first().programme
    document = Budget.objects.get(year=2018)
    FinancialFigure.objects.bulk_create(
        FinancialFigure(
            programme=programme,
            document=document,
            line=FinancialLine.COSTS,
            year=year,
            kind=FigureKind.ESTIMATE,
            amount=-1000,
        )
        for year in range(2022, 2032)
    )
    ProductChange.objects.bulk_create(
        ProductChange(
            programme=programme,
            document=document,
            product_code=f"P9{n}",
            product_name=f"Product {n}",
            amount=1000,
            explanation="toelichting",
        )
        for n in range(20)
    )
    assert count() == before


@pytest.mark.django_db
def test_home_page_shows_each_programmes_share(client, seed_data):
    response = client.get("/")
    rows = table_by_caption(response.content.decode(), "Lasten per programma in 2018")
    # Eight programmes and the published total; 71.241 of 285.407 is 25,0%.
    assert len(rows) == 9
    programme = "Programma 1 Economie, Werk en Inkomen"
    assert rows[programme]["Lasten"] == "€ 71.241.000"
    assert rows[programme]["Aandeel"] == "25,0%"
    # Drawn on the server: no chart data for plotly.js on the home page.
    assert 'id="aandelen-data"' not in response.content.decode()


@pytest.mark.django_db
def test_compare_page_compares_the_money_of_two_budgets(client, seed_data):
    text = page_text(
        client.get("/indicatoren/vergelijken/", {"van": 2017, "naar": 2018})
    )
    assert "Lasten en baten in beide begrotingen" in text
    assert "€ 2.562.000 hogere lasten" in text
    english = page_text(
        client.get("/en/indicatoren/vergelijken/", {"van": 2017, "naar": 2018})
    )
    assert "€2,562,000 higher expenditure" in english.replace("€ ", "€")


@pytest.mark.django_db
def test_search_finds_product_names(client, seed_data):
    text = page_text(client.get("/zoeken/", {"q": "Kermis"}))
    assert "P560.3 Kermis" in text


@pytest.mark.django_db
def test_changes_feed_announces_a_changed_figure(client, seed_data):
    figure = FinancialFigure.objects.get(
        programme__number=1, document__year=2018, line="baten", year=2018
    )
    figure.amount = Decimal("41607")
    figure.save()
    feed = client.get("/wijzigingen/atom/").content.decode()
    # One entry per programme and document, naming the changed figures (the seed's
    # other programmes and documents are older than the change; which of them the
    # feed still has room for is not this test's concern).
    assert (
        feed.count("Financiën: Programma 1 Economie, Werk en Inkomen (Begroting 2018)")
        == 1
    )
    assert "Gewijzigd: Baten 2018 (Begroting 2018)" in feed


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_download_writes_every_published_figure(client, seed_data, prefix):
    response = client.get(f"{prefix}/open-data/financien.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(response.content.decode("utf-8-sig").splitlines()))
    assert len(rows) == FinancialFigure.objects.count() == 252
    assert len([row for row in rows if row["programma_nummer"] == "1"]) == 78
    # The file's words do not depend on the page's language.
    first = rows[0]
    assert (first["document"], first["regel"], first["jaar"], first["soort"]) == (
        "2018",
        "Lasten",
        "2016",
        "Rekening",
    )
    assert first["bedrag"] == "-74451" and first["eenheid"] == "× € 1.000"


@pytest.mark.django_db
def test_a_programme_links_to_itself_in_other_budgets(client, seed_data):
    from programmes.models import Programme

    programme = Programme.objects.get(budget__year=2018, number=1)
    later = Budget.objects.create(year=2019, title="Begroting 2019")
    Programme.objects.create(
        budget=later, number=1, title=programme.title, slug=programme.slug
    )
    text = page_text(client.get(PAGE))
    assert "Dit programma in andere begrotingen" in text
    assert "Begroting 2019: Programma 1 Economie, Werk en Inkomen" in text
    later.publication_status = PublicationStatus.DRAFT
    later.save()
    # The Begroting 2017 holds only this programme's money: its table stays listed.
    text = page_text(client.get(PAGE))
    assert "Begroting 2019" not in text
    assert "Begroting 2017: lasten en baten" in text


@pytest.mark.django_db
def test_only_the_previous_budget_is_compared_on_the_page(client, seed_data):
    """At ten budget documents the page would carry nine comparisons; the compare
    page has any other pair."""
    programme = FinancialFigure.objects.first().programme
    older = Budget.objects.create(year=2016, title="Begroting 2016")
    FinancialFigure.objects.create(
        programme=programme,
        document=older,
        line=FinancialLine.COSTS,
        year=2016,
        kind=FigureKind.BUDGET,
        amount=-70000,
    )
    text = page_text(client.get(PAGE))
    assert "Vergeleken met de Begroting 2017" in text
    assert "Vergeleken met de Begroting 2016" not in text
    assert "Twee andere begrotingen vergelijken" in text


@pytest.mark.django_db
def test_a_figure_entered_in_euros_does_not_mix_units_in_a_column(client, seed_data):
    """An editor enters one figure in euros: the table then shows every cell in
    euros, and says so, instead of 71.241 beside 41.606.000."""
    figure = FinancialFigure.objects.get(
        programme__number=1, document__year=2018, line="baten", year=2018
    )
    figure.amount, figure.unit = Decimal("41606000"), "euro"
    figure.save()
    html = client.get(PAGE).content.decode()
    table = table_by_caption(html, "Begroting 2018 (Bedragen in euro's)", "money")
    assert table["Baten"]["Begroting 2018"] == "41.606.000"
    assert table["Lasten"]["Begroting 2018"] == "71.241.000"
