"""An editor in headless Chromium switches the admin to English and back, without
JavaScript being needed for the switch; the English pages pass axe."""

import pytest

from django.core.management import call_command

from tests.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PASSWORD = "Begroting-Hengelo-2018"


def test_editor_switches_the_admin_to_english_and_back(page):
    call_command(
        "create_portal_user", "anouk", role="redacteur", password=PASSWORD, verbosity=0
    )
    page.goto("/admin/")
    page.click(".admin-language-switch a[hreflang=en]")
    assert page.url.endswith("/en/admin/login/?next=/en/admin/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []
    page.fill("#id_username", "anouk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    assert page.locator("#site-name").inner_text() == "Budget Hengelo: administration"
    assert "Actions without a status update this year" in page.content()
    assert axe_violations(page) == []

    page.goto("/en/admin/programmes/action/1/change/")
    assert axe_violations(page) == []
    assert (
        page.locator("label[for=id_title_en]")
        .inner_text()
        .startswith("Short title (English)")
    )

    page.click(".admin-language-switch a[hreflang=nl]")
    page.wait_for_load_state()
    assert page.url.endswith("/admin/programmes/action/1/change/")
    assert "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "nl"
    assert (
        page.locator("label[for=id_title_en]")
        .inner_text()
        .startswith("Korte titel (Engels)")
    )
