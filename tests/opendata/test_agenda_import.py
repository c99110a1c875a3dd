"""The agendas sheet of a budget file: regional agendas and their action lines,
and the budgets and glossary sheets beside it (imports/agendas.py, budgets.py,
glossary.py)."""

import pandas as pd
import pytest

from content.models import PublicationStatus
from money.models import Population
from opendata.columns import AGENDA_COLUMNS, GLOSSARY_COLUMNS, TEXT_COLUMNS
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import frames_to_xlsx
from programmes.models import (
    ActionLine,
    Agenda,
    Budget,
    GlossaryTerm,
    Paragraph,
    Reference,
)
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

REGIO = {
    "agenda": "Regio Deal Twente",
    "agenda_en": "Twente Region Deal",
    "coordinatie": "Regio Twente",
    "omschrijving": "Afspraken tussen Rijk en regio.",
    "vanaf_jaar": 2019,
    "looptijd_jaren": 4,
    "agenda_volgorde": 3,
}


def workbook(**sheets) -> bytes:
    columns = {
        "agendas": AGENDA_COLUMNS,
        "begrippen": GLOSSARY_COLUMNS,
        "teksten": TEXT_COLUMNS,
    }
    return frames_to_xlsx(
        {
            name: pd.DataFrame(
                rows,
                columns=[c.name for c in columns[name]] if name in columns else None,
                dtype=object,
            )
            for name, rows in sheets.items()
        }
    )


def imported(content: bytes):
    result = budget_file_import(content=content, file_name="agendas.xlsx")
    assert result.ok, [str(p) for p in result.problems]
    return result


def test_a_new_agenda_with_its_lines_and_a_text_that_lists_them(client):
    lines = [
        {**REGIO, "actielijn_nummer": 1, "actielijn": "innovatie", "actielijn_en": ""},
        {
            **REGIO,
            "actielijn_nummer": 2,
            "actielijn": "arbeidsmarkt",
            "gemeentelijke_focus": "ja",
        },
    ]
    text = {
        "programma_begrotingsjaar": 2018,
        "programma_nummer": 1,
        "onderdeel": "Economie",
        "onderdeel_slug": "economie",
        "volgorde": 99,
        "tekst": "De Regio Deal kent twee actielijnen:",
        "gevolgd_door_agenda": "Regio Deal Twente",
    }
    # The texts' sheet first: the import writes the agendas before it.
    content = workbook(teksten=[text], agendas=lines)
    result = imported(content)
    assert {(c.what, c.description) for c in result.created} >= {
        ("agenda", "Regio Deal Twente"),
        ("actielijn", "Regio Deal Twente 1. innovatie"),
        ("alinea", "Economie, 99: De Regio Deal kent twee actielijnen:"),
    }
    agenda = Agenda.objects.get(slug="regio-deal-twente")
    assert (agenda.name_en, agenda.start_year, agenda.duration_years) == (
        "Twente Region Deal",
        2019,
        4,
    )
    assert [(li.number, li.municipal_focus) for li in agenda.lines.all()] == [
        (1, False),
        (2, True),
    ]
    assert Paragraph.objects.get(order=99).followed_by_agenda == agenda
    page = page_text(client.get("/agendas/regio-deal-twente/"))
    assert "innovatie" in page and "arbeidsmarkt" in page
    assert "Twente Region Deal" in page_text(
        client.get("/en/agendas/regio-deal-twente/")
    )
    again = imported(content)
    assert not again.created and not again.changed


def test_a_changed_line_of_an_existing_agenda():
    line = ActionLine.objects.get(agenda__slug="twente-werkt", number=1)
    row = {
        "agenda_slug": "twente-werkt",
        "agenda": "Twente Werkt",
        "actielijn_nummer": 1,
        "actielijn": "een nieuwe titel",
    }
    # A sheet of only these columns.
    result = imported(frames_to_xlsx({"agendas": pd.DataFrame([row])}))
    assert [c.what for c in result.changed] == ["actielijn"]
    line.refresh_from_db()
    assert line.title == "een nieuwe titel"
    # Columns the file leaves out stay as they are.
    assert Agenda.objects.get(slug="twente-werkt").coordinator == "de Twenteboard"


