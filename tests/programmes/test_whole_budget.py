"""The whole Begroting 2018: every programme with its money, and the budget's own
recapitulation with its published totals, on the public pages (issue 24)."""

import csv
import re
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command

from money.models import FinancialFigure, SummaryFigure
from programmes.models import Programme
from tests.html import page_text, tables
from tests.money.test_money import LABELS, expected_cell

DATA = Path(settings.BASE_DIR).parent / "shared" / "data"
FIXTURES = Path(settings.BASE_DIR) / "fixtures"
TITLES = {
    1: "Economie, Werk en Inkomen",
    2: "Onderwijs en Jeugd",
    3: "Welzijn en Zorg",
    4: "Sport en Cultuur",
    5: "Ruimtelijke Ontwikkeling en Mobiliteit",
    6: "Beheer Openbare Ruimte en Duurzaamheid",
    7: "Bestuur, Veiligheid en Openbare Orde",
    8: "Financiën",
}


def source(name):
    if not (DATA / name).exists():
        pytest.skip("needs ../shared/data/ beside the repository")
    with open(DATA / name, encoding="utf-8") as file:
        return list(csv.DictReader(file))


def money_table(html, document_title="Begroting 2018"):
    for table in tables(html):
        if document_title in table["caption"] and "money" in table["class"]:
            header, *rows = table["rows"]
            return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}
    raise AssertionError("no money table")


@pytest.mark.django_db
def test_eight_programmes_with_their_number_and_title(seed_data):
    programmes = Programme.objects.filter(budget__year=2018).order_by("number")
    assert {p.number: p.title for p in programmes} == TITLES


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_programme_figure_of_the_source_on_its_page(client, seed_data, language):
    rows = source("exploitatie-begroting-2018.csv")
    by_programme = {}
    for row in rows:
        by_programme.setdefault(int(row["programma_nummer"]), []).append(row)
    assert sorted(by_programme) == list(range(1, 9))
    labels = LABELS[language]
    prefix = "/en" if language == "en" else ""
    for number, programme_rows in by_programme.items():
        programme = Programme.objects.get(budget__year=2018, number=number)
        response = client.get(f"{prefix}/programmas/2018/{programme.slug}/")
        assert response.status_code == 200
        table = money_table(response.content.decode())
        for row in programme_rows:
            column = f"{labels[row['soort']]} {row['jaar']}"
            expected = expected_cell(language, row["regel"], int(row["bedrag_x1000"]))
            assert table.get(labels[row["regel"]], {}).get(column) == expected, (
                number,
                row,
                table,
            )
        # No line is shown that the source does not have (3 lines or 7).
        assert len(table) == len({row["regel"] for row in programme_rows})


