"""A Redacteur in headless Chromium: sign in, update an action, publish it, and
find it on the public page."""

import pytest

from django.core.management import call_command

from content.models import PublicationStatus
from programmes.models import Action, ActionStatus
from tests.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PASSWORD = "Begroting-Hengelo-2018"


def test_editor_changes_status_publishes_and_sees_it_on_the_public_page(page):
    call_command(
        "create_portal_user", "anouk", role="redacteur", password=PASSWORD, verbosity=0
    )
    action = Action.objects.get(references__code="NB 1.2")
    action.publication_status = PublicationStatus.DRAFT
    action.status = ActionStatus.PLANNED
    action.save()
    assert page.goto(action.get_absolute_url()).status == 404

    page.goto("/admin/")
    page.fill("#id_username", "anouk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    assert page.locator("#site-name").inner_text() == "Begroting Hengelo: beheer"
    assert "Acties zonder statusupdate dit jaar" in page.content()

    # The draft, previewed on the public layout: marked, and as accessible.
    page.goto(action.get_preview_url())
    assert "Voorvertoning (concept)" in page.locator(".preview-banner").inner_text()
    assert axe_violations(page) == []

    page.goto(f"/admin/programmes/action/{action.pk}/change/")
    page.select_option("#id_status", label="In uitvoering")
    page.select_option("#id_publication_status", label="Gepubliceerd")
    page.locator("input[name=_save]").last.click()
    assert "Gewijzigd: " in page.locator(".messagelist").inner_text()

    response = page.goto(action.get_absolute_url())
    assert response.status == 200
    assert "In uitvoering" in page.locator("dl.facts").inner_text()
    action.refresh_from_db()
    assert action.history.latest().history_user.username == "anouk"
