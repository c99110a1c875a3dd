"""Every public page, opened in headless Chromium: axe-core finds no WCAG 2.1 AA
issue, the Nu HTML Checker finds no error, and nothing overflows a 320 px phone."""

import pytest

from tests.browser import axe_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PUBLIC_PAGES = [
    "/",
    "/programmas/2018/economie-werk-en-inkomen/",
    # A programme of which only the money is in the portal (issue 24).
    "/programmas/2018/onderwijs-en-jeugd/",
    "/acties/",
    "/acties/?soort=onzin",
    "/acties/1/",
    "/agendas/",
    "/agendas/twente-werkt/",
    "/indicatoren/",
    "/indicatoren/?sort=-y2018",
    "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/",
    "/indicatoren/percentage-huishoudens-met-een-inkomen-tot-120-van-het-sociaal-minimum/",
    "/indicatoren/vergelijken/",
    "/begrippen/",
    "/zoeken/",
    "/zoeken/?q=werk",
    "/contact/",
    "/privacy/",
    "/toegankelijkheid/",
    "/kwetsbaarheid-melden/",
    "/open-data/",
    "/api/",
]
# The same pages in English (issue 8): the same checks, with lang="en".
ENGLISH_PAGES = ["/en" + path for path in PUBLIC_PAGES]
ALL_PAGES = PUBLIC_PAGES + ENGLISH_PAGES


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_axe_violations(page, path):
    response = page.goto(path)
    assert response.status == 200
    language = "en" if path.startswith("/en/") else "nl"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_pages_are_valid_html(page, tmp_path):
    files = []
    for number, path in enumerate(ALL_PAGES):
        served = page.goto(path).text()
        file = tmp_path / f"page-{number}.html"
        file.write_text(served, encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_nothing_overflows_a_320_pixel_phone(page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
