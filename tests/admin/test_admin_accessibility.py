"""The admin's forms pass axe, also their table rows and autocomplete fields."""

import pytest

from django.core.management import call_command

from tests.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PASSWORD = "Begroting-Hengelo-2018"
PAGES = [
    "programmes/action/",  # editable columns
    "programmes/action/1/change/",  # autocomplete fields, tabular references
    "programmes/action/add/",
    "programmes/programme/1/change/",  # tabular themes with "view on site"
    "programmes/theme/1/change/",
    "programmes/agenda/1/change/",  # tabular action lines
    "programmes/budget/1/change/",
    "indicators/indicator/1/change/",  # tabular values with a budget select
    # The money in the layout of the table, editable in place, rounding named.
    "money/financialfigure/?programme__id__exact=1&document__id__exact=2",
    "money/productchange/1/change/",
    "money/population/add/",
]


@pytest.fixture
def editor_page(page):
    call_command(
        "create_portal_user", "anouk", role="beheerder", password=PASSWORD, verbosity=0
    )
    page.goto("/admin/login/")
    page.fill("#id_username", "anouk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    return page


@pytest.mark.parametrize("prefix", ["/admin/", "/en/admin/"])
def test_forms_pass_axe(editor_page, prefix):
    found = {}
    for path in PAGES:
        editor_page.goto(prefix + path)
        violations = axe_violations(editor_page)
        if violations:
            found[path] = violations
    assert found == {}


def test_table_rows_name_their_fields(editor_page):
    editor_page.goto("/admin/indicators/indicator/1/change/")
    assert editor_page.get_attribute("#id_values-0-budget", "aria-label") == "Begroting"
    assert editor_page.get_attribute("#id_values-0-DELETE", "aria-label")


def test_autocomplete_stays_named_after_a_choice(editor_page):
    editor_page.goto("/admin/programmes/action/1/change/")
    box = editor_page.locator(".field-places .select2-search__field")
    assert box.get_attribute("aria-label") == "Plekken"
    box.click()
    editor_page.locator(".select2-results__option").first.click()
    # select2 has drawn its search box and list of choices again.
    assert box.get_attribute("aria-label") == "Plekken"
    assert axe_violations(editor_page) == []
