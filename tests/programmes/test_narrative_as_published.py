"""The narrative as Hengelo publishes it (issue 24, item 8): subheadings in a part,
the programme's responsible people and policy documents above the text, links for
'zie programma 4' there too, glossary terms explained in indicator names; and all
of it through the workbook."""

import io

import pytest
from openpyxl import load_workbook

from django.utils import translation

from opendata.exports import budget_frames
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import frames_to_xlsx
from opendata.workbook import budget_template_xlsx
from programmes.models import GlossaryTerm, Paragraph, Programme
from tests.indicators.factories import IndicatorFactory

pytestmark = pytest.mark.usefixtures("seed_data")

RESPONSIBLE = "Portefeuillehouder: wethouder A. Jansen\nAmbtelijk: B. de Vries"
DOCUMENTS = "Economische visie 2016\nArbeidsmarktbeleid, zie programma 2"


@pytest.fixture
def programme():
    programme = Programme.objects.get(budget__year=2018, number=1)
    programme.responsible = RESPONSIBLE
    programme.policy_documents = DOCUMENTS
    programme.indicators_note = "De cijfers over de bijstand: zie programma 2."
    programme.save()
    paragraph = Paragraph.objects.filter(theme__programme=programme).first()
    paragraph.heading = "Maatschappelijke trends"
    paragraph.save()
    return programme


def test_the_page_shows_the_narrative_as_published(client, programme):
    other = Programme.objects.get(budget__year=2018, number=2)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "<dt>Verantwoordelijk</dt>" in html
    assert "<li>Portefeuillehouder: wethouder A. Jansen</li>" in html
    assert "<li>Ambtelijk: B. de Vries</li>" in html
    assert "<dt>Relevante beleidsnota's</dt>" in html
    link = f'<a href="{other.get_absolute_url()}">programma 2</a>'
    assert f"<li>Arbeidsmarktbeleid, zie {link}</li>" in html
    assert f"De cijfers over de bijstand: zie {link}." in html
    assert "<h4>Maatschappelijke trends</h4>" in html
    # Above the text: before the table of contents.
    assert html.index("Verantwoordelijk") < html.index('id="toc-kop"')


def test_the_english_page_says_what_is_only_in_dutch(client, programme):
    programme.responsible_en = "Portfolio holder: alderman A. Jansen"
    programme.save()
    with translation.override("en"):
        html = client.get(programme.get_absolute_url()).content.decode()
    assert "<li>Portfolio holder: alderman A. Jansen</li>" in html
    assert '<ul lang="nl"><li>Economische visie 2016</li>' in html
    assert '<h4><span lang="nl">Maatschappelijke trends</span>' in html


def test_a_page_without_them_shows_no_empty_list(client):
    programme = Programme.objects.get(budget__year=2018, number=1)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert (
        "programme-facts" not in html and "<h4>" not in html.split('id="doen"')[1][:200]
    )


def test_the_glossary_explains_terms_in_indicator_names(client):
    programme = Programme.objects.get(budget__year=2018, number=1)
    # A made-up term: the seed's glossary names no term of an indicator yet.
    GlossaryTerm.objects.create(term="Testterm", slug="testterm", meaning="Uitleg")
    IndicatorFactory(programme=programme, name="Verwijzingen naar Testterm")
    html = client.get(programme.get_absolute_url()).content.decode()
    assert 'Verwijzingen naar <abbr title="Uitleg">Testterm</abbr>' in html


def test_the_workbook_carries_them_out_and_in(programme):
    frames = budget_frames(year=2018)
    row = frames["programmas"].set_index("programma_nummer").loc[1]
    assert (row["verantwoordelijken"], row["beleidsnotas"]) == (
        RESPONSIBLE,
        DOCUMENTS,
    )
    texts = frames["teksten"]
    assert "Maatschappelijke trends" in set(texts["tussenkop"])
    # Changed in the file, with English twins: the import brings them in.
    programmes = frames["programmas"].assign(
        verantwoordelijken="Wethouder C. Smit",
        verantwoordelijken_en="Alderman C. Smit",
        beleidsnotas_en="Economic vision 2016",
    )
    texts = texts.assign(
        tussenkop=texts["tussenkop"].where(
            texts["tussenkop"] != "Maatschappelijke trends", "Trends"
        ),
        tussenkop_en=texts["tussenkop"].map(lambda h: "Trends" if h else ""),
    )
    result = budget_file_import(
        content=frames_to_xlsx({"programmas": programmes, "teksten": texts}),
        file_name="b.xlsx",
    )
    assert result.ok, [str(p) for p in result.problems]
    programme.refresh_from_db()
    assert programme.responsible == "Wethouder C. Smit"
    assert programme.responsible_en == "Alderman C. Smit"
    assert programme.policy_documents_en == "Economic vision 2016"
    paragraph = Paragraph.objects.get(heading="Trends")
    assert paragraph.heading_en == "Trends"
    # A file without the column leaves the subheading alone.
    result = budget_file_import(
        content=frames_to_xlsx(
            {"teksten": texts.drop(columns=["tussenkop", "tussenkop_en"])}
        ),
        file_name="b.xlsx",
    )
    assert result.ok, [str(p) for p in result.problems]
    assert Paragraph.objects.get(pk=paragraph.pk).heading == "Trends"


def test_the_template_has_the_columns():
    book = load_workbook(io.BytesIO(budget_template_xlsx()), read_only=True)
    headers = {
        name: next(book[name].iter_rows(max_row=1, values_only=True))
        for name in ("programmas", "teksten")
    }
    for column in ("verantwoordelijken", "beleidsnotas", "beleidsnotas_en"):
        assert column in headers["programmas"]
    assert {"tussenkop", "tussenkop_en"} <= set(headers["teksten"])


def test_the_api_carries_them(client, programme):
    query = {"programma": 1, "begrotingsjaar": 2018}
    [item] = client.get("/api/v1/programmas/", query).json()["results"]
    assert (item["responsible"], item["policy_documents"]) == (RESPONSIBLE, DOCUMENTS)
    texts = client.get("/api/v1/teksten/", query).json()["results"]
    assert "Maatschappelijke trends" in {text["heading"] for text in texts}


def test_an_indicator_page_links_programmes_and_explains_terms(client):
    programme = Programme.objects.get(budget__year=2018, number=1)
    other = Programme.objects.get(budget__year=2018, number=2)
    GlossaryTerm.objects.create(term="Testterm", slug="testterm", meaning="Uitleg")
    indicator = IndicatorFactory(
        programme=programme,
        name="Verwijzingen",
        description="Telt Testterm-zaken; de zorg staat in programma 2.",
    )
    html = client.get(indicator.get_absolute_url()).content.decode()
    link = f'<a href="{other.get_absolute_url()}">programma 2</a>'
    assert f"de zorg staat in {link}." in html
    assert '<abbr title="Uitleg">Testterm</abbr>-zaken' in html
