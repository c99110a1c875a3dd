"""A workbook of a few kilobytes whose rows are numbered in the billions: the
reader refuses it at once, by the dimension the sheet states or by the numbers
of its rows, instead of walking every empty row before them."""

import io
import time
import zipfile

import pytest

from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import MAX_SHEET_ROWS, SpreadsheetError, read_spreadsheet

pytestmark = pytest.mark.usefixtures("seed_data")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(sheet_xml: str, *, title: str = "acties") -> bytes:
    """A real .xlsx, part by part, with `sheet_xml` as its one worksheet."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELATIONSHIPS}"><sheets>'
            f'<sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            f"{sheet_xml}</worksheet>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def row(number: int, *values: str) -> str:
    cells = "".join(
        f'<c r="{column}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for column, value in zip("ABCDEFGH", values, strict=False)
    )
    return f'<row r="{number}">{cells}</row>'


HEADER = ("titel", "soort", "status", "jaar")
HUGE = 2_000_000_000


def refused_quickly(content: bytes) -> str:
    assert len(content) < 30_000
    started = time.monotonic()
    with pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(content)
    assert time.monotonic() - started < 5
    [problem] = refused.value.problems
    return str(problem)


def test_a_stated_dimension_of_two_billion_rows_is_refused_before_reading():
    content = workbook(
        f'<dimension ref="A1:D{HUGE}"/><sheetData>{row(HUGE, *HEADER)}</sheetData>'
    )
    message = refused_quickly(content)
    assert "werkblad acties" in message and "meer dan 100.001 rijen" in message


@pytest.mark.parametrize("dimension", ["", '<dimension ref="A1:D2"/>'])
def test_one_row_numbered_two_billion_is_refused_at_the_row_limit(dimension):
    # No dimension, or one that lies: the row's own number counts.
    content = workbook(f"{dimension}<sheetData>{row(HUGE, *HEADER)}</sheetData>")
    message = refused_quickly(content)
    assert "werkblad acties" in message and "lege rijen tellen mee" in message


def test_empty_rows_between_the_header_and_a_row_count_towards_the_limit():
    rows = row(1, *HEADER) + row(MAX_SHEET_ROWS + 1, "Actie", "Actie", "Gepland")
    message = refused_quickly(workbook(f"<sheetData>{rows}</sheetData>"))
    assert "meer dan 100.001 rijen" in message


def test_a_row_just_within_the_limit_is_read():
    rows = row(1, *HEADER) + row(MAX_SHEET_ROWS, "Een actie", "Actie", "Gepland")
    [sheet] = read_spreadsheet(workbook(f"<sheetData>{rows}</sheetData>"))
    assert list(sheet.frame.index) == [MAX_SHEET_ROWS]
    assert sheet.frame.iloc[0]["titel"] == "Een actie"


def test_the_import_names_the_sheet_and_the_limit_in_dutch():
    content = workbook(f"<sheetData>{row(HUGE, *HEADER)}</sheetData>")
    result = budget_file_import(content=content, file_name="klein.xlsx")
    assert not result.ok
    [problem] = [str(p) for p in result.problems]
    assert "Het werkblad acties heeft meer dan 100.001 rijen" in problem
