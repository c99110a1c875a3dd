"""Charts enhance, tables carry the data; the main route works by keyboard alone."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

INDICATOR = "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/"
SCREENSHOTS = Path(__file__).parent / "screenshots"


def test_chart_is_drawn_from_the_portal_itself(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(INDICATOR)
    page.locator(".chart-canvas").scroll_into_view_if_needed()
    page.wait_for_selector(".chart-canvas svg.main-svg")
    assert page.locator(".chart-canvas").is_visible()
    bars = page.locator(".chart-canvas .bars path")
    assert bars.count() == 2
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_chart_code_loads_only_when_the_chart_comes_near(page):
    """On a phone the chart is below the table: plotly.js waits for the reader."""
    plotly = []
    page.on("request", lambda r: "plotly" in r.url and plotly.append(r.url))
    page.set_viewport_size({"width": 360, "height": 400})
    page.goto(INDICATOR)
    page.wait_for_load_state("networkidle")
    assert plotly == []
    assert page.locator(".chart-canvas svg.main-svg").count() == 0
    page.locator(".chart-canvas").scroll_into_view_if_needed()
    page.wait_for_selector(".chart-canvas svg.main-svg")
    assert len(plotly) == 1


def test_pages_without_a_chart_load_no_chart_code(page):
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    for path in ("/acties/", "/agendas/", "/begrippen/"):
        page.goto(path)
    assert scripts == []


def test_money_charts_are_drawn_with_planned_years_outlined(page):
    page.goto("/programmas/2018/economie-werk-en-inkomen/")
    chart = page.locator('[data-chart="geld-data"]')
    chart.scroll_into_view_if_needed()
    page.wait_for_selector('[data-chart="geld-data"] svg.main-svg')
    # Lasten and baten for six years each; the planned years (all but the
    # realised 2016) are outlined: white inside, as the legend says ("Omlijnd").
    bars = chart.locator(".bars path")
    assert bars.count() == 12
    fills = [bars.nth(i).evaluate("el => el.style.fill") for i in range(12)]
    assert fills.count("rgb(255, 255, 255)") == 10, fills
    assert "Omlijnd: begroot of geraamd." in chart.inner_text()
    waterfall = page.locator('[data-chart="verschillen-data"]')
    waterfall.scroll_into_view_if_needed()
    page.wait_for_selector('[data-chart="verschillen-data"] svg.main-svg')
    # Haven, Economische aangelegenheden and their total.
    assert waterfall.locator(".bars path").count() == 3


def test_without_javascript_the_table_and_sentence_remain(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(INDICATOR)
    assert tab.locator(".chart-canvas").is_hidden()
    assert tab.get_by_text("60 meer dan in 2017 (+22%)").first.is_visible()
    assert tab.locator("table td", has_text="332 personen").is_visible()
    context.close()


def test_keyboard_only_home_to_programme_to_indicator(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == (
        "Direct naar de inhoud"
    )
    page.keyboard.press("Enter")
    # The fragment reaches page.url with the navigation event, a moment later.
    page.wait_for_url("**/#inhoud", timeout=5000)

    def tab_to(text):
        # A link with that text: a table's scroll region (tabindex 0, so that a
        # wide table scrolls by keyboard) also takes focus and holds the same
        # words, but Enter on it goes nowhere.
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(
                "text => document.activeElement.matches('a[href]')"
                " && document.activeElement.textContent.includes(text)",
                text,
            ):
                return
        raise AssertionError(f"no focusable link with {text!r}")

    tab_to("Programma 1 Economie, Werk en Inkomen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/programmas/2018/economie-werk-en-inkomen/")
    tab_to("Uitstroom naar werk")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{INDICATOR}")
    assert page.locator("h1").inner_text().startswith("Uitstroom naar werk")
    # Focus stays visible: the focused element has an outline.
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_print_shows_the_programme_without_navigation(page):
    page.goto("/programmas/2018/economie-werk-en-inkomen/")
    page.emulate_media(media="print")
    assert page.locator(".main-nav").is_hidden()
    assert page.locator(".site-footer").is_hidden()
    assert page.locator("h2", has_text="Wat gaan we daarvoor doen?").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_screenshots_for_the_readme(page, tmp_path):
    """With UPDATE_SCREENSHOTS=1, writes the screenshots that README.md shows."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto("/programmas/2018/economie-werk-en-inkomen/")
    page.screenshot(path=folder / "programma.png")
    page.goto(INDICATOR)
    page.locator(".chart-canvas").scroll_into_view_if_needed()
    page.wait_for_selector(".chart-canvas svg.main-svg")
    page.locator("main").screenshot(path=folder / "indicator.png")
    assert (folder / "indicator.png").stat().st_size > 10_000
