"""A second programme brought in by an import reads as well as programme 1: axe
finds no WCAG 2.1 AA issue and the Nu HTML Checker no error on its pages."""

import pytest

from opendata.imports.pipeline import budget_file_import
from programmes.models import Action, Programme
from tests.browser import axe_violations, vnu_errors
from tests.opendata.test_second_programme import second_programme_workbook

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]


@pytest.fixture
def second_programme(seed_data):
    # A portal with programme 1 only (the seed also has programme 2's money).
    Programme.objects.filter(budget__year=2018, number=2).delete()
    result = budget_file_import(
        content=second_programme_workbook(), file_name="programma-2.xlsx"
    )
    assert result.ok, result.problems
    # Its narrative came in with the workbook: two parts and their paragraphs.
    programme = Programme.objects.get(budget__year=2018, number=2)
    action = Action.objects.filter(theme__programme=programme).first()
    indicator = programme.indicators.get()
    paths = [
        programme.get_absolute_url(),
        action.get_absolute_url(),
        indicator.get_absolute_url(),
        "/indicatoren/",
    ]
    return paths + ["/en" + path for path in paths]


def test_the_second_programme_has_no_axe_violations(page, second_programme):
    for path in second_programme:
        assert page.goto(path).status == 200, path
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], path


def test_the_second_programme_is_valid_html(page, second_programme, tmp_path):
    files = []
    for number, path in enumerate(second_programme):
        file = tmp_path / f"programma-2-{number}.html"
        file.write_text(page.goto(path).text(), encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []
