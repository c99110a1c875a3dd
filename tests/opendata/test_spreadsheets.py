"""The file formats: formula neutralisation, Dutch numbers, unreadable files."""

from decimal import Decimal

import pytest

from content.cells import formula_neutralise, formula_restore, parse_number
from opendata.spreadsheets import MAX_FILE_BYTES, SpreadsheetError, read_spreadsheet


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+31 74", "-", "@SUM(A1)", "'=1+1", "''-x", "gewoon", "'quote", "", "\tx"],
)
def test_neutralise_is_undone_exactly(text):
    assert formula_restore(formula_neutralise(text)) == text


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-1+2", "@cmd", "\t=1"])
def test_neutralised_text_no_longer_starts_with_a_formula_sign(text):
    assert formula_neutralise(text)[0] == "'"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("6.500", Decimal("6500")),
        ("6500", Decimal("6500")),
        ("17,3", Decimal("17.3")),
        ("17,3%", Decimal("17.3")),
        ("17.3", Decimal("17.3")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("6,500.5", Decimal("6500.5")),
        ("€ 7,50", Decimal("7.50")),
        ("-12,5", Decimal("-12.5")),
        ("0.50", Decimal("0.50")),
        (6500, Decimal("6500")),
        (17.3, Decimal("17.3")),
    ],
)
def test_dutch_and_plain_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "-", "geen waarde", None])
def test_no_value_is_none_never_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["1.2.3", "abc", "12,3,4", "1,2.3.4"])
def test_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


def _problem(content: bytes) -> str:
    with pytest.raises(SpreadsheetError) as error:
        read_spreadsheet(content)
    return str(error.value.problems[0])


def test_empty_file():
    assert _problem(b"") == "Het bestand is leeg."


def test_header_only_file_has_no_rows():
    assert "bevat geen gegevens" in _problem(b"indicator;waarde\r\n")


def test_oversized_file():
    assert "te groot" in _problem(b"a" * (MAX_FILE_BYTES + 1))


def test_binary_file_is_not_a_spreadsheet():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50
    assert "geen spreadsheet" in _problem(png)


def test_old_excel_file_is_refused_with_advice():
    assert ".xlsx" in _problem(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_damaged_xlsx():
    assert "geen leesbaar Excel-bestand" in _problem(b"PK\x03\x04 damaged")


def test_windows_1252_csv_from_dutch_excel_is_read():
    sheets = read_spreadsheet("naam;waarde\r\nCoördinatie;€ 5\r\n".encode("cp1252"))
    assert sheets[0].frame.loc[2, "naam"] == "Coördinatie"


def test_row_numbers_are_those_a_spreadsheet_shows():
    sheets = read_spreadsheet(b"a,b\n1,2\n\n3,4\n")
    assert list(sheets[0].frame.index) == [2, 4]
