"""The Open data page, the API page, the footer link and the template spreadsheet."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from indicators.models import IndicatorValue
from opendata.columns import ACTION_COLUMNS, INDICATOR_COLUMNS
from opendata.imports.pipeline import budget_file_import

pytestmark = pytest.mark.usefixtures("seed_data")


def test_open_data_page_explains_every_column_formats_and_licence(client):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for column in INDICATOR_COLUMNS + ACTION_COLUMNS:
        assert f"<code>{column.name}</code>" in html
    for link in (
        "/open-data/indicatoren.csv",
        "/open-data/indicatoren-puntkomma.csv",
        "/open-data/indicatoren.xlsx",
        "/open-data/indicatoren.json",
        "/open-data/acties.csv",
        "/open-data/acties-puntkomma.csv",
        "/open-data/acties.xlsx",
        "/open-data/acties.json",
        "/open-data/technische-vragen.csv",
        "/open-data/technische-vragen-puntkomma.csv",
        "/open-data/technische-vragen.xlsx",
        "/open-data/technische-vragen.json",
        "/open-data/technische-vragen.csv?jaar=2018",
        "/open-data/sjabloon-begroting.xlsx",
        "/api/",
    ):
        assert f'href="{link}"' in html, link
    assert "CC0 1.0" in html
    assert "geen waarde" in html


def test_every_page_links_to_open_data_in_the_footer(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/open-data/"' in footer


def test_api_page_documents_every_endpoint_and_the_schema(client):
    from opendata.api.urls import router

    html = client.get("/api/").content.decode()
    # Every address of the router, also the ones added later (the technical
    # questions were missing, issue 21).
    for endpoint, _viewset, _basename in router.registry:
        assert f'href="/api/v1/{endpoint}/"' in html, endpoint
    assert "financialfigure" in html  # the kinds of part a question is about
    assert 'href="/api/v1/schema/"' in html
    assert "<script" not in html  # no CDN, no JavaScript needed


def test_indicator_page_links_to_its_downloads(client):
    slug = "uitstroom-overig"
    html = client.get(f"/indicatoren/{slug}/").content.decode()
    assert f'href="/open-data/indicatoren.csv?indicator={slug}"' in html
    assert f'href="/open-data/indicatoren.xlsx?indicator={slug}"' in html


def test_template_has_the_columns_and_an_explanation_sheet(client):
    response = client.get("/open-data/sjabloon-begroting.xlsx")
    assert response.status_code == 200
    assert 'filename="sjabloon-begroting.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    # A sheet per kind of table, in the order the import writes them.
    assert workbook.sheetnames == [
        "begrotingen",
        "agendas",
        "begrippen",
        "inwoners",
        "programmas",
        "teksten",
        "verwijzingen",
        "indicatoren",
        "acties",
        "verschillen",
        "financien",
        "bedragen",
        "uitleg",
    ]
    assert [c.value for c in workbook["indicatoren"][1]] == [
        c.name for c in INDICATOR_COLUMNS
    ]
    assert [c.value for c in workbook["acties"][1]] == [c.name for c in ACTION_COLUMNS]
    explanation = "\n".join(
        str(row[0].value or "") for row in workbook["uitleg"].iter_rows()
    )
    assert "geen waarde" in explanation
    assert "waarde *:" in explanation
    assert "'agendas': één rij per actielijn van een regionale agenda" in explanation
    assert "tekst_en: Optioneel: de Engelse vertaling van tekst" in explanation


def test_empty_template_is_refused_and_a_filled_one_is_imported(client):
    content = client.get("/open-data/sjabloon-begroting.xlsx").content
    result = budget_file_import(content=content, file_name="sjabloon.xlsx")
    assert [str(p) for p in result.problems] == [
        "Het bestand bevat geen gegevens: er staan geen rijen in."
    ]
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["indicatoren"]
    header = [c.value for c in sheet[1]]
    row = dict.fromkeys(header)
    row.update(
        programma_begrotingsjaar=2018,
        programma_nummer=1,
        indicator_slug="uitstroom-overig",
        indicator="Uitstroom overig",
        eenheid="personen",
        begrotingsjaar=2019,
        soort_waarde="Gerealiseerd",
        waarde=470,
    )
    sheet.append([row[name] for name in header])
    filled = io.BytesIO()
    workbook.save(filled)
    result = budget_file_import(content=filled.getvalue(), file_name="ingevuld.xlsx")
    assert result.ok, result.problems
    assert IndicatorValue.objects.get(budget__year=2019, kind="realised").value == 470


def test_percentage_typed_in_dutch_excel_is_read_as_a_percentage():
    content = io.BytesIO()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "programma_begrotingsjaar",
            "programma_nummer",
            "indicator_slug",
            "indicator",
            "eenheid",
            "begrotingsjaar",
            "soort_waarde",
            "waarde",
        ]
    )
    sheet.append(
        [
            2018,
            1,
            "percentage-huishoudens-met-een-inkomen-tot-120-van-het-sociaal-minimum",
            "Percentage huishoudens met een inkomen tot 120% van het sociaal minimum",
            "%",
            2019,
            "Begroot",
            0.173,
        ]
    )
    sheet["H2"].number_format = "0.0%"  # what Excel stores for a typed 17,3%
    workbook.save(content)
    result = budget_file_import(content=content.getvalue(), file_name="procent.xlsx")
    assert result.ok, result.problems
    assert IndicatorValue.objects.get(budget__year=2019).value == Decimal("17.3")
