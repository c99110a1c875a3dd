"""Spreadsheet files in and out: CSV, XLSX and JSON for the open data and imports.

This module knows file formats, not the domain: the exports and imports of each
app build their frames and call it. Indicators build on it, which the direction of
dependencies (indicators -> programmes) allows.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from django.http import HttpResponse
from django.utils.translation import gettext as _

# A bigger file is a mistake (a photo, a whole archive), not a budget.
MAX_FILE_BYTES = 5 * 1024 * 1024

# Cells starting with these run as a formula in Excel and LibreOffice (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


def formula_neutralise(text: str) -> str:
    """Put an apostrophe before text that a spreadsheet would run as a formula.

    Text that already starts with apostrophes before a trigger gets one more, so
    that formula_restore() can always undo exactly what was added.
    """
    return f"'{text}" if _NEEDS_QUOTE.match(text) else text


def formula_restore(text: str) -> str:
    """Undo formula_neutralise(): the import reads back what the export wrote."""
    return text[1:] if _QUOTED.match(text) else text


def plain_number(number: Decimal) -> str:
    """6500.00 -> '6500', 17.30 -> '17.3': no zeros that storage added."""
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class Column:
    """A column of an open data file, explained on the Open data page."""

    name: str
    description: str
    required: bool = False  # an import refuses a file without it


def missing_columns(frame: pd.DataFrame, columns: list[Column], sheet=None):
    """A problem for every required column the file does not have."""
    return [
        Problem(_("deze verplichte kolom ontbreekt"), column=column.name, sheet=sheet)
        for column in columns
        if column.required and column.name not in frame.columns
    ]


def dutch_number(number: Decimal) -> str:
    """100000 -> '100.000', 7.50 -> '7,5': how the budget text writes numbers."""
    whole, _dot, fraction = plain_number(number).partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


# --- Problems and results, shared by every import -------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an uploaded file, said in plain Dutch."""

    message: str
    row: int | None = None  # the row number a spreadsheet program shows
    column: str | None = None
    sheet: str | None = None

    def __str__(self):
        where = []
        if self.sheet:
            where.append(_("blad %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            where.append(_("rij %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("kolom %(column)s") % {"column": self.column})
        if not where:
            return self.message
        return f"{', '.join(where)}: {self.message}"


class Outcome:
    CREATED = "created"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    @staticmethod
    def label(outcome: str) -> str:
        return {
            Outcome.CREATED: _("nieuw"),
            Outcome.CHANGED: _("gewijzigd"),
            Outcome.UNCHANGED: _("ongewijzigd"),
        }[outcome]


@dataclass(frozen=True)
class Change:
    """What an import did (or, in a preview, would do) to one record."""

    outcome: str  # an Outcome
    what: str  # the kind of record, e.g. 'waarde'
    description: str


@dataclass
class ImportResult:
    """The outcome of an import: its changes, or its problems and no changes."""

    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def record(self, outcome: str, what: str, description: str) -> None:
        self.changes.append(Change(outcome, what, description))

    def of(self, outcome: str) -> list[Change]:
        return [change for change in self.changes if change.outcome == outcome]

    @property
    def created(self) -> list[Change]:
        return self.of(Outcome.CREATED)

    @property
    def changed(self) -> list[Change]:
        return self.of(Outcome.CHANGED)

    @property
    def unchanged(self) -> list[Change]:
        return self.of(Outcome.UNCHANGED)

    def extend(self, other: "ImportResult") -> None:
        self.changes.extend(other.changes)
        self.problems.extend(other.problems)

    def summary(self) -> str:
        return _(
            "%(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd"
        ) % {
            "created": len(self.created),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
        }


# --- Reading cells ---------------------------------------------------------------

_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")


def cell_text(value) -> str:
    """A cell as text: stripped, neutralisation undone, Excel's 2018.0 as '2018'."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: pandas' empty cell
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = formula_restore(str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


def parse_number(value) -> Decimal | None:
    """A number as a Dutch or English reader writes it: 6.500, 17,3, 17,3%, 6500.

    Empty, '-' and 'geen waarde' are no value (None), never 0. Raises ValueError
    when the text is not a number.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value:
            return None
        return Decimal(repr(value))
    text = cell_text(value).replace("\u00a0", "").replace(" ", "")
    if text in ("", "-", "–") or text.lower() in ("geenwaarde", "n.v.t."):
        return None
    text = text.removesuffix("%").removeprefix("€")
    negative = text.startswith("-")
    digits = text.removeprefix("-")
    if _GROUPED_DOTS.match(digits):  # Dutch: 6.500 or 1.234,5
        digits = digits.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMAS.match(digits) and "." in digits:  # English: 6,500.5
        digits = digits.replace(",", "")
    elif _PLAIN.match(digits):  # 17,3 or 17.3 or 6500
        digits = digits.replace(",", ".")
    else:
        raise ValueError(text)
    try:
        number = Decimal(digits)
    except InvalidOperation as error:
        raise ValueError(text) from error
    return -number if negative else number


def parse_year(value) -> int | None:
    """A year such as 2019; Excel may hand it over as 2019.0. Raises ValueError."""
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def parse_whole_number(value) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d+", text):
        raise ValueError(text)
    return int(text)


def choice_from_text(choices, value) -> str | None:
    """The stored value of a TextChoices member named by its code or Dutch label."""
    text = cell_text(value).lower()
    for code, label in choices.choices:
        if text in (code.lower(), str(label).lower()):
            return code
    return None


def choice_labels(choices) -> str:
    return ", ".join(str(label) for _code, label in choices.choices)


def cell_lines(value) -> list[str]:
    """A cell with one item per line (Alt+Enter in Excel), without empty lines."""
    return [line.strip() for line in cell_text(value).split("\n") if line.strip()]


class RowReader:
    """Reads the cells of one row, collecting every problem instead of stopping."""

    def __init__(self, frame_row: pd.Series, row: int, sheet: str | None):
        self.cells = frame_row
        self.row = row
        self.sheet = sheet
        self.problems: list[Problem] = []

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(message, self.row, column, self.sheet))

    def has(self, column: str) -> bool:
        return column in self.cells.index

    def text(self, column: str, *, required=False, max_length=None) -> str:
        value = cell_text(self.cells.get(column))
        if required and not value:
            self.problem(column, _("is leeg; vul dit in"))
        if max_length and len(value) > max_length:
            self.problem(
                column,
                _("is te lang: %(length)s tekens, hoogstens %(max)s")
                % {"length": len(value), "max": max_length},
            )
        return value

    def year(self, column: str, *, required=False) -> int | None:
        try:
            value = parse_year(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen jaartal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None
        if value is None and required:
            self.problem(column, _("is leeg; vul een jaartal in"))
        return value

    def whole_number(self, column: str, *, required=False) -> int | None:
        try:
            value = parse_whole_number(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen geheel getal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None
        if value is None and required:
            self.problem(column, _("is leeg; vul een getal in"))
        return value

    def number(self, column: str) -> Decimal | None:
        """A number, or None for an empty cell; a problem when it is not a number."""
        try:
            return parse_number(self.cells.get(column))
        except ValueError:
            self.problem(
                column,
                _("'%(value)s' is geen getal")
                % {"value": cell_text(self.cells.get(column))},
            )
            return None

    def choice(self, column: str, choices, *, default=None) -> str | None:
        text = cell_text(self.cells.get(column))
        if not text and default is not None:
            return default
        value = choice_from_text(choices, text)
        if value is None:
            self.problem(
                column,
                _("'%(value)s' kan niet; kies uit %(labels)s")
                % {"value": text, "labels": choice_labels(choices)},
            )
        return value


# --- Reading files ---------------------------------------------------------------


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet at all."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Sheet:
    """One table of an uploaded file, with normalised column names."""

    name: str | None  # the sheet's name in an XLSX, None for a CSV
    frame: pd.DataFrame  # index: the row number a spreadsheet program shows


def column_key(name) -> str:
    """'Begrotingsjaar ' and 'begrotingsjaar' name the same column."""
    return re.sub(r"\s+", "_", cell_text(name).lower())


def _frame(header: list, rows: list[tuple[int, list]]) -> pd.DataFrame:
    columns = [column_key(name) for name in header]
    data = []
    index = []
    for number, cells in rows:
        cells = list(cells) + [None] * (len(columns) - len(cells))
        if all(cell_text(cell) == "" for cell in cells):
            continue  # an empty line between rows is not a row
        data.append(cells[: len(columns)])
        index.append(number)
    return pd.DataFrame(data, columns=columns, index=index, dtype=object)


def _read_xlsx(content: bytes) -> list[Sheet]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(
            [Problem(_("Het bestand is geen leesbaar Excel-bestand (.xlsx)."))]
        ) from error
    sheets = []
    for worksheet in workbook.worksheets:
        rows = []
        header = None
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            cells = []
            for cell in row:
                value = getattr(cell, "value", None)
                # Dutch Excel stores a typed 17,3% as 0.173 shown as a percentage.
                number_format = getattr(cell, "number_format", "") or ""
                if isinstance(value, int | float) and "%" in number_format:
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
    workbook.close()
    return sheets


def _read_csv(content: bytes) -> list[Sheet]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Dutch Excel's plain "CSV (puntkomma)" is Windows-1252, not UTF-8.
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    separator = max([";", ",", "\t"], key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
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
    return [Sheet(None, _frame(header, rows))]


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
    elif b"\x00" in content[:4096]:
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
    return formula_neutralise(str(value))


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
        return formula_neutralise(value)
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
                cell = explanation.cell(row=number, column=1, value=line)
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
            key: (None if isinstance(v, float) and v != v else v)
            for key, v in record.items()
        }
        for record in frame.to_dict(orient="records")
    ]
    return json.dumps(
        records, ensure_ascii=False, indent=2, default=_json_value
    ).encode("utf-8")


# --- Downloads -------------------------------------------------------------------

# File name endings of the downloads: the ';' CSV is the one Dutch Excel opens right.
DOWNLOAD_SUFFIXES = (".csv", "-puntkomma.csv", ".xlsx", ".json")
DOWNLOAD_PATTERN = r"(?P<suffix>\.csv|-puntkomma\.csv|\.xlsx|\.json)"


def download_response(frame: pd.DataFrame, *, name: str, suffix: str) -> HttpResponse:
    """The frame as a file to save, in the format its name ends with."""
    if suffix == ".xlsx":
        content = frames_to_xlsx({name: frame})
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
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
