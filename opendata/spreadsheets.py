"""Spreadsheet files in and out: CSV, XLSX and JSON for the open data and imports.

This module knows file formats, not the domain: exports.py builds the frames it
writes, imports/ reads the frames it makes.
"""

import codecs
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from django.http import HttpResponse
from django.utils.translation import gettext as _

from content.cells import cell_text, formula_neutralise, plain_number
from content.text import fit_text, fit_value

from .imports.results import Problem

# A bigger file is a mistake (a photo, a whole archive), not a budget.
MAX_FILE_BYTES = 5 * 1024 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An .xlsx is a zip: 5 MB may unpack to gigabytes (a zip bomb). Every part's
# unpacked size is checked before it is read: a real 5 MB budget file of 100,000
# rows unpacks to about 40 MB.
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
# More rows than a budget has: refused before they are all held in memory.
MAX_ROWS = 100_000
# A table has some twenty columns; more are a mistake or an attack.
MAX_COLUMNS = 100
# The rows of a sheet, counted by their numbers: the header, the data and every
# empty row between them. A file may number its one row 2,000,000,000, and a
# reader that walks the empty rows before it would be busy for hours.
MAX_SHEET_ROWS = MAX_ROWS + 1


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet at all."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _megabytes(size: int) -> str:
    return str(round(size / 1024 / 1024, 1))


