"""Downloads of indicators and actions: formats, empty values, drafts, filters."""

import io
import json

import pytest
from openpyxl import load_workbook

from content.models import PublicationStatus
from indicators.models import Indicator, IndicatorValue
from programmes.models import Action
from tests.programmes.factories import ActionFactory

pytestmark = pytest.mark.usefixtures("seed_data")

PERCENTAGE_SLUG = (
    "percentage-huishoudens-met-een-inkomen-tot-120-van-het-sociaal-minimum"
)


def _csv_rows(content: bytes, separator=","):
    lines = content.decode("utf-8-sig").splitlines()
    return [line.split(separator) for line in lines]


def test_indicator_csv_is_long_format_with_every_value(client):
    response = client.get("/open-data/indicatoren.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="indicatoren.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0].startswith(
        "programma_begrotingsjaar,programma_nummer,programma,indicator_slug,indicator"
    )
    assert len(text.splitlines()) == 1 + IndicatorValue.objects.count()
    # begrotingsjaar (the document), jaar (the year the figure is about).
    assert ",2018,2018,Begroot,17.3,," in text
    assert ",2018,2018,Begroot,6500,," in text
    assert ",2017,2015,Kengetal (gemeten),550,," in text


def test_empty_value_stays_empty_never_zero(client):
    text = client.get("/open-data/indicatoren.csv").content.decode()
    row = next(
        line
        for line in text.splitlines()
        if PERCENTAGE_SLUG in line and ",2017," in line
    )
    # waarde, opmerking(_en), bron_waarde(_en): all empty.
    assert row.endswith(",2017,2017,Begroot,,,,,")
    records = json.loads(client.get("/open-data/indicatoren.json").content)
    empty = [
        r
        for r in records
        if r["indicator_slug"] == PERCENTAGE_SLUG and r["begrotingsjaar"] == 2017
    ]
    assert empty[0]["waarde"] is None
    workbook = load_workbook(
        io.BytesIO(client.get("/open-data/indicatoren.xlsx").content)
    )
    sheet = workbook["indicatoren"]
    header = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(header, [c.value for c in row], strict=True))
        for row in sheet.iter_rows(min_row=2)
    ]
    empty = [
        r
        for r in rows
        if r["indicator_slug"] == PERCENTAGE_SLUG and r["begrotingsjaar"] == 2017
    ]
    assert empty[0]["waarde"] is None


def test_dutch_csv_has_semicolons_decimal_comma_and_a_byte_order_mark(client):
    response = client.get("/open-data/indicatoren-puntkomma.csv")
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("programma_begrotingsjaar;programma_nummer;")
    assert ";2018;Begroot;17,3;;" in text
    assert "Economie, Werk en Inkomen" in text  # the comma in the title stays


def test_xlsx_numbers_are_numbers(client):
    workbook = load_workbook(
        io.BytesIO(client.get("/open-data/indicatoren.xlsx").content)
    )
    sheet = workbook["indicatoren"]
    column = [cell.value for cell in sheet[1]].index("waarde")
    values = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert 6500 in values and 17.3 in values


def test_json_values_are_numbers(client):
    response = client.get("/open-data/indicatoren.json")
    assert response["Content-Type"] == "application/json"
    records = json.loads(response.content)
    assert {6500, 17.3} <= {r["waarde"] for r in records}


def test_indicator_download_filters(client):
    # jaar: the year a value is about (the kengetal of 2015 stated by the
    # Begroting 2017 is not about 2017); begrotingsjaar: the document.
    text = client.get("/open-data/indicatoren.csv?jaar=2017").content.decode()
    assert len(text.splitlines()) == 1 + 5
    assert ",2018,Begroot," not in text
    text = client.get("/open-data/indicatoren.csv?begrotingsjaar=2017").content
    assert len(text.decode().splitlines()) == 1 + 6
    assert ",2017,2015,Kengetal (gemeten)," in text.decode()
    bad = client.get("/open-data/indicatoren.csv?begrotingsjaar=twintig")
    assert bad.status_code == 400
    text = client.get(
        f"/open-data/indicatoren.csv?indicator={PERCENTAGE_SLUG}"
    ).content.decode()
    assert len(text.splitlines()) == 1 + 2
    assert (
        len(
            client.get("/open-data/indicatoren.csv?programma=99")
            .content.decode()
            .splitlines()
        )
        == 1
    )
    by_slug = client.get(
        "/open-data/indicatoren.csv?programma=economie-werk-en-inkomen"
    )
    assert len(by_slug.content.decode().splitlines()) == 13


