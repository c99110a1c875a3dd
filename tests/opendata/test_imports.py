"""Importing budget files: every bad input is reported in Dutch and writes nothing;
good input is applied all at once, and twice is the same as once."""

from decimal import Decimal

import pandas as pd
import pytest

from django.contrib.admin.models import CHANGE, LogEntry

from content.models import PublicationStatus
from indicators.models import Indicator, IndicatorValue, ValueKind
from opendata.exports import actions_frame, indicator_values_frame
from opendata.imports.pipeline import budget_file_import
from opendata.models import ImportRun
from opendata.spreadsheets import MAX_FILE_BYTES, frame_to_csv, frames_to_xlsx
from programmes.models import Action, Budget, Programme
from tests.programmes.factories import ActionFactory, ThemeFactory

pytestmark = pytest.mark.usefixtures("seed_data")

HEADER = (
    "programma_begrotingsjaar;programma_nummer;programma;indicator_slug;indicator;"
    "eenheid;begrotingsjaar;soort_waarde;waarde;gemeten_in;opmerking"
)
UITSTROOM = (
    "2018;1;Economie, Werk en Inkomen;uitstroom-naar-werk-incl-zelfstandig-"
    "ondernemerschap;Uitstroom naar werk (incl. zelfstandig ondernemerschap);personen"
)
PERCENTAGE = (
    "2018;1;;percentage-huishoudens-met-een-inkomen-tot-120-van-het-sociaal-minimum;"
    "Percentage huishoudens met een inkomen tot 120% van het sociaal minimum;%"
)
CONTACTEN = (
    "2018;1;;bedrijven-aantrekken-bedrijfscontacten;Bedrijven aantrekken en "
    "relatiemanagement door accountmanagers;bedrijfscontacten"
)


def csv(*rows: str, header: str = HEADER) -> bytes:
    return "\r\n".join([header, *rows]).encode("utf-8")


def problems_of(content: bytes) -> list[str]:
    result = budget_file_import(content=content, file_name="test.csv")
    assert not result.ok
    return [str(problem) for problem in result.problems]


def assert_refused(content: bytes, *expected: str, snapshot):
    before = snapshot()
    problems = problems_of(content)
    for message in expected:
        assert message in problems, problems
    assert snapshot() == before
    assert not ImportRun.objects.exists()


# --- Bad input: the message, and nothing written ---------------------------------


def test_wrong_number_is_reported_per_row_and_column(snapshot):
    assert_refused(
        csv(
            f"{UITSTROOM};2019;Begroot;350;;",  # good, but must not be written
            f"{UITSTROOM};2020;Begroot;1.2.3;;",
        ),
        "rij 3, kolom waarde: '1.2.3' is geen getal",
        snapshot=snapshot,
    )
    assert not Budget.objects.filter(year=2019).exists()


def test_every_problem_is_reported_at_once(snapshot):
    before = snapshot()
    problems = problems_of(
        csv(
            f"{UITSTROOM};twintig;Begroot;350;;",
            f"{UITSTROOM};2019;Misschien;350;;",
            f"{PERCENTAGE};2019;Begroot;117,3%;;",
            f"{UITSTROOM};2019;Begroot;-5;;",
            f"{UITSTROOM};2021;Begroot;12,345;;",
        )
    )
    assert problems == [
        "rij 2, kolom begrotingsjaar: 'twintig' is geen jaartal",
        "rij 3, kolom soort_waarde: 'Misschien' kan niet; kies uit Begroot, "
        "Gerealiseerd, Streefwaarde, Nulmeting, Kengetal (gemeten)",
        "rij 4, kolom waarde: een percentage ligt tussen 0 en 100",
        "rij 5, kolom waarde: een aantal of percentage kan niet negatief zijn",
        "rij 6, kolom waarde: heeft meer dan twee cijfers achter de komma",
    ]
    assert snapshot() == before