@pytest.mark.django_db
def test_the_recapitulation_is_kept_as_published(seed_data):
    rows = source("overzicht-baten-en-lasten.csv")
    stored = {
        (
            "totaal" if f.programme is None else str(f.programme.number),
            f.line,
            f.year,
            f.kind,
        ): int(f.amount)
        for f in SummaryFigure.objects.select_related("programme")
    }
    assert stored == {
        (r["onderdeel_nummer"], r["regel"], int(r["jaar"]), r["soort"]): int(
            r["bedrag_x1000"]
        )
        for r in rows
    }
    # The recapitulation's own figure, beside the programme table's (both published).
    assert stored[("1", "saldo", 2019, "raming")] == -29070
    assert (
        FinancialFigure.objects.get(
            programme__number=1, document__year=2018, line="saldo", year=2019
        ).amount
        == -29071
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_home_page_shows_every_programme_against_the_published_total(
    client, seed_data, language
):
    rows = source("overzicht-baten-en-lasten.csv")
    costs = {
        r["onderdeel_nummer"]: -int(r["bedrag_x1000"])
        for r in rows
        if r["regel"] == "lasten" and r["jaar"] == "2018"
    }
    total = costs.pop("totaal")
    assert total == 285407
    # The sum of the programmes is not the published total (rounding): 285.406.
    assert sum(costs.values()) != total
    prefix = "/en" if language == "en" else ""
    html = client.get(prefix + "/").content.decode()
    assert "plotly" not in html
    separator = "." if language == "nl" else ","
    table = next(t for t in tables(html) if "shares" in t["class"])
    body = {row[0]: row[1:3] for row in table["rows"][1:]}
    for number, amount in costs.items():
        label = next(k for k in body if re.search(rf"\b{number} ", k))
        euros = f"€ {amount * 1000:,}".replace(",", separator)
        # A hand calculation: programme 1, 71.241 of 285.407 is 25,0%.
        share = f"{amount * 100 / total:.1f}%".replace(
            ".", "," if language == "nl" else "."
        )
        assert body[label] == [euros, share], (number, body[label])
    total_row = table["rows"][-1]
    assert total_row[1] == f"€ {total * 1000:,}".replace(",", separator)
    text = page_text(client.get(prefix + "/"))
    published = f"€ {total * 1000:,}".replace(",", separator)
    assert published in text
    if language == "nl":
        assert "Totaal programma's (zoals gepubliceerd in de Begroting 2018)" in text
        assert "Programma 1 Economie, Werk en Inkomen 25,0%" in text


@pytest.mark.django_db
def test_loading_on_a_portal_with_programme_1_adds_the_other_programmes(db):
    # A portal installed before the whole budget came: programme 1 and its money.
    for name in (
        "begroting-2018-programma-1.yaml",
        "begrippenlijst.yaml",
        "financien-programma-1.yaml",
    ):
        call_command("loaddata", FIXTURES / name, verbosity=0)
    assert Programme.objects.count() == 1
    # An editor corrected a figure of programme 1; it stays as the editor left it.
    edited = FinancialFigure.objects.get(line="lasten", year=2018, document__year=2018)
    edited.amount = -71000
    edited.save()
    before = FinancialFigure.objects.count()
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    assert "begroting-2018-alle-programmas.yaml: 7 programma's" in out.getvalue()
    assert Programme.objects.filter(budget__year=2018).count() == 8
    assert FinancialFigure.objects.count() == before + 3 * 42 - 42 + 5 * 18
    assert SummaryFigure.objects.count() == 150
    edited.refresh_from_db()
    assert edited.amount == -71000
    # Again: nothing added, nothing changed.
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    assert "begroting-2018-alle-programmas.yaml: al aanwezig" in out.getvalue()
    assert Programme.objects.count() == 8
    assert SummaryFigure.objects.count() == 150


@pytest.mark.django_db
def test_a_programme_added_by_an_editor_is_kept_and_gets_its_money(db):
    call_command("loaddata", FIXTURES / "begroting-2018-programma-1.yaml", verbosity=0)
    budget = Programme.objects.get(number=1).budget
    own = Programme.objects.create(
        budget=budget, number=2, title="Onderwijs en Jeugd (redactie)", slug="oj"
    )
    call_command("load_initial_data", stdout=StringIO())
    own.refresh_from_db()
    assert own.title == "Onderwijs en Jeugd (redactie)"
    assert own.financial_figures.count() == 18


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, says, absent",
    [
        (
            "nl",
            "Van dit programma staan alleen de financiën in het portaal",
            [
                "Wat gaan we daarvoor doen?",
                "Wat willen we bereiken?",
                "Er zijn nog geen beleidsindicatoren",
                "Bedragen uit de tekst",
                "Voor dit programma zijn nog geen bedragen ingevoerd",
            ],
        ),
        (
            "en",
            "Of this programme the portal holds only the finances",
            [
                "What are we going to do?",
                "What do we want to achieve?",
                "There are no policy indicators yet",
                "Amounts from the text",
            ],
        ),
    ],
)
def test_a_programme_with_only_money_reads_well(
    client, seed_data, language, says, absent
):
    prefix = "/en" if language == "en" else ""
    response = client.get(f"{prefix}/programmas/2018/onderwijs-en-jeugd/")
    text = page_text(response)
    assert says in text
    for words in absent:
        assert words not in text, words
    # Its money as for programme 1: the table, the chart and its sentence (once).
    html = response.content.decode()
    table = money_table(html)
    assert table[LABELS[language]["lasten"]][LABELS[language]["begroting"] + " 2018"]
    assert 'id="geld-data"' in html
    sentence = "35.304.000" if language == "nl" else "35,304,000"
    assert text.count(sentence) == 1


@pytest.mark.django_db
def test_programme_1_is_not_a_money_only_page(client, seed_data):
    text = page_text(client.get("/programmas/2018/economie-werk-en-inkomen/"))
    assert "alleen de financiën" not in text
    assert "Wat gaan we daarvoor doen?" in text
