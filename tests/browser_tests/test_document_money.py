"""Each document's money page in the browser (issue 24): no axe-core issue at
1280 and 390 px, valid HTML for the Nu checker, and its link from the programme
page opens it."""

import pytest

from tests.browser import axe_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

SLUG = "economie-werk-en-inkomen"
PAGES = [
    # The Begroting 2017 has no text of programme 1 in the portal, only its money.
    f"/programmas/2017/{SLUG}/financien/",
    f"/programmas/2018/{SLUG}/financien/",
]
ALL_PAGES = PAGES + ["/en" + path for path in PAGES]
WIDTHS = [1280, 390]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ALL_PAGES)
def test_money_page_has_no_axe_violations(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(path)
    assert response.status == 200
    language = "en" if path.startswith("/en/") else "nl"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert page.locator("table.money tbody tr").count() >= 6
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    # Nothing but the table's own scrolling region is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_money_pages_are_valid_html(page, tmp_path):
    files = []
    for number, path in enumerate(ALL_PAGES):
        file = tmp_path / f"money-{number}.html"
        file.write_text(page.goto(path).text(), encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []


def test_the_programme_page_leads_to_the_begroting_2017(page):
    page.goto(f"/programmas/2018/{SLUG}/")
    page.get_by_role("link", name="Begroting 2017: lasten en baten").click()
    page.wait_for_url(f"**/programmas/2017/{SLUG}/financien/")
    caption = page.locator("table.money caption").inner_text()
    assert "Begroting 2017" in caption
    assert "Rekening 2015" in page.locator("table.money thead").inner_text()
