"""Importing the money of a programme from the file its download writes: all or
nothing, Dutch messages with row and column, Dutch number formats, the unit per row."""

import pytest

from money.models import FinancialFigure
from opendata.exports import financial_figures_frame
from opendata.imports.pipeline import budget_file_import
from opendata.models import ImportRun
from opendata.spreadsheets import frame_to_csv, frames_to_xlsx
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

HEADER = (
    "programma_begrotingsjaar;programma_nummer;programma;document;regel;jaar;soort;"
    "bedrag;eenheid"
)
ROW = "2018;1;;2018;Lasten;2018;Begroting;{amount};× € 1.000"
PAGE = "/programmas/2018/economie-werk-en-inkomen/"


def csv(*rows: str) -> bytes:
    return "\r\n".join([HEADER, *rows]).encode("utf-8")


def problems_of(content: bytes) -> list[str]:
    result = budget_file_import(content=content, file_name="financien.csv")
    assert not result.ok
    return [str(problem) for problem in result.problems]


def assert_refused(content, expected, snapshot):
    before = snapshot()
    problems = problems_of(content)
    assert expected in problems, problems
    assert snapshot() == before
    assert not ImportRun.objects.exists()


def test_the_download_imports_back_unchanged():
    content = frames_to_xlsx({"financien": financial_figures_frame()})
    result = budget_file_import(content=content, file_name="financien.xlsx")
    assert result.ok, result.problems
    assert not result.created and not result.changed
    # Every figure of the seed (all eight programmes of the Begroting 2018) is a row.
    assert len([c for c in result.unchanged if c.what == "bedrag"]) == (
        FinancialFigure.objects.count()
    )


def test_round_trip_into_an_empty_portal_gives_the_same_file_and_page(client):
    csv_before = frame_to_csv(financial_figures_frame())
    figures = FinancialFigure.objects.count()
    page_before = page_text(client.get(PAGE))
    FinancialFigure.objects.all().delete()
    assert "Overzicht van lasten en baten" not in page_text(client.get(PAGE))
    result = budget_file_import(content=csv_before, file_name="financien.csv")
    assert result.ok, result.problems
    assert len([c for c in result.created if c.what == "bedrag"]) == figures
    assert frame_to_csv(financial_figures_frame()) == csv_before
    # The page shows the figures again, every one as before ("laatst gewijzigd" of
    # the programme aside, which the import does not touch).
    assert page_text(client.get(PAGE)) == page_before


def test_a_changed_amount_in_dutch_notation(client):
    preview = budget_file_import(
        content=csv(ROW.format(amount="-71.300")), file_name="f.csv", dry_run=True
    )
    assert preview.ok, preview.problems
    (change,) = preview.changed
    assert change.description.endswith(
        "Lasten 2018: -71.241 (× € 1.000) → -71.300 (× € 1.000)"
    )
    assert (
        FinancialFigure.objects.get(
            programme__number=1, document__year=2018, line="lasten", year=2018
        ).amount
        == -71241
    )
    assert budget_file_import(
        content=csv(ROW.format(amount="-71.300")), file_name="f.csv"
    ).ok
    assert "71.300" in page_text(client.get(PAGE))


def test_amounts_in_euros_are_kept_in_euros():
    row = "2018;1;;2018;Baten;2018;Begroting;41.606.000;euro"
    assert budget_file_import(content=csv(row), file_name="f.csv").ok
    figure = FinancialFigure.objects.get(
        programme__number=1, document__year=2018, line="baten", year=2018
    )
    assert figure.unit == "euro" and figure.euros == 41_606_000


def test_a_word_where_an_amount_belongs(snapshot):
    assert_refused(
        csv(
            ROW.format(amount="-71300"),
            ROW.format(amount="veel").replace(";2018;B", ";2019;B"),
        ),
        "rij 3, kolom bedrag: 'veel' is geen getal",
        snapshot,
    )


def test_an_unknown_line(snapshot):
    row = "2018;1;;2018;Subsidies;2018;Begroting;-5;× € 1.000"
    problems = problems_of(csv(row))
    assert any(
        p.startswith("rij 2, kolom regel: 'Subsidies' kan niet; kies uit")
        for p in problems
    ), problems
    assert_refused(csv(row), problems[0], snapshot)


def test_a_year_twice(snapshot):
    assert_refused(
        csv(ROW.format(amount="-1"), ROW.format(amount="-2")),
        "rij 3, kolom jaar: dubbele rij: hetzelfde programma, document, dezelfde "
        "regel en hetzelfde jaar staan ook in rij 2",
        snapshot,
    )


def test_one_kind_per_year_of_a_document(snapshot):
    other = "2018;1;;2018;Baten;2018;Raming;5;× € 1.000"
    assert_refused(
        csv(ROW.format(amount="-1"), other),
        "rij 3, kolom soort: 'Raming' verschilt van rij 2: een jaar heeft in één "
        "document één soort (rekening, begroting of raming)",
        snapshot,
    )


def test_an_empty_amount_or_unit(snapshot):
    assert_refused(
        csv(ROW.format(amount="")),
        "rij 2, kolom bedrag: is leeg; vul het bedrag in zoals gepubliceerd",
        snapshot,
    )
    assert_refused(
        csv(ROW.format(amount="-1").replace("× € 1.000", "dollar")),
        "rij 2, kolom eenheid: 'dollar' kan niet; kies uit × € 1.000, euro",
        snapshot,
    )
