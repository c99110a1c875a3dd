"""The whole budget in the browser: the home page's byte budget, and the money of a
programme on a phone of 390 px (issue 24)."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

SCREENSHOTS = Path(__file__).parent / "screenshots"


def screenshots(tmp_path) -> Path:
    """The committed folder only with UPDATE_SCREENSHOTS=1: a test run leaves the
    working tree as it found it."""
    return SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path


# The page budget of every page: at most 60 KB transferred, the chart included.
HOME_PAGE_BUDGET = 60 * 1024
PHONE = {"width": 390, "height": 844}


def transferred(page, path) -> tuple[int, list[str]]:
    """Bytes of every response the page needed (headers and body), and their URLs.
    The test server does not compress, so this is more than a visitor transfers."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    total = 0
    for response in responses:
        sizes = response.request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total, [response.url for response in responses]


def test_home_page_shows_the_whole_budget_within_its_byte_budget(page, tmp_path):
    page.set_viewport_size(PHONE)
    total, urls = transferred(page, "/")
    assert not [url for url in urls if "plotly" in url or url.endswith(".js")], urls
    assert total <= HOME_PAGE_BUDGET, (total, urls)
    # Eight programmes and the published total, each with its bar.
    table = page.locator("table.shares")
    assert table.locator("tbody tr").count() == 8
    assert table.locator("svg.bar rect").count() == 8
    assert "285.407.000" in table.locator("tfoot").inner_text()
    # The chart is in the first screens of a phone, not after the indicators.
    box = table.bounding_box()
    assert box["width"] <= PHONE["width"]
    page.screenshot(path=screenshots(tmp_path) / "home-390.png", full_page=True)


def _overflows(page, locator) -> bool:
    return locator.evaluate("el => el.scrollWidth > el.clientWidth + 1")


def test_wide_money_tables_show_that_they_scroll_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto("/programmas/2018/economie-werk-en-inkomen/")
    wrappers = page.locator(".table-scroll:has(table.money), .table-scroll:has(td)")
    wide = [
        wrappers.nth(i)
        for i in range(wrappers.count())
        if _overflows(page, wrappers.nth(i))
    ]
    assert wide, "the money table is wider than a phone"
    for wrapper in wide:
        # The cue: shadows at the edge where the table goes on.
        background = wrapper.evaluate("el => getComputedStyle(el).backgroundImage")
        assert "radial-gradient" in background
        # The page itself does not scroll sideways: only the table does.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_money_charts_fit_a_phone(page, tmp_path):
    page.set_viewport_size(PHONE)
    page.goto("/programmas/2018/economie-werk-en-inkomen/")
    for chart_id in ("geld-data", "verschillen-data"):
        chart = page.locator(f'[data-chart="{chart_id}"]')
        chart.scroll_into_view_if_needed()
        page.wait_for_selector(f'[data-chart="{chart_id}"] svg.main-svg')
        svg = chart.locator("svg.main-svg").first.bounding_box()
        # Title, legend words and every label inside the drawing, not cut off.
        texts = chart.locator(".gtitle, .annotation-text, .xtick text, .bartext")
        assert texts.count() > 0
        for i in range(texts.count()):
            box = texts.nth(i).bounding_box()
            if box is None:
                continue
            assert box["x"] >= svg["x"] - 1, (chart_id, texts.nth(i).text_content())
            assert box["x"] + box["width"] <= svg["x"] + svg["width"] + 1, (
                chart_id,
                texts.nth(i).text_content(),
            )
            assert box["y"] >= svg["y"] - 1, (chart_id, texts.nth(i).text_content())
        chart.screenshot(path=screenshots(tmp_path) / f"{chart_id}-390.png")
    # Dutch amounts on the axis, not "100k".
    ticks = page.locator(
        '[data-chart="verschillen-data"] .ytick text'
    ).all_text_contents()
    assert ticks and not any(t.endswith(("k", "M")) for t in ticks), ticks