def test_percentage_sign_on_a_value_that_is_no_percentage(snapshot):
    before = snapshot()
    problems = problems_of(
        csv(
            f"{PERCENTAGE};2019;Begroot;17,3%;;",  # good, but must not be written
            f"{CONTACTEN};2019;Begroot;0,7%;;",
            "2018;1;;;Werkloze jongeren;per 10.000;2019;Begroot;0,7 %;;",
        )
    )
    assert problems == [
        "rij 3, kolom waarde: '0,7%' is een percentage, maar deze indicator telt in "
        "'bedrijfscontacten'; laat het procentteken weg, of maak de eenheid '%'",
        "rij 4, kolom waarde: '0,7 %' is een percentage, maar deze indicator telt in "
        "'per 10.000'; laat het procentteken weg, of maak de eenheid '%'",
    ]
    assert snapshot() == before


def test_unknown_indicator(snapshot):
    assert_refused(
        csv("2018;1;;bestaat-niet;;personen;2019;Begroot;5;;"),
        "rij 2, kolom indicator: onbekende indicator 'bestaat-niet'; vul de naam in "
        "om hem aan te maken",
        snapshot=snapshot,
    )


def test_unknown_programme_without_title(snapshot):
    # The seed holds programmes 1 to 8 of the Begroting 2018: the next one is unknown.
    unknown = Programme.objects.filter(budget__year=2018).count() + 1
    assert not Programme.objects.filter(budget__year=2018, number=unknown).exists()
    assert_refused(
        csv(f"2018;{unknown};;nieuw;Nieuw;personen;2019;Begroot;5;;"),
        f"rij 2, kolom programma: programma {unknown} van de begroting 2018 bestaat "
        "niet; vul de titel in om het aan te maken",
        snapshot=snapshot,
    )


def test_unknown_theme(snapshot):
    actions = actions_frame().head(2)
    actions.loc[1, "onderdeel_slug"] = "bestaat-niet"
    actions.loc[1, "onderdeel"] = ""
    assert_refused(
        frame_to_csv(actions),
        "rij 3, kolom onderdeel: onbekend onderdeel 'bestaat-niet'; vul de titel van "
        "het onderdeel in om het aan te maken",
        snapshot=snapshot,
    )


def test_unknown_action_line_and_bad_reference(snapshot):
    actions = actions_frame().head(1)
    actions.loc[0, "actielijnen"] = "Twente Werkt 9"
    actions.loc[0, "verwijzingen"] = "Brief 12"
    actions.loc[0, "bedragen"] = "veel geld"
    before = snapshot()
    problems = problems_of(frame_to_csv(actions))
    assert problems[0].startswith("rij 2, kolom verwijzingen: 'Brief 12' is geen")
    assert problems[1].startswith("rij 2, kolom bedragen: 'veel geld' is geen bedrag")
    assert snapshot() == before
    actions.loc[0, "verwijzingen"] = ""
    actions.loc[0, "bedragen"] = ""
    assert problems_of(frame_to_csv(actions)) == [
        "rij 2, kolom actielijnen: onbekende actielijn 'Twente Werkt 9'; zet de titel "
        "erachter om hem aan te maken"
    ]


def test_duplicate_rows(snapshot):
    assert_refused(
        csv(f"{UITSTROOM};2019;Begroot;350;;", f"{UITSTROOM};2019;begroot;360;;"),
        "rij 3: dubbele rij: dezelfde indicator, hetzelfde begrotingsjaar, hetzelfde "
        "jaar en dezelfde "
        "soort waarde staan ook in rij 2",
        snapshot=snapshot,
    )


def test_duplicate_action_rows(snapshot):
    actions = actions_frame().head(1)
    content = frame_to_csv(pd.concat([actions, actions]))
    assert_refused(
        content,
        "rij 3, kolom id: dubbele rij: actie 1 staat ook in rij 2",
        snapshot=snapshot,
    )


def test_missing_required_columns(snapshot):
    assert_refused(
        csv("Uitstroom overig;2019;5", header="indicator;begrotingsjaar;waarde"),
        "kolom programma_begrotingsjaar: deze verplichte kolom ontbreekt",
        "kolom eenheid: deze verplichte kolom ontbreekt",
        snapshot=snapshot,
    )


