"""Each indicator figure belongs to the document that states it and the year it is
about (issue 24, item 3): goals for later years invent no budgets, a realised
value from a later document shows as realised, a kengetal stands at the year it
was measured; import, export, API, pages and the dashboard agree."""

import json
from decimal import Decimal

import pandas as pd
import pytest

from admin_site.dashboard import indicators_missing_value
from content.models import PublicationStatus
from indicators.charts import indicator_figure
from indicators.models import Indicator, IndicatorValue, ValueKind
from opendata.columns import INDICATOR_COLUMNS
from opendata.exports import indicator_values_frame
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import frame_to_csv, frames_to_xlsx
from programmes.models import Budget
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

INDICATOR = {
    "programma_begrotingsjaar": 2018,
    "programma_nummer": 1,
    "indicator": "Startende ondernemers begeleid",
    "eenheid": "starters",
}
PROGRAMME_PAGE = "/programmas/2018/economie-werk-en-inkomen/"


def workbook(rows) -> bytes:
    frame = pd.DataFrame(
        [{**INDICATOR, **row} for row in rows],
        columns=[column.name for column in INDICATOR_COLUMNS],
        dtype=object,
    )
    return frames_to_xlsx({"indicatoren": frame})


def goals_and_a_realised_value() -> bytes:
    """The Begroting 2018 states its goal for 2018 and for four later years; the
    Begroting 2019 states what was realised in 2017."""
    goals = [
        {"begrotingsjaar": 2018, "jaar": year, "soort_waarde": "Begroot", "waarde": n}
        for year, n in ((2018, 100), (2019, 110), (2020, 120), (2021, 130), (2022, 140))
    ]
    goals[0]["jaar"] = None  # empty: the budget's own year
    realised = {
        "begrotingsjaar": 2019,
        "jaar": 2017,
        "soort_waarde": "Gerealiseerd",
        "waarde": 95,
        "opmerking": "uit de jaarstukken 2017",
    }
    return workbook([*goals, realised])


def imported():
    budgets_before = set(Budget.objects.values_list("year", flat=True))
    result = budget_file_import(
        content=goals_and_a_realised_value(), file_name="meerjarig.xlsx"
    )
    assert result.ok, result.problems
    # Goals for 2019-2022 invent no budgets; the Begroting 2019 is the document
    # of the realised value (a draft until someone publishes it).
    assert set(Budget.objects.values_list("year", flat=True)) == budgets_before | {2019}
    Budget.objects.filter(year=2019).update(
        publication_status=PublicationStatus.PUBLISHED
    )
    return Indicator.objects.get(name=INDICATOR["indicator"])


def test_the_workbook_brings_goals_for_later_years_and_a_realised_value(client):
    indicator = imported()
    stored = sorted(
        (v.budget.year, v.year, v.kind, v.value)
        for v in indicator.values.select_related("budget")
    )
    assert stored == [
        (2018, 2018, ValueKind.BUDGETED, Decimal(100)),
        (2018, 2019, ValueKind.BUDGETED, Decimal(110)),
        (2018, 2020, ValueKind.BUDGETED, Decimal(120)),
        (2018, 2021, ValueKind.BUDGETED, Decimal(130)),
        (2018, 2022, ValueKind.BUDGETED, Decimal(140)),
        (2019, 2017, ValueKind.REALISED, Decimal(95)),
    ]
    text = page_text(client.get(indicator.get_absolute_url()))
    assert (
        "In de begroting 2018 is het doel 100 starters. Doel 2022 (Begroting 2018): "
        "140 starters. Gerealiseerd 2017 (Begroting 2019): 95 starters."
    ) in text
    # The table names the year and the document of every figure.
    assert "2017 Gerealiseerd 95 starters Begroting 2019 uit de jaarstukken 2017" in (
        text
    )
    assert "2020 Begroot 120 starters Begroting 2018" in text


def test_the_sentence_in_english(client):
    indicator = imported()
    text = page_text(client.get("/en" + indicator.get_absolute_url()))
    assert (
        "In the 2018 budget the goal is 100 starters. Goal 2022 (Begroting 2018): "
        "140 starters. Realised 2017 (Begroting 2019): 95 starters."
    ) in text


def test_the_programme_table_shows_the_realised_value_and_later_goals(client):
    imported()
    response = client.get(PROGRAMME_PAGE)
    text = page_text(response)
    assert (
        "95 starters (gerealiseerd 2017, Begroting 2019; uit de jaarstukken 2017)"
        in text
    )
    assert "120 starters (doel 2020, Begroting 2018)" in text
    assert "100 starters" in text
    # Beside a goal of the same year, the realised figure is said too.
    IndicatorValue.objects.create(
        indicator=Indicator.objects.get(name=INDICATOR["indicator"]),
        budget=Budget.objects.get(year=2017),
        kind=ValueKind.BUDGETED,
        value=90,
    )
    text = page_text(client.get(PROGRAMME_PAGE))
    assert "90 starters (gerealiseerd: 95 starters, Begroting 2019)" in text