def _too_many_rows() -> SpreadsheetError:
    return SpreadsheetError(
        [
            Problem(
                _(
                    "Het bestand heeft meer dan %(limit)s rijen. Verdeel het over "
                    "meer bestanden."
                )
                % {"limit": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        ]
    )


# --- Reading files ---------------------------------------------------------------


@dataclass
class Sheet:
    """One table of an uploaded file, with normalised column names."""

    name: str | None  # the sheet's name in an XLSX, None for a CSV
    frame: pd.DataFrame  # index: the row number a spreadsheet program shows


def column_key(name) -> str:
    """'Begrotingsjaar ' and 'begrotingsjaar' name the same column."""
    return re.sub(r"\s+", "_", cell_text(name).lower())


def _too_many_sheet_rows(sheet: str) -> SpreadsheetError:
    return SpreadsheetError(
        [
            Problem(
                _(
                    "Het werkblad %(sheet)s heeft meer dan %(limit)s rijen (lege rijen "
                    "tellen mee). Verwijder de lege rijen of verdeel de gegevens over "
                    "meer bestanden."
                )
                % {"sheet": sheet, "limit": f"{MAX_SHEET_ROWS:,}".replace(",", ".")}
            )
        ]
    )


def _frame(header: list, rows: list[tuple[int, list]]) -> pd.DataFrame:
    columns = [column_key(name) for name in header]
    data = []
    index = []
    for number, cells in rows:
        cells = list(cells[: len(columns)]) + [None] * (len(columns) - len(cells))
        if all(cell_text(cell) == "" for cell in cells):
            continue  # an empty line between rows is not a row
        data.append(cells[: len(columns)])
        index.append(number)
    return pd.DataFrame(data, columns=columns, index=index, dtype=object)


def _unreadable_xlsx() -> SpreadsheetError:
    return SpreadsheetError(
        [Problem(_("Het bestand is geen leesbaar Excel-bestand (.xlsx)."))]
    )


def _check_unpacked_size(content: bytes) -> None:
    """Refuse a workbook whose parts unpack too large, before any is read.

    zipfile never unpacks more than a part's stated size (it stops with an error),
    so the stated sizes bound what reading can take.
    """
    try:
        parts = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise _unreadable_xlsx() from error
    largest = max(parts, key=lambda part: part.file_size, default=None)
    total = sum(part.file_size for part in parts)
    if largest is not None and (
        largest.file_size > MAX_PART_BYTES or total > MAX_UNPACKED_BYTES
    ):
        raise SpreadsheetError(
            [
                Problem(
                    _(
                        "Het Excel-bestand is uitgepakt te groot: %(size)s MB (het "
                        "deel %(part)s %(part_size)s MB), terwijl hoogstens "
                        "%(limit)s MB kan. Sla het op als CSV of verdeel het over "
                        "meer bestanden."
                    )
                    % {
                        "size": _megabytes(total),
                        "part": largest.filename,
                        "part_size": _megabytes(largest.file_size),
                        "limit": MAX_UNPACKED_BYTES // 1024 // 1024,
                    }
                )
            ]
        )


def _read_xlsx(content: bytes) -> list[Sheet]:
    _check_unpacked_size(content)
    try:
        # Formulas as formulas (data_only=False): a formula's value is whatever
        # the program that saved it calculated, or nothing; it is refused below.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_xlsx() from error
    try:
        sheets, formulas = _xlsx_sheets(workbook)
    except SpreadsheetError:
        raise
    except Exception as error:  # a damaged part: bad XML, cells, references
        raise _unreadable_xlsx() from error
    finally:
        workbook.close()
    if formulas:
        raise SpreadsheetError(formulas)
    return sheets


def _empty(row: tuple) -> bool:
    """A row that openpyxl made up to fill a gap in the row numbers; known at C
    speed (cells compared one by one in Python made 100,000 of them slow)."""
    return not row or (row[0] is EMPTY_CELL and len(set(map(id, row))) == 1)


def _xlsx_sheets(workbook) -> tuple[list, list]:
    """Every sheet with a header as a table, and the formulas found in them."""
    sheets = []
    formulas = []
    for worksheet in workbook.worksheets:
        rows = []
        header = None
        # The rows the sheet states it has, before a row is read.
        declared = worksheet.max_row
        if declared is not None and declared > MAX_SHEET_ROWS:
            raise _too_many_sheet_rows(worksheet.title)
        # Not the columns the file states (it may claim a million): the cells as
        # they come, and no more columns than a table can have. Not beyond the
        # row limit either, whatever number the next row has: openpyxl fills a
        # gap in the numbers with empty rows, and stops at max_row.
        worksheet.reset_dimensions()
        rows_read = worksheet.iter_rows(max_col=MAX_COLUMNS, max_row=MAX_SHEET_ROWS + 1)
        for number, row in enumerate(rows_read, start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_sheet_rows(worksheet.title)
            cells = []
            for cell in () if _empty(row) else row:
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f" and len(formulas) < 20:
                    formulas.append(
                        Problem(
                            _(
                                "cel %(cell)s bevat een formule (%(formula)s); het "
                                "portaal rekent niet. Zet er de waarde zelf in "
                                "(kopiëren en plakken als waarde)."
                            )
                            % {"cell": cell.coordinate, "formula": str(value)[:40]},
                            row=number,
                            sheet=worksheet.title,
                        )
                    )
                # Dutch Excel stores a typed 17,3% as 0.173 shown as a percentage.
                number_format = getattr(cell, "number_format", "") or ""
                if (
                    isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and "%" in number_format
                ):
                    value = Decimal(repr(value)) * 100
                cells.append(value)
            if header is None:
                if all(cell_text(c) == "" for c in cells):
                    continue
                header = cells
                while header and cell_text(header[-1]) == "":
                    header.pop()
                continue
            rows.append((number, cells))
        if header is not None:
            sheets.append(Sheet(worksheet.title, _frame(header, rows)))
    return sheets, formulas


def _csv_text(content: bytes) -> str:
    """The text of a CSV in the encodings Excel writes: UTF-8 (with or without a
    byte order mark), UTF-16 ('Unicode-tekst', with its mark) and, for Dutch
    Excel's plain 'CSV (puntkomma)', Windows-1252."""
    if content.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # UTF-32's little-endian mark starts with UTF-16's: read as UTF-16 it
        # gave text with a NUL after every letter, and "kolommen passen niet".
        raise SpreadsheetError([_encoding_problem()])
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            if b"\x00" not in content:
                try:
                    return content.decode("cp1252")
                except UnicodeDecodeError:
                    pass
    raise SpreadsheetError([_encoding_problem()])


def _encoding_problem() -> Problem:
    return Problem(
        _(
            "De tekens in dit CSV-bestand zijn niet te lezen. Sla het in Excel op "
            "als 'CSV UTF-8 (door komma's gescheiden)' en lees het opnieuw in."
        )
    )


def _utf16_without_mark(content: bytes) -> bool:
    """Text in UTF-16 without its byte order mark: every other byte is 0."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = content[:512]
    half = len(sample) // 2
    return half > 8 and max(sample[0::2].count(0), sample[1::2].count(0)) > half * 0.9


def _read_csv(content: bytes) -> list[Sheet]:
    text = _csv_text(content)
    # Python's csv refuses a cell over 128 KB with an English message; a cell
    # is as long as the file may be, and the import says which text is too long
    # for its field (content.text.TEXT_MAX_LENGTH).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    first_line = text.split("\n", 1)[0]
    separator = max([";", ",", "\t"], key=first_line.count)
    try:
        records = []
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            records.append(row[:MAX_COLUMNS])  # no more columns than a table has
            if len(records) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as error:
        raise SpreadsheetError(
            [
                Problem(
                    _("Het CSV-bestand is niet te lezen: %(error)s") % {"error": error}
                )
            ]
        ) from error
    records = [(number, row) for number, row in enumerate(records, start=1)]
    while records and all(cell_text(c) == "" for c in records[0][1]):
        records.pop(0)
    if not records:
        return []
    (_header_number, header), rows = records[0], records[1:]
    return [Sheet(None, _frame(header[:MAX_COLUMNS], rows))]


def read_spreadsheet(content: bytes) -> list[Sheet]:
    """The tables of an uploaded CSV or XLSX file, judged by content, not name.

    Raises SpreadsheetError for an empty, oversized or unreadable file, or one
    without a single row of data.
    """
    if len(content) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            [
                Problem(
                    _(
                        "Het bestand is te groot: %(size)s MB. Het mag hoogstens "
                        "%(limit)s MB zijn."
                    )
                    % {
                        "size": round(len(content) / 1024 / 1024, 1),
                        "limit": MAX_FILE_BYTES // 1024 // 1024,
                    }
                )
            ]
        )
    if not content.strip():
        raise SpreadsheetError([Problem(_("Het bestand is leeg."))])
    if content.startswith(b"PK\x03\x04"):
        sheets = _read_xlsx(content)
    elif content.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            [
                Problem(
                    _(
                        "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als "
                        "Excel-werkmap (.xlsx) of als CSV en lees het opnieuw in."
                    )
                )
            ]
        )
    elif _utf16_without_mark(content):
        raise SpreadsheetError([_encoding_problem()])
    elif b"\x00" in content[:4096] and not content.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise SpreadsheetError(
            [
                Problem(
                    _(
                        "Het bestand is geen spreadsheet. Lees een CSV-bestand of een "
                        "Excel-werkmap (.xlsx) in."
                    )
                )
            ]
        )
    else:
        sheets = _read_csv(content)
    if not any(len(sheet.frame) for sheet in sheets):
        raise SpreadsheetError(
            [Problem(_("Het bestand bevat geen gegevens: er staan geen rijen in."))]
        )
    return sheets


# --- Writing files ---------------------------------------------------------------


def _csv_cell(value, *, decimal_comma: bool) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, Decimal):
        text = plain_number(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    return formula_neutralise(fit_text(str(value)))


def frame_to_csv(frame: pd.DataFrame, *, dutch: bool = False) -> bytes:
    """CSV in UTF-8 with ',' or, for Dutch Excel, ';' with a decimal comma.

    The Dutch variant starts with a byte order mark: without it Excel reads UTF-8
    as Windows-1252 and garbles every ë and €.
    """
    cells = frame.map(lambda value: _csv_cell(value, decimal_comma=dutch))
    text = cells.to_csv(index=False, sep=";" if dutch else ",", lineterminator="\r\n")
    return text.encode("utf-8-sig" if dutch else "utf-8")


def _xlsx_cell(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        # A stored text that slipped in before it was cleaned must not break the
        # workbook (openpyxl refuses the character, and the download failed).
        return formula_neutralise(fit_text(value))
    return value


def frames_to_xlsx(sheets: dict[str, pd.DataFrame], *, notes: list[str] = ()) -> bytes:
    """An Excel workbook with one sheet per frame, and optionally an 'uitleg' sheet.

    Numbers stay numbers (so Excel can sum them); text that looks like a formula is
    neutralised like in the CSV.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.map(_xlsx_cell).to_excel(writer, sheet_name=name, index=False)
            worksheet = writer.sheets[name]
            worksheet.freeze_panes = "A2"
            for number, column in enumerate(frame.columns, start=1):
                letter = get_column_letter(number)
                worksheet[f"{letter}1"].font = Font(bold=True)
                longest = max(
                    [len(str(column))]
                    + [len(str(v).split("\n")[0]) for v in frame[column].head(200)]
                )
                worksheet.column_dimensions[letter].width = min(max(longest, 8), 60)
            for row in worksheet.iter_rows(min_row=2):
                for cell in row:
                    if isinstance(cell.value, str) and "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if notes:
            explanation = writer.book.create_sheet("uitleg")
            explanation.column_dimensions["A"].width = 110
            for number, line in enumerate(notes, start=1):
                cell = explanation.cell(row=number, column=1, value=fit_text(line))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if number == 1:
                    cell.font = Font(bold=True, size=14)
    return buffer.getvalue()


def _json_value(value):
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(plain_number(value))
    raise TypeError(type(value))


def frame_to_json(frame: pd.DataFrame) -> bytes:
    """A JSON array of objects, one per row; empty values are null, never 0."""
    records = [
        {
            key: (None if isinstance(v, float) and v != v else fit_value(v))
            for key, v in record.items()
        }
        for record in frame.to_dict(orient="records")
    ]
    return json.dumps(
        records, ensure_ascii=False, indent=2, default=_json_value
    ).encode("utf-8")


# --- Downloads -------------------------------------------------------------------

# File name endings of the downloads: the ';' CSV is the one Dutch Excel opens right.
DOWNLOAD_PATTERN = r"(?P<suffix>\.csv|-puntkomma\.csv|\.xlsx|\.json)"
# The formats offered as download links, with the names visitors see.
DOWNLOAD_LABELS = [
    (".csv", "CSV"),
    ("-puntkomma.csv", "CSV voor Excel"),
    (".xlsx", "Excel"),
    (".json", "JSON"),
]


def download_response(frame: pd.DataFrame, *, name: str, suffix: str) -> HttpResponse:
    """The frame as a file to save, in the format its name ends with."""
    if suffix == ".xlsx":
        content, content_type = frames_to_xlsx({name: frame}), XLSX_CONTENT_TYPE
    elif suffix == ".json":
        content, content_type = frame_to_json(frame), "application/json"
    else:
        content = frame_to_csv(frame, dutch=suffix == "-puntkomma.csv")
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}{suffix}"'
    # Open data: other websites may fetch it from the browser too.
    response["Access-Control-Allow-Origin"] = "*"
    return response