def test_columns_that_fit_nothing(snapshot):
    assert_refused(
        csv("a;b", header="naam;adres"),
        "de kolommen passen niet bij begrotingen, programma's, agenda's, teksten, "
        "verwijzingen, indicatoren, acties, financiën, inwoners of begrippen; begin "
        "met het sjabloon of een download van de open data",
        snapshot=snapshot,
    )


def test_not_a_spreadsheet(snapshot):
    assert_refused(
        b"%PDF-1.7\n\x00\x01\x02binary",
        "Het bestand is geen spreadsheet. Lees een CSV-bestand of een Excel-werkmap "
        "(.xlsx) in.",
        snapshot=snapshot,
    )


def test_empty_file(snapshot):
    assert_refused(b"", "Het bestand is leeg.", snapshot=snapshot)
    assert_refused(
        csv(),
        "Het bestand bevat geen gegevens: er staan geen rijen in.",
        snapshot=snapshot,
    )


def test_oversized_file(snapshot):
    row = f"{UITSTROOM};2019;Begroot;350;;\r\n".encode()
    content = csv() + b"\r\n" + row * (MAX_FILE_BYTES // len(row) + 1)
    assert_refused(
        content,
        "Het bestand is te groot: 5.0 MB. Het mag hoogstens 5 MB zijn.",
        snapshot=snapshot,
    )


def test_problem_in_one_sheet_writes_nothing_of_the_other(snapshot):
    indicators = indicator_values_frame()
    indicators.loc[0, "waarde"] = 7000  # a good change in the first sheet
    actions = actions_frame()
    actions.loc[3, "jaar"] = "volgend jaar"
    content = frames_to_xlsx({"indicatoren": indicators, "acties": actions})
    assert_refused(
        content,
        "blad acties, rij 5, kolom jaar: 'volgend jaar' is geen jaartal",
        snapshot=snapshot,
    )


# --- Good input -------------------------------------------------------------------


def test_dutch_and_plain_numbers_are_read_right():
    result = budget_file_import(
        content=csv(
            f"{CONTACTEN};2019;Begroot;6.500;;",
            f"{CONTACTEN};2020;Begroot;7000;;",
            f"{PERCENTAGE};2019;Begroot;17,3%;;",
            f"{PERCENTAGE};2020;Begroot;17,5;;",
            f"{PERCENTAGE};2021;Begroot;18.1;;",
            f"{PERCENTAGE};2022;Begroot;-;;",
        ),
        file_name="getallen.csv",
    )
    assert result.ok, result.problems
    values = dict(
        IndicatorValue.objects.filter(
            budget__year__gte=2019, indicator__unit="%"
        ).values_list("budget__year", "value")
    )
    assert values == {
        2019: Decimal("17.3"),
        2020: Decimal("17.5"),
        2021: Decimal("18.1"),
        2022: None,
    }
    contacts = IndicatorValue.objects.filter(
        indicator__slug="bedrijven-aantrekken-bedrijfscontacten", budget__year__gte=2019
    )
    assert sorted(contacts.values_list("value", flat=True)) == [6500, 7000]


def test_begroting_2019_is_a_draft_until_it_is_published(client):
    page = "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/"
    assert "Begroting 2019" not in client.get(page).content.decode()
    content = csv(f"{UITSTROOM};2019;Begroot;6.350;;nieuw doel")
    preview = budget_file_import(
        content=content, file_name="begroting-2019.csv", dry_run=True
    )
    assert [c.description for c in preview.created] == [
        "Begroting 2019 (concept: niet openbaar tot iemand haar publiceert)",
        "Uitstroom naar werk (incl. zelfstandig ondernemerschap) (personen), "
        "Begroting 2019, Begroot: 6.350",
    ]
    result = budget_file_import(content=content, file_name="begroting-2019.csv")
    assert result.ok
    budget = Budget.objects.get(year=2019)
    assert budget.publication_status == PublicationStatus.DRAFT
    assert not Budget.objects.public().filter(year=2019).exists()
    html = client.get(page).content.decode()
    assert "Begroting 2019" not in html and "nieuw doel" not in html
    # Not a budget to choose (the money's estimates for 2019 are another matter).
    compare = client.get("/indicatoren/vergelijken/").content.decode()
    assert 'value="2019"' not in compare

    budget.publication_status = PublicationStatus.PUBLISHED
    budget.save()
    html = client.get(page).content.decode()
    assert "Begroting 2019" in html
    assert "6.350 personen" in html
    assert "nieuw doel" in html


def test_future_targets_do_not_move_the_comparison_off_the_figures(client):
    """Targets for later years bring budgets without budgeted figures: even
    published, they are not what the comparison and the overview open on."""
    result = budget_file_import(
        content=csv(
            *(f"{UITSTROOM};{year};Streefwaarde;400;;" for year in range(2019, 2023))
        ),
        file_name="streefwaarden.csv",
    )
    assert result.ok, result.problems
    Budget.objects.update(publication_status=PublicationStatus.PUBLISHED)
    compare = client.get("/indicatoren/vergelijken/")
    # 2015: the year the seed's kengetal was measured.
    assert compare.context["years"] == [2015, 2017, 2018]
    assert (compare.context["old_year"], compare.context["new_year"]) == (2017, 2018)
    overview = client.get("/indicatoren/")
    assert overview.context["years"] == [2015, 2017, 2018]
    assert "Verschil 2017–2018" in overview.content.decode()


def test_new_programme_and_indicator_are_created_and_a_second_import_is_a_no_op(
    snapshot,
):
    content = csv(
        "2019;2;Wonen;;Nieuwe woningen;woningen;2019;Begroot;250;;",
        "2019;2;Wonen;;Nieuwe woningen;woningen;2019;Gerealiseerd;;;",
    )
    first = budget_file_import(content=content, file_name="wonen.csv")
    assert first.ok, first.problems
    assert {(c.what, c.description) for c in first.created} >= {
        (
            "begroting",
            "Begroting 2019 (concept: niet openbaar tot iemand haar publiceert)",
        ),
        ("programma", "Programma 2 Wonen"),
        ("indicator", "Nieuwe woningen (woningen)"),
    }
    indicator = Indicator.objects.get(slug="nieuwe-woningen")
    assert indicator.programme == Programme.objects.get(budget__year=2019, number=2)
    assert indicator.values.get(kind="realised").value is None  # not 0
    before = snapshot()
    second = budget_file_import(content=content, file_name="wonen.csv")
    assert second.ok and not second.created and not second.changed
    assert snapshot() == before
    assert ImportRun.objects.count() == 2


def test_dry_run_shows_the_changes_and_writes_nothing(snapshot):
    before = snapshot()
    result = budget_file_import(
        content=csv(f"{UITSTROOM};2018;Begroot;340;;"),
        file_name="x.csv",
        dry_run=True,
    )
    assert result.ok
    assert [c.description for c in result.changed] == [
        "Uitstroom naar werk (incl. zelfstandig ondernemerschap) (personen), "
        "Begroting 2018, Begroot: 332 → 340"
    ]
    assert snapshot() == before
    assert not ImportRun.objects.exists()


def test_applied_import_is_logged_with_who_did_it(admin_user):
    budget_file_import(
        content=csv(f"{UITSTROOM};2018;Begroot;340;;"),
        file_name="wijziging.csv",
        user=admin_user,
    )
    run = ImportRun.objects.get()
    assert run.user == admin_user
    assert run.file_name == "wijziging.csv"
    assert run.summary == "0 nieuw, 1 gewijzigd, 3 ongewijzigd"
    assert "332 → 340" in run.details
    # The changed value's own history in the admin says who imported it.
    entry = LogEntry.objects.get()
    assert entry.user == admin_user and entry.action_flag == CHANGE
    assert entry.get_edited_object() == IndicatorValue.objects.get(
        indicator__slug="uitstroom-naar-werk-incl-zelfstandig-ondernemerschap",
        budget__year=2018,
    )


def test_invalid_slug_and_overlong_parts_are_problems_not_crashes(snapshot):
    actions = actions_frame().head(1)
    actions.loc[0, "onderdeel_slug"] = "Mijn Onderdeel!"
    actions.loc[0, "verwijzingen"] = "Zaaknummer: " + "9" * 61
    actions.loc[0, "plekken"] = "x" * 121
    before = snapshot()
    problems = problems_of(frame_to_csv(actions))
    assert problems[0].startswith(
        "rij 2, kolom onderdeel_slug: 'Mijn Onderdeel!' is geen geldig webadres-deel"
    )
    assert any(
        p.startswith("rij 2, kolom verwijzingen: '9999") and "hoogstens 60" in p
        for p in problems
    )
    assert any(p.startswith("rij 2, kolom plekken:") for p in problems)
    assert snapshot() == before


@pytest.mark.parametrize("dutch", [False, True])
def test_text_that_looks_like_a_formula_comes_back_exactly(dutch, snapshot):
    theme = ThemeFactory(programme=Programme.objects.get(number=1))
    for title in ["=SUM(A1:A3)", "-5 procent", "@iedereen", "'=al een apostrof"]:
        ActionFactory(theme=theme, title=title, text=f"+{title}")
    content = frames_to_xlsx({"acties": actions_frame()})
    for file in (content, frame_to_csv(actions_frame(), dutch=dutch)):
        before = snapshot()
        result = budget_file_import(content=file, file_name="acties")
        assert result.ok and not result.changed and not result.created
        assert snapshot() == before


def test_emptied_source_is_cleared_and_an_absent_column_is_left_alone():
    frame = indicator_values_frame()
    frame["bron"] = ""
    assert budget_file_import(content=frame_to_csv(frame), file_name="x.csv").ok
    assert set(Indicator.objects.values_list("source", flat=True)) == {""}
    IndicatorValue.objects.filter(year=2015).update(note="bij 40 bedrijven")
    # (`jaar` stays: with the document and the kind it says which value a row is.)
    frame = frame.drop(columns=["bron", "toelichting", "opmerking", "bron_waarde"])
    frame["waarde"] = frame["waarde"].map(lambda v: v + 1 if v is not None else v)
    result = budget_file_import(content=frame_to_csv(frame), file_name="y.csv")
    assert result.ok and len(result.changed) == 11
    note = IndicatorValue.objects.get(year=2015).note
    assert note == "bij 40 bedrijven"  # the absent columns left these alone


def test_a_measured_value_comes_in_with_its_year_and_source_and_goes_out_again(
    snapshot,
):
    header = f"{HEADER};bron_waarde"
    content = csv(
        f"{CONTACTEN};2019;Kengetal (gemeten);6.100;2016;;CBS Statline",
        header=header,
    )
    result = budget_file_import(content=content, file_name="kengetal.csv")
    assert result.ok, result.problems
    value = IndicatorValue.objects.get(budget__year=2019)
    assert (value.kind, value.value, value.year, value.source) == (
        ValueKind.MEASURED,
        Decimal(6100),
        2016,
        "CBS Statline",
    )
    Budget.objects.filter(year=2019).update(
        publication_status=PublicationStatus.PUBLISHED
    )
    exported = indicator_values_frame()
    row = exported[exported["begrotingsjaar"] == 2019].iloc[0]
    assert (row["soort_waarde"], row["jaar"], row["bron_waarde"]) == (
        "Kengetal (gemeten)",
        2016,
        "CBS Statline",
    )
    before = snapshot()
    again = budget_file_import(content=frame_to_csv(exported), file_name="terug.csv")
    assert again.ok and not again.created and not again.changed
    assert snapshot() == before


def test_a_measured_value_without_its_year_is_refused(snapshot):
    assert_refused(
        csv(f"{CONTACTEN};2019;Kengetal (gemeten);6.100;;"),
        "rij 2, kolom gemeten_in: een kengetal is gemeten: vul het jaar van meting in",
        snapshot=snapshot,
    )


def test_empty_status_keeps_the_status_and_a_new_action_is_planned():
    actions = actions_frame().head(2)
    Action.objects.filter(pk=actions.loc[0, "id"]).update(status="done")
    actions["status"] = ""
    actions.loc[1, "id"] = None
    actions.loc[1, "titel"] = "Een nieuwe actie"
    result = budget_file_import(content=frame_to_csv(actions), file_name="a.csv")
    assert result.ok, result.problems
    assert Action.objects.get(pk=actions.loc[0, "id"]).status == "done"
    assert Action.objects.get(title="Een nieuwe actie").status == "planned"
