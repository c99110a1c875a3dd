"""What the import's preview lists is what it writes: every record once, under
the right heading, and the budgets that stay or become drafts named (issue 24,
item 6)."""

import pandas as pd
import pytest

from accounts.staff import portal_user_create
from content.models import PublicationStatus
from money.models import SummaryFigure
from opendata.exports import budget_frames
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import frames_to_xlsx
from programmes.models import Budget
from tests.opendata.test_whole_budget import SECOND, _counts, _empty_portal

pytestmark = pytest.mark.usefixtures("seed_data")


def _editor():
    return portal_user_create(username="r", role="redacteur", password="x-Y-z-123")


def _listed_once(result):
    # No record twice, whatever the heading.
    assert len(set(result.changes)) == len(result.changes)


def test_the_preview_counts_every_record_the_import_writes():
    # The recapitulation has no sheet in the workbook yet (test_whole_budget).
    SummaryFigure.objects.all().delete()
    workbook = frames_to_xlsx(budget_frames())
    _empty_portal()
    editor = _editor()
    preview = budget_file_import(
        content=workbook, file_name="begroting.xlsx", user=editor, dry_run=True
    )
    assert preview.ok, [str(p) for p in preview.problems][:10]
    assert not preview.changed and not preview.unchanged
    _listed_once(preview)
    result = budget_file_import(content=workbook, file_name="b.xlsx", user=editor)
    assert result.ok
    # Into an empty portal every row written is new: as many as the preview said.
    assert len(preview.created) == len(result.created) == sum(_counts().values())
    assert result.changes == preview.changes


def test_a_second_import_lists_each_record_once_as_unchanged():
    SummaryFigure.objects.all().delete()
    before = sum(_counts().values())
    result = budget_file_import(
        content=frames_to_xlsx(budget_frames()), file_name="begroting.xlsx"
    )
    assert result.ok
    assert not result.created and not result.changed
    _listed_once(result)
    kinds = {change.what for change in result.unchanged}
    assert {"begroting", "programma", "onderdeel"} <= kinds
    # Of the records a page shows, each is listed (an action's references and
    # amounts are part of it, and listed only when written).
    assert len(result.unchanged) <= before


def test_a_new_programme_lists_what_the_file_creates_only_as_new(
    without_seed_programme_2,
):
    frames = {name: pd.DataFrame(rows) for name, rows in SECOND.items()}
    before = sum(_counts().values())
    preview = budget_file_import(
        content=frames_to_xlsx(frames), file_name="p2.xlsx", dry_run=True
    )
    assert preview.ok, [str(p) for p in preview.problems]
    _listed_once(preview)
    created = {(c.what, c.description) for c in preview.created}
    assert not any((c.what, c.description) in created for c in preview.unchanged), (
        preview.unchanged
    )
    result = budget_file_import(content=frames_to_xlsx(frames), file_name="p2.xlsx")
    assert sum(_counts().values()) - before == len(preview.created)
    assert result.changes == preview.changes


def test_the_preview_names_the_budgets_that_become_or_stay_drafts():
    # The Begroting 2018 with its money, of which some is the Begroting 2017's.
    workbook = frames_to_xlsx(budget_frames(year=2018))
    _empty_portal()
    Budget.objects.create(
        year=2017, title="Begroting 2017", publication_status=PublicationStatus.DRAFT
    )
    preview = budget_file_import(
        content=workbook, file_name="begroting.xlsx", user=_editor(), dry_run=True
    )
    assert preview.ok, [str(p) for p in preview.problems][:10]
    assert preview.new_drafts == ["Begroting 2018"]
    assert preview.kept_drafts == ["Begroting 2017"]


def test_the_command_publishes_and_names_no_draft():
    workbook = frames_to_xlsx(budget_frames())
    _empty_portal()
    preview = budget_file_import(content=workbook, file_name="b.xlsx", dry_run=True)
    assert preview.ok
    assert preview.new_drafts == preview.kept_drafts == []