def test_bad_agenda_rows_are_refused_with_their_cells(snapshot):
    rows = [
        {**REGIO, "actielijn_nummer": "drie", "actielijn": "x"},
        {**REGIO, "actielijn_nummer": 1, "actielijn": "y"},
        {**REGIO, "actielijn_nummer": 1, "actielijn": "z"},
        {**REGIO, "agenda": "Regio Deal twente", "actielijn_nummer": 2},
        {**REGIO, "actielijn_nummer": "", "actielijn": "zonder nummer"},
    ]
    before = snapshot()
    result = budget_file_import(content=workbook(agendas=rows), file_name="a.xlsx")
    assert snapshot() == before
    assert [str(p) for p in result.problems] == [
        "rij 2, kolom actielijn_nummer: 'drie' is geen geheel getal",
        "rij 5, kolom actielijn: is leeg; vul dit in",
        "rij 6, kolom actielijn_nummer: is leeg; vul het nummer van de actielijn in",
    ]
    # The rows themselves right, the file still has rows that disagree.
    rows[0]["actielijn_nummer"] = 3
    rows[3]["actielijn"] = "w"
    rows[4]["actielijn_nummer"] = 4
    result = budget_file_import(content=workbook(agendas=rows), file_name="a.xlsx")
    assert snapshot() == before
    assert [str(p) for p in result.problems] == [
        "rij 5, kolom agenda: dezelfde agenda heet in rij 2 'Regio Deal Twente'; "
        "geef een agenda in elke rij dezelfde naam",
        "rij 4, kolom actielijn_nummer: dubbele rij: deze actielijn staat ook in rij 3",
    ]


def test_an_agenda_that_differs_between_its_rows(snapshot):
    rows = [
        {**REGIO, "actielijn_nummer": 1, "actielijn": "x"},
        {**REGIO, "actielijn_nummer": 2, "actielijn": "y", "looptijd_jaren": 5},
    ]
    before = snapshot()
    result = budget_file_import(content=workbook(agendas=rows), file_name="a.xlsx")
    assert snapshot() == before
    assert [str(p) for p in result.problems] == [
        "rij 3, kolom looptijd_jaren: staat anders dan in rij 2 van dezelfde "
        "agenda; geef een agenda in elke rij dezelfde gegevens"
    ]


def test_glossary_terms_in_and_refused():
    term = GlossaryTerm.objects.order_by("term").first()
    rows = [
        {"term": "WIJ", "betekenis": "Wijkteams in Hengelo", "betekenis_en": "Teams"},
        {"term": term.term, "betekenis": "Een nieuwe betekenis"},
    ]
    result = imported(workbook(begrippen=rows))
    assert [c.description for c in result.created] == ["WIJ"]
    assert [c.description for c in result.changed] == [term.term]
    new = GlossaryTerm.objects.get(term="WIJ")
    assert (new.slug, new.meaning_en) == ("wij", "Teams")
    term.refresh_from_db()
    assert term.meaning == "Een nieuwe betekenis"

    def problems(rows):
        content = workbook(begrippen=rows)
        return [
            str(p) for p in budget_file_import(content=content, file_name="b").problems
        ]

    assert problems([{"term": "Leeg", "betekenis": ""}]) == [
        "rij 2, kolom betekenis: is leeg; vul dit in"
    ]
    assert problems(
        [{"term": "X", "betekenis": "a"}, {"term": "x", "betekenis": "b"}]
    ) == ["rij 3, kolom term: dubbele rij: deze term staat ook in rij 2"]
    assert not GlossaryTerm.objects.filter(term__iexact="x").exists()


