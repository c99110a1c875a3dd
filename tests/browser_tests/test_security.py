"""Pages work under the strict Content Security Policy: nothing is blocked."""

import pytest

from tests.browser_tests.test_accessibility import ALL_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]


def test_no_page_breaks_the_content_security_policy(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    violations = []
    tab.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{tab.url}: {message.text}")
        ),
    )
    for path in ALL_PAGES:
        response = tab.goto(path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        tab.wait_for_load_state("networkidle")
    tab.goto("/indicatoren/uitstroom-overig/")
    tab.locator(".chart-canvas").scroll_into_view_if_needed()
    tab.wait_for_selector(".chart-canvas svg.main-svg")
    context.close()
    assert violations == []
