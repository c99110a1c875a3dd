"""Export everything, import it into an empty portal, export again: the same data."""

import pytest

from content.models import PublicationStatus
from indicators.models import IndicatorValue
from opendata.exports import actions_frame, indicator_values_frame
from opendata.imports.pipeline import budget_file_import
from opendata.models import ImportRun
from opendata.spreadsheets import frame_to_csv, frames_to_xlsx
from programmes.models import Action, Budget

pytestmark = pytest.mark.usefixtures("seed_data")


def _comparable(frame):
    # Action ids are the portal's own numbers; a new portal hands out new ones.
    return frame.drop(columns=["id"], errors="ignore").to_dict(orient="records")


def _files(indicators, actions):
    return {
        "CSV": [frame_to_csv(indicators), frame_to_csv(actions)],
        "CSV voor Excel": [
            frame_to_csv(indicators, dutch=True),
            frame_to_csv(actions, dutch=True),
        ],
        "Excel": [frames_to_xlsx({"indicatoren": indicators, "acties": actions})],
    }


@pytest.mark.parametrize("variant", ["CSV", "CSV voor Excel", "Excel"])
def test_round_trip_into_an_empty_database(variant, empty_domain, snapshot):
    indicators, actions = indicator_values_frame(), actions_frame()
    assert len(indicators) == 12 and len(actions) == 18
    files = _files(indicators, actions)[variant]
    empty_domain()
    assert not Budget.objects.exists()

    for content in files:
        result = budget_file_import(content=content, file_name="export", dry_run=False)
        assert result.ok, [str(p) for p in result.problems]
    # A budget an import creates is a draft until someone publishes it.
    assert not Budget.objects.public().exists()
    Budget.objects.update(publication_status=PublicationStatus.PUBLISHED)

    assert _comparable(indicator_values_frame()) == _comparable(indicators)
    assert _comparable(actions_frame()) == _comparable(actions)
    assert IndicatorValue.objects.filter(value__isnull=True).count() == 1

    # The same files again change nothing at all.
    before = snapshot()
    for content in files:
        result = budget_file_import(content=content, file_name="export", dry_run=False)
        assert result.ok and not result.created and not result.changed
    assert snapshot() == before


def test_importing_the_export_into_the_same_portal_changes_nothing(snapshot):
    before = snapshot()
    content = frames_to_xlsx(
        {"indicatoren": indicator_values_frame(), "acties": actions_frame()}
    )
    result = budget_file_import(content=content, file_name="alles.xlsx")
    assert result.ok
    assert not result.created and not result.changed
    assert len(result.unchanged) > 30
    assert snapshot() == before
    assert ImportRun.objects.count() == 1


def test_edited_action_is_matched_by_id_and_changed(snapshot):
    actions = actions_frame()
    actions.loc[0, "titel"] = "Nieuwe titel"
    actions.loc[0, "status"] = "Afgerond"
    result = budget_file_import(content=frame_to_csv(actions), file_name="acties.csv")
    assert result.ok
    assert [c.description for c in result.changed] == [
        "Nieuwe titel (status, korte titel)"
    ]
    action = Action.objects.get(pk=actions.loc[0, "id"])
    assert action.title == "Nieuwe titel" and action.status == "done"
    assert action.references.count() == 3  # left alone: unchanged cells


DOWNLOADS = ["indicatoren", "acties"]
IMPORTABLE_SUFFIXES = [".csv", "-puntkomma.csv", ".xlsx"]


@pytest.mark.parametrize("name", DOWNLOADS)
@pytest.mark.parametrize("suffix", [*IMPORTABLE_SUFFIXES, ".json"])
def test_a_download_is_the_same_from_every_language(client, name, suffix):
    dutch = client.get(f"/open-data/{name}{suffix}")
    english = client.get(f"/en/open-data/{name}{suffix}")
    assert dutch.status_code == english.status_code == 200
    if suffix == ".xlsx":  # a workbook holds its time of writing
        from io import BytesIO

        import pandas as pd

        read = lambda response: pd.read_excel(BytesIO(response.content))  # noqa: E731
        assert read(dutch).equals(read(english))
    else:
        assert dutch.content == english.content
    assert b"Budgeted" not in english.content and b"Planned" not in english.content


@pytest.mark.parametrize("name", DOWNLOADS)
@pytest.mark.parametrize("suffix", IMPORTABLE_SUFFIXES)
@pytest.mark.parametrize("admin_language", ["nl", "en"])
def test_the_english_download_imports_unchanged(
    client, snapshot, name, suffix, admin_language
):
    from django.utils import translation

    content = client.get(f"/en/open-data/{name}{suffix}").content
    before = snapshot()
    # Read in the Dutch admin or in the English one: the file means the same.
    with translation.override(admin_language):
        result = budget_file_import(content=content, file_name=f"{name}{suffix}")
    assert result.ok, [str(p) for p in result.problems]
    assert not result.created and not result.changed
    assert snapshot() == before


def test_a_file_from_an_older_english_download_still_imports(snapshot):
    """Before downloads were language-independent, English pages wrote 'Budgeted'
    and 'number'; such a file reads as what it meant."""
    frame = indicator_values_frame()
    frame["soort_waarde"] = frame["soort_waarde"].replace({"Begroot": "Budgeted"})
    frame["soort_getal"] = frame["soort_getal"].replace(
        {"aantal": "number", "percentage": "percentage"}
    )
    assert "Budgeted" in set(frame["soort_waarde"])
    before = snapshot()
    result = budget_file_import(content=frame_to_csv(frame), file_name="oud.csv")
    assert result.ok, [str(p) for p in result.problems]
    assert not result.changed
    assert snapshot() == before