def test_invalid_year_is_refused(client):
    response = client.get("/open-data/indicatoren.csv?jaar=vorig")
    assert response.status_code == 400
    assert "geen jaartal" in response.content.decode()


def test_draft_indicators_are_not_exported(client):
    Indicator.objects.filter(slug=PERCENTAGE_SLUG).update(
        publication_status=PublicationStatus.DRAFT
    )
    text = client.get("/open-data/indicatoren.csv").content.decode()
    assert PERCENTAGE_SLUG not in text


def test_action_csv_has_lines_places_references_and_amounts(client):
    response = client.get("/open-data/acties.csv")
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "Agenda voor Twente 3. bereikbaarheid & vestigingsklimaat\n"
        "Twente Werkt 3. nieuwe bedrijvigheid"
    ) in text
    assert "Beleidsvoornemen: NB 1.2 – Nieuwe beleidsvoornemens begroting 2016" in text
    assert "Bijdrage aan de Regio Twente: circa 40.000 euro" in text
    assert "Westermaat Expo" in text


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 18),
        ("?thema=economie", 11),
        ("?soort=pilot", 4),
        ("?soort=goal&thema=uitkeringen-schuldbemiddeling-en-minimabeleid", 3),
        ("?status=done", 0),
        ("?actielijn=8", 2),
        ("?jaar=2018", 18),
        ("?jaar=2019", 0),
        ("?programma=economie-werk-en-inkomen", 18),
        ("?programma=1", 18),
        ("?begrotingsjaar=2017", 0),
    ],
)
def test_action_download_filters(client, query, count):
    records = json.loads(client.get(f"/open-data/acties.json{query}").content)
    assert len(records) == count


def test_invalid_filter_value_is_refused_rather_than_ignored(client):
    response = client.get("/open-data/acties.json?soort=onzin")
    assert response.status_code == 400
    assert "soort" in response.content.decode()


def test_draft_actions_are_not_exported(client):
    Action.objects.filter(pk=1).update(publication_status=PublicationStatus.DRAFT)
    records = json.loads(client.get("/open-data/acties.json").content)
    assert 1 not in [r["id"] for r in records]
    assert len(records) == 17


def test_formulas_are_neutralised_in_csv_and_xlsx(client):
    action = ActionFactory(
        theme=Action.objects.first().theme,
        title='=HYPERLINK("http://example.invalid","klik")',
        text="+31 74 245 98 76",
    )
    csv_text = client.get("/open-data/acties.csv").content.decode()
    assert """'=HYPERLINK(""http://example.invalid"",""klik"")""" in csv_text
    assert ",'+31 74 245 98 76," in csv_text
    workbook = load_workbook(io.BytesIO(client.get("/open-data/acties.xlsx").content))
    sheet = workbook["acties"]
    column = [cell.value for cell in sheet[1]].index("titel")
    titles = [row[column] for row in sheet.iter_rows(min_row=2)]
    cell = next(c for c in titles if "HYPERLINK" in str(c.value))
    assert cell.data_type == "s"  # text, not a formula
    assert cell.value == "'" + action.title
    # JSON is not a spreadsheet: it keeps the text as it is.
    records = json.loads(client.get("/open-data/acties.json").content)
    assert action.title in [r["titel"] for r in records]


def test_unknown_format_is_not_found(client):
    assert client.get("/open-data/acties.pdf").status_code == 404