def test_a_budget_row_with_a_wrong_publication(snapshot):
    rows = [
        {"begrotingsjaar": 2019, "titel": "Begroting 2019", "publicatie": "Morgen"},
        {"begrotingsjaar": 2019, "titel": "Begroting 2019", "publicatie": ""},
    ]
    before = snapshot()
    result = budget_file_import(
        content=frames_to_xlsx({"begrotingen": pd.DataFrame(rows)}), file_name="b.csv"
    )
    assert snapshot() == before
    assert [str(p) for p in result.problems] == [
        "rij 2, kolom publicatie: 'Morgen' kan niet; kies uit Concept, Gepubliceerd"
    ]
    rows[0]["publicatie"] = "Gepubliceerd"
    result = budget_file_import(
        content=frames_to_xlsx({"begrotingen": pd.DataFrame(rows)}), file_name="b.csv"
    )
    assert [str(p) for p in result.problems] == [
        "rij 3, kolom begrotingsjaar: dubbele rij: dezelfde begroting staat ook in "
        "rij 2"
    ]
    result = budget_file_import(
        content=frames_to_xlsx({"begrotingen": pd.DataFrame(rows[:1])}),
        file_name="b.csv",
    )
    assert result.ok
    budget = Budget.objects.get(year=2019)
    assert budget.publication_status == PublicationStatus.PUBLISHED


def test_references_of_a_part_in_and_refused(snapshot):
    reference = {
        "programma_begrotingsjaar": 2018,
        "programma_nummer": 1,
        "onderdeel_slug": "economie",
        "soort": "Document",
        "kenmerk": "Nota Werklocaties",
        "omschrijving": "De nota over werklocaties",
    }
    result = imported(frames_to_xlsx({"verwijzingen": pd.DataFrame([reference])}))
    assert [c.what for c in result.created] == ["verwijzing"]
    assert Reference.objects.get(code="Nota Werklocaties").theme.slug == "economie"
    before = snapshot()
    wrong = [
        dict(reference, onderdeel_slug="nergens"),
        dict(reference, soort="Brief"),
    ]
    refused = budget_file_import(
        content=frames_to_xlsx({"verwijzingen": pd.DataFrame(wrong)}), file_name="v"
    )
    assert [str(p) for p in refused.problems] == [
        "rij 3, kolom soort: 'Brief' kan niet; kies uit Beleidsvoornemen, "
        "Zaaknummer, Document"
    ]
    refused = budget_file_import(
        content=frames_to_xlsx({"verwijzingen": pd.DataFrame(wrong[:1] * 2)}),
        file_name="v",
    )
    assert [str(p) for p in refused.problems] == [
        "rij 2, kolom onderdeel_slug: onbekend onderdeel 'nergens'; het onderdeel "
        "moet in het portaal of in het blad teksten staan",
        "rij 3, kolom onderdeel_slug: onbekend onderdeel 'nergens'; het onderdeel "
        "moet in het portaal of in het blad teksten staan",
        "rij 3, kolom kenmerk: dubbele rij: deze verwijzing staat ook in rij 2",
    ]
    assert snapshot() == before


def test_inhabitants_in_and_refused(snapshot):
    rows = [{"jaar": 2018, "inwoners": "81.000", "peildatum": "1-1-2018", "bron": "X"}]
    result = imported(frames_to_xlsx({"inwoners": pd.DataFrame(rows)}))
    assert [c.description for c in result.created] == ["2018: 81000"]
    population = Population.objects.get(year=2018)
    assert (population.inhabitants, population.counted_on.isoformat()) == (
        81_000,
        "2018-01-01",
    )
    before = snapshot()
    wrong = [
        {"jaar": 2019, "inwoners": "0", "peildatum": "morgen", "bron": ""},
    ]
    refused = budget_file_import(
        content=frames_to_xlsx({"inwoners": pd.DataFrame(wrong)}), file_name="i"
    )
    assert [str(p) for p in refused.problems] == [
        "rij 2, kolom inwoners: kan niet 0 zijn; vul het aantal inwoners in",
        "rij 2, kolom peildatum: 'morgen' is geen datum; schrijf hem als 2018-01-01 "
        "of 1-1-2018",
        "rij 2, kolom bron: is leeg; vul dit in",
    ]
    assert snapshot() == before