def test_the_chart_draws_each_figure_at_its_year_and_names_its_document():
    indicator = imported()
    values = list(indicator.values.select_related("budget"))
    figure = indicator_figure(indicator, values)
    budgeted, realised = figure["data"][0], figure["data"][1]
    assert list(budgeted["x"]) == ["2017", "2018", "2019", "2020", "2021", "2022"]
    assert list(budgeted["y"]) == [None, 100, 110, 120, 130, 140]
    assert list(realised["y"])[0] == 95
    assert list(realised["customdata"])[0] == "Begroting 2019"
    assert list(budgeted["customdata"])[3] == "Begroting 2018"


def test_export_writes_both_years_and_reads_back_unchanged():
    indicator = imported()
    frame = indicator_values_frame(values=indicator.values.all())
    assert list(zip(frame["begrotingsjaar"], frame["jaar"], strict=True)) == [
        (2018, 2018),
        (2018, 2019),
        (2018, 2020),
        (2018, 2021),
        (2018, 2022),
        (2019, 2017),
    ]
    again = budget_file_import(content=frame_to_csv(frame), file_name="terug.csv")
    assert again.ok and not again.created and not again.changed


def test_api_gives_the_year_and_filters_on_it(client):
    imported()
    response = client.get(
        "/api/v1/waarden/",
        {"jaar": 2020, "indicator": "startende-ondernemers-begeleid"},
    )
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    assert [(r["budget_year"], r["year"], r["value"]) for r in results] == [
        (2018, 2020, 120.0)
    ]
    documents = client.get("/api/v1/waarden/", {"begrotingsjaar": 2019}).json()
    assert [(r["year"], r["kind"]) for r in documents["results"]] == [
        (2017, ValueKind.REALISED)
    ]


def test_the_dashboard_counts_what_the_document_states_for_its_own_year():
    indicator = imported()
    budget_2019 = Budget.objects.get(year=2019)
    # The Begroting 2018's goal for 2019 and the Begroting 2019's realised value
    # of 2017 are no goal of the Begroting 2019 for 2019.
    assert indicator in indicators_missing_value(budget=budget_2019)
    IndicatorValue.objects.create(
        indicator=indicator, budget=budget_2019, kind=ValueKind.BUDGETED, value=None
    )
    assert indicator not in indicators_missing_value(budget=budget_2019)
    assert indicator not in indicators_missing_value(
        budget=Budget.objects.get(year=2018)
    )


def test_the_compare_page_compares_the_goals_of_two_years(client):
    imported()
    # Goals for later years do not move what the pages open on.
    opened = client.get("/indicatoren/vergelijken/")
    assert (opened.context["old_year"], opened.context["new_year"]) == (2017, 2018)
    assert 2022 in opened.context["years"]
    assert "Verschil 2017–2018" in client.get("/indicatoren/").content.decode()
    response = client.get("/indicatoren/vergelijken/", {"van": 2019, "naar": 2020})
    rows = {r["name"]: r for r in response.context["table"].data.data}
    row = rows[INDICATOR["indicator"]]
    assert (str(row["y2019"]), str(row["y2020"]), str(row["change"])) == (
        "110 starters",
        "120 starters",
        "+10 starters",
    )
    assert row["y2020"].note == "doel 2020, Begroting 2018"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"jaar": "twintig"},
            "rij 2, kolom jaar: 'twintig' is geen jaartal",
        ),
        (
            {"soort_waarde": "Gerealiseerd", "jaar": 2020},
            "rij 2, kolom jaar: 2020 ligt na begrotingsjaar 2018: "
            "een gerealiseerd of gemeten cijfer gaat niet over een later jaar dan de "
            "begroting die het noemt",
        ),
        (
            {"soort_waarde": "Kengetal (gemeten)"},
            "rij 2, kolom jaar: een kengetal is gemeten: vul het jaar van meting in",
        ),
    ],
)
def test_a_bad_year_is_said_per_row_and_column(row, message):
    before = IndicatorValue.objects.count()
    content = workbook(
        [{"begrotingsjaar": 2018, "soort_waarde": "Begroot", "waarde": 5, **row}]
    )
    result = budget_file_import(content=content, file_name="fout.xlsx")
    assert not result.ok
    assert message in [str(problem) for problem in result.problems]
    assert IndicatorValue.objects.count() == before
