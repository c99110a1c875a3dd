"""Every public page, opened in headless Chromium: axe-core finds no WCAG 2.1 AA issue
and the Nu HTML Checker finds no error."""

import pytest

from tests.browser import axe_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PUBLIC_PAGES = [
    "/",
    "/programmas/2018/economie-werk-en-inkomen/",
    "/acties/1/",
    "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/",
    "/indicatoren/bedrijven-aantrekken-bedrijfsbezoeken/",
    "/open-data/",
    "/api/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_page_has_no_axe_violations(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_pages_are_valid_html(page, tmp_path):
    files = []
    for number, path in enumerate(PUBLIC_PAGES):
        served = page.goto(path).text()
        file = tmp_path / f"page-{number}.html"
        file.write_text(served, encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []
