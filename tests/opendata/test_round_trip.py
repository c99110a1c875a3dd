"""Export everything, import it into an empty portal, export again: the same data."""

import pytest

from indicators.budget_import import budget_file_import
from indicators.exports import indicator_values_frame
from indicators.models import ImportRun, IndicatorValue
from programmes.exports import actions_frame
from programmes.models import Action, Budget
from programmes.spreadsheets import frame_to_csv, frames_to_xlsx

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
