"""Files as an attacker or a hurried editor leaves them: zip bombs, formulas,
other encodings, too many rows. Each is refused with a Dutch message (or read),
and nothing is written."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from content.text import fit_text
from opendata.exports import budget_frames, indicator_values_frame
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import (
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    frame_to_csv,
    frames_to_xlsx,
)

pytestmark = pytest.mark.usefixtures("seed_data")


def problems(content: bytes) -> list[str]:
    result = budget_file_import(content=content, file_name="bestand")
    assert not result.ok
    return [str(problem) for problem in result.problems]


def zip_bomb(parts: dict[str, int]) -> bytes:
    """A real .xlsx-shaped zip whose parts unpack to the given sizes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, size in parts.items():
            archive.writestr(name, b"<row/>" * (size // 6 + 1))
    return buffer.getvalue()


def test_a_sheet_that_unpacks_beyond_the_limit_is_refused_unread(snapshot):
    before = snapshot()
    bomb = zip_bomb({"xl/worksheets/sheet1.xml": MAX_PART_BYTES + 1024})
    assert len(bomb) < 1024 * 1024  # under a megabyte packed
    [message] = problems(bomb)
    assert "uitgepakt te groot" in message and "xl/worksheets/sheet1.xml" in message
    assert snapshot() == before


def test_many_parts_that_together_unpack_too_large_are_refused():
    third = MAX_UNPACKED_BYTES // 3 + 1024
    bomb = zip_bomb(
        {
            "xl/sharedStrings.xml": third,
            "xl/worksheets/sheet1.xml": third,
            "xl/worksheets/sheet2.xml": third,
        }
    )
    [message] = problems(bomb)
    assert "uitgepakt te groot" in message


def test_a_formula_is_refused_with_its_cell_named(snapshot):
    workbook = load_workbook(
        io.BytesIO(frames_to_xlsx({"indicatoren": indicator_values_frame()}))
    )
    sheet = workbook["indicatoren"]
    value_column = [cell.value for cell in sheet[1]].index("waarde") + 1
    sheet.cell(row=3, column=value_column, value="=1+1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = snapshot()
    [message] = problems(buffer.getvalue())
    letter = sheet.cell(row=3, column=value_column).column_letter
    assert f"cel {letter}3 bevat een formule (=1+1)" in message
    assert "blad indicatoren, rij 3" in message
    assert snapshot() == before


def test_a_utf16_csv_as_excel_writes_it_is_read(snapshot):
    before = snapshot()
    content = frame_to_csv(indicator_values_frame()).decode("utf-8")
    # Excel's "Unicode-tekst": UTF-16 with its byte order mark.
    result = budget_file_import(content=content.encode("utf-16"), file_name="u.csv")
    assert result.ok, [str(p) for p in result.problems]
    assert not result.created and not result.changed
    assert snapshot() == before


def test_a_csv_in_an_encoding_without_a_mark_says_which_to_use():
    content = frame_to_csv(indicator_values_frame()).decode("utf-8")
    [message] = problems(content.encode("utf-16-le"))
    assert "CSV UTF-8" in message


def test_a_windows_1252_csv_is_read():
    content = frame_to_csv(indicator_values_frame()).decode("utf-8")
    result = budget_file_import(content=content.encode("cp1252"), file_name="w.csv")
    assert result.ok, [str(p) for p in result.problems]


def test_more_rows_than_a_budget_has_are_refused():
    content = ("a,b\r\n" + "1,2\r\n" * (MAX_ROWS + 1)).encode()
    [message] = problems(content)
    assert "meer dan 100.000 rijen" in message


def _damaged_sheet(xml: bytes) -> bytes:
    """A real workbook whose first sheet is replaced by `xml`."""
    source = zipfile.ZipFile(
        io.BytesIO(frames_to_xlsx({"indicatoren": indicator_values_frame()}))
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml
            target.writestr(item, data)
    return buffer.getvalue()


SHEET = (
    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
)


@pytest.mark.parametrize(
    "xml",
    [
        SHEET[:120],  # cut off
        SHEET % b'<row r="1"><c r="A1" t="s"><v>99999</v></c></row>',
        SHEET % b'<row r="1"><c r="A1"><v>abc</v></c></row>',
        SHEET % b'<row r="1"><c r="ZZZZ1"><v>1</v></c></row>',
    ],
    ids=["truncated", "missing-string", "not-a-number", "bad-reference"],
)
def test_a_damaged_sheet_is_refused_in_dutch(xml):
    [message] = problems(_damaged_sheet(xml))
    assert "geen leesbaar Excel-bestand" in message


def test_a_header_of_many_columns_is_cut_to_what_a_table_has():
    from opendata.spreadsheets import MAX_COLUMNS, read_spreadsheet

    header = ",".join(f"k{n}" for n in range(200_000))
    [sheet] = read_spreadsheet((header + "\r\n" + "1,2\r\n" * 100).encode())
    assert len(sheet.frame.columns) == MAX_COLUMNS


# --- Encodings and sheets of the same kind --------------------------------------


def test_a_utf32_csv_gets_the_encoding_message():
    csv = frame_to_csv(indicator_values_frame()).decode("utf-8")
    for encoding in ("utf-32", "utf-32-be", "utf-32-le"):
        content = csv.encode(encoding)
        if encoding != "utf-32":  # with the mark, as a program writes it
            content = ("\ufeff" + csv).encode(encoding)
        assert problems(content) == [
            "De tekens in dit CSV-bestand zijn niet te lezen. Sla het in Excel op "
            "als 'CSV UTF-8 (door komma's gescheiden)' en lees het opnieuw in."
        ], encoding


def test_two_sheets_of_the_same_kind_are_refused_and_nothing_is_written(snapshot):
    before = snapshot()
    values = indicator_values_frame()
    changed = values.copy()
    changed["waarde"] = [None] * len(changed)
    found = problems(
        frames_to_xlsx({"indicatoren": values, "indicatoren (2)": changed})
    )
    assert any(
        "indicatoren (2)" in message
        and "dezelfde soort gegevens (indicatoren) als het blad 'indicatoren'"
        in message
        for message in found
    ), found
    assert snapshot() == before


# --- Every control character in every sheet --------------------------------------

CONTROL = [chr(n) for n in range(32)] + [chr(n) for n in range(0x7F, 0xA0)]
UNFIT = {c for c in CONTROL if c < " " and c not in "\t\n\r"}


def _text_columns(frame):
    return [
        column
        for column in frame.columns
        if frame[column].map(lambda v: isinstance(v, str) and v != "").any()
    ]


def test_every_control_character_in_every_sheet_is_cleaned_or_refused(client):
    """Each sheet of the whole-budget download as a CSV, every control character
    put in every text cell: the import cleans them (or refuses the file in
    Dutch), and every download still works."""
    frames = budget_frames()
    assert len(frames) >= 10
    for name, frame in frames.items():
        if frame.empty:
            continue
        spoiled = frame.copy()
        for column in _text_columns(frame):
            spoiled[column] = [
                v + "".join(CONTROL) if isinstance(v, str) and v else v
                for v in spoiled[column]
            ]
        for dutch in (False, True):
            result = budget_file_import(
                content=frame_to_csv(spoiled, dutch=dutch), file_name=f"{name}.csv"
            )
            messages = [str(problem) for problem in result.problems]
            assert all(isinstance(m, str) and m for m in messages)
    for address in ("/open-data/begroting.xlsx", "/open-data/acties.xlsx"):
        response = client.get(address)
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(response.content), read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    assert not (isinstance(value, str) and set(value) & UNFIT)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.data(),
    text=st.lists(
        st.one_of(st.sampled_from(CONTROL), st.text(max_size=6)), max_size=10
    ).map("".join),
)
def test_a_cell_of_any_sheet_with_any_text_never_breaks_the_import(data, text):
    frames = budget_frames()
    name = data.draw(st.sampled_from(sorted(n for n, f in frames.items() if len(f))))
    frame = frames[name].copy()
    column = data.draw(st.sampled_from(list(frame.columns)))
    row = data.draw(st.integers(min_value=0, max_value=len(frame) - 1))
    frame[column] = frame[column].astype(object)
    frame.iat[row, list(frame.columns).index(column)] = text
    for content in (frame_to_csv(frame), frames_to_xlsx({name: frame})):
        result = budget_file_import(content=content, file_name=name, dry_run=True)
        for problem in result.problems:
            assert str(problem)
            assert not set(str(problem)) & UNFIT, str(problem)
    assert fit_text(text) == fit_text(fit_text(text))
